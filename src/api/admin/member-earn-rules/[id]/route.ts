import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { membershipOf } from "../../../../workflows/membership/steps/membership-service"
import type { AdminUpsertEarnRuleType } from "../../members/validators"

/** POST /admin/member-earn-rules/:id — replace a rule's settings. */
export const POST = async (req: MedusaRequest<AdminUpsertEarnRuleType>, res: MedusaResponse) => {
  const membership = membershipOf(req.scope)
  await membership.retrieveEarnRule(req.params.id)
  const rule = await membership.updateEarnRules({ id: req.params.id, ...(req.validatedBody as any) })
  res.json({ rule })
}

/** DELETE /admin/member-earn-rules/:id — the rule stops applying; points already earned stay. */
export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  const membership = membershipOf(req.scope)
  await membership.retrieveEarnRule(req.params.id)
  await membership.softDeleteEarnRules(req.params.id)
  res.json({ id: req.params.id, object: "member_earn_rule", deleted: true })
}
