import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { pointsHistory } from "../../../../../workflows/membership/queries/member-view"
import { requireMember } from "../../customer-member"

/** GET /store/members/me/points?limit&offset&kind: the member's ledger, newest first. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const member = await requireMember(req)
  res.json(await pointsHistory(req.scope, member.id, (req as any).validatedQuery))
}
