import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updatePolicyOverrideWorkflow } from "../../../../../workflows/replenishment/policies/update-policy-override"
import type { AdminUpdatePolicyType } from "../../validators"
import { onHandFor } from "../on-hand"

/** POST /admin/replenishment/policies/:id: the merchant's override (min/max, frozen, service target). */
export const POST = async (req: MedusaRequest<AdminUpdatePolicyType>, res: MedusaResponse) => {
  const { result } = await updatePolicyOverrideWorkflow(req.scope).run({ input: { ...req.validatedBody, id: req.params.id } })
  const policy: any = result
  const onHand = (await onHandFor(req.scope, [policy])).get(`${policy.variant_id}|${policy.location_id}`)
  res.json({ policy: { ...policy, on_hand: onHand ?? null } })
}
