import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { membershipOf } from "../../../../workflows/membership/steps/membership-service"
import type { PosRequest } from "../../../utils/pos-auth"
import type { PosLookupMemberType } from "../validators"
import { tillPhone, tillView } from "../pos-member"

/**
 * POST /pos/members/lookup { phone | card } — the member at the counter (phone masked), or 404.
 * Members are not bound to a shop: any shop's till finds any member.
 */
export const POST = async (req: PosRequest<PosLookupMemberType>, res: MedusaResponse) => {
  const { phone, card } = req.validatedBody
  const membership = membershipOf(req.scope)
  let member = phone ? await membership.memberByIdentity("phone", tillPhone(phone)) : await membership.memberByIdentity("pos_card", card!)
  // A member merged into another is found through the survivor.
  if (member?.status === "merged" && member.merged_into_id) member = await membership.retrieveMember(member.merged_into_id).catch(() => null)
  if (!member || member.status !== "active") throw new MedusaError(MedusaError.Types.NOT_FOUND, phone ? "No member has this phone" : "No member has this card")
  res.json({ member: await tillView(req.scope, member.id) })
}
