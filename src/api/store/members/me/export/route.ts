import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { membershipOf } from "../../../../../workflows/membership/steps/membership-service"
import { ownMember } from "../../../../../workflows/membership/identities"
import { customerIdOf } from "../../customer-member"

/**
 * GET /store/members/me/export: everything the programme holds about the signed-in member
 * (PIPL): the member, identities, consents, tier history, the ledger, holds, coupons, merges,
 * and the Medusa customer's own profile fields. Served as a JSON download.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const customerId = customerIdOf(req)
  const member = await ownMember(req.scope, customerId)
  const data = await membershipOf(req.scope).exportMember(member.id)
  const c = await req.scope.resolve(Modules.CUSTOMER).retrieveCustomer(customerId)
  res.setHeader("Content-Disposition", `attachment; filename="member-${member.id}.json"`)
  res.json({
    exported_at: new Date().toISOString(),
    customer: { id: c.id, email: c.email, first_name: c.first_name, last_name: c.last_name, phone: c.phone, created_at: c.created_at },
    ...data,
  })
}
