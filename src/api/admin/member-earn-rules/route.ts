import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { membershipOf } from "../../../workflows/membership/steps/membership-service"
import type { AdminUpsertEarnRuleType } from "../members/validators"

/** GET /admin/member-earn-rules — every rule, active first. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const rules = await membershipOf(req.scope).listEarnRules({}, { order: { active: "DESC", created_at: "ASC" }, take: null })
  res.json({ rules })
}

/** POST /admin/member-earn-rules — a base rate or a bonus multiplier, scoped by channel, category, shop, days. */
export const POST = async (req: MedusaRequest<AdminUpsertEarnRuleType>, res: MedusaResponse) => {
  const rule = await membershipOf(req.scope).createEarnRules(req.validatedBody as any)
  res.status(201).json({ rule })
}
