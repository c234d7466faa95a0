import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { adjustPointsWorkflow } from "../../../../../workflows/membership"
import { memberSummary } from "../../../../../workflows/membership/queries/member-view"
import { actorId } from "../../../replenishment/place-filter"
import type { AdminAdjustPointsType } from "../../validators"

/** POST /admin/members/:id/adjustments { points, reason } — 201 with the entry and the member. */
export const POST = async (req: MedusaRequest<AdminAdjustPointsType>, res: MedusaResponse) => {
  const { result } = await adjustPointsWorkflow(req.scope).run({
    input: { member_id: req.params.id, points: req.validatedBody.points, reason: req.validatedBody.reason, actor: actorId(req) ?? "user:unknown" },
  })
  res.status(201).json({ entry: { ...result.entry, amount: Number(result.entry.amount) }, member: await memberSummary(req.scope, req.params.id) })
}
