import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateTierWorkflow } from "../../../../workflows/membership"
import { membershipOf } from "../../../../workflows/membership/steps/membership-service"

/** POST /admin/member-tiers/:id — change a rung (404 unknown, 409 when code or rank is taken). */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  await membershipOf(req.scope).retrieveMemberTier(req.params.id)
  const { result } = await updateTierWorkflow(req.scope).run({ input: { ...(req.validatedBody as object), id: req.params.id } })
  res.json({
    tier: { ...result, qualify_spend: result.qualify_spend == null ? null : Number(result.qualify_spend), free_shipping_threshold: result.free_shipping_threshold == null ? null : Number(result.free_shipping_threshold) },
  })
}
