import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { verifyPhoneWorkflow } from "../../../../../../workflows/membership/identities"
import { memberSummary } from "../../../../../../workflows/membership/queries/member-view"
import { customerIdOf } from "../../../customer-member"
import { phoneOf } from "../phone-input"
import type { StoreVerifyPhoneType } from "../validators"

/**
 * POST /store/members/me/phone/verify { phone, code }: binds the phone. A wrong, expired or
 * used code is one 400 that says nothing about the phone's owner. When the phone was another
 * member's, the two are merged into the older one: `merge` says what moved, and
 * `sign_in_again` tells the client to sign in again when the signed-in customer was absorbed
 * (the same credentials now reach the survivor's customer).
 */
export const POST = async (req: MedusaRequest<StoreVerifyPhoneType>, res: MedusaResponse) => {
  const customerId = customerIdOf(req)
  const { result } = await verifyPhoneWorkflow(req.scope).run({ input: { customer_id: customerId, phone: phoneOf(req.validatedBody.phone), code: req.validatedBody.code } })
  const signInAgain = !!result.merge && result.merge.survivor_customer_id !== customerId
  res.json({ outcome: result.outcome, member: await memberSummary(req.scope, result.member_id), merge: result.merge, sign_in_again: signInAgain })
}
