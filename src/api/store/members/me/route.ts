import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { memberSummaryOfCustomer } from "../../../../workflows/membership/queries/member-view"
import { customerIdOf } from "../customer-member"

/** GET /store/members/me: tier and progress, balances, points expiring soon, coupons (one query). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const member = await memberSummaryOfCustomer(req.scope, customerIdOf(req))
  if (!member) throw new MedusaError(MedusaError.Types.NOT_FOUND, "You are not a member yet: POST /store/members to join")
  res.json({ member })
}
