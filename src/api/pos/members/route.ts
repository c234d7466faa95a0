import type { MedusaResponse } from "@medusajs/framework/http"
import { enrolMemberWorkflow } from "../../../workflows/membership"
import type { PosRequest } from "../../utils/pos-auth"
import type { PosEnrolMemberType } from "./validators"
import { tillPhone, tillView } from "./pos-member"

/**
 * POST /pos/members { phone, first_name?, card?, birthday? } — joins at the till in one call:
 * a customer is created for a new phone, the cashier's check of the phone counts as its
 * verification, the shop is the token's. 201 with the new member; a phone that is already a
 * member answers 200 with that member (nothing changes).
 */
export const POST = async (req: PosRequest<PosEnrolMemberType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { result } = await enrolMemberWorkflow(req.scope).run({
    input: {
      phone: tillPhone(body.phone),
      first_name: body.first_name,
      birthday: body.birthday,
      identities: body.card ? [{ kind: "pos_card", value: body.card, verified_by: "pos" }] : [],
      verified_by: "pos",
      joined_via: "pos",
      shop_id: req.pos.shop_id,
      consent_version: body.consent_version,
    },
  })
  res.status(result.created ? 201 : 200).json({ member: await tillView(req.scope, result.member.id) })
}
