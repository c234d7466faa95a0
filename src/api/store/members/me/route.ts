import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { memberSummary } from "../../../../workflows/membership/queries/member-view"
import { requireMember } from "../customer-member"

/** GET /store/members/me: tier and progress, balances, points expiring soon, coupons. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const member = await requireMember(req)
  res.json({ member: await memberSummary(req.scope, member.id) })
}
