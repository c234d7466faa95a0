import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { enrolMemberWorkflow } from "../../../workflows/membership"
import { memberSummary } from "../../../workflows/membership/queries/member-view"
import { customerIdOf } from "./customer-member"
import type { StoreJoinMembershipType } from "./validators"

/**
 * POST /store/members: the signed-in customer joins (consent to the privacy notice required).
 * 201 with the member; 200 with the same member when they already are one.
 */
export const POST = async (req: MedusaRequest<StoreJoinMembershipType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { result } = await enrolMemberWorkflow(req.scope).run({
    input: { customer_id: customerIdOf(req), joined_via: body.via, consent_version: body.consent_version, birthday: body.birthday },
  })
  res.status(result.created ? 201 : 200).json({ member: await memberSummary(req.scope, result.member.id) })
}
