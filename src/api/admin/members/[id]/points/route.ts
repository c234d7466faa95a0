import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { pointsHistory } from "../../../../../workflows/membership/queries/member-view"
import { membershipOf } from "../../../../../workflows/membership/steps/membership-service"

/** GET /admin/members/:id/points?limit&offset&kind — the ledger, newest first. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  await membershipOf(req.scope).retrieveMember(req.params.id)
  res.json(await pointsHistory(req.scope, req.params.id, (req as any).validatedQuery))
}
