import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { eraseMemberWorkflow } from "../../../../../workflows/membership/identities"
import { customerIdOf } from "../../customer-member"

/**
 * POST /store/members/me/erasure: PIPL erasure, at once. Identities and personal fields go, the
 * Medusa customer is anonymised, the member is "erased"; the ledger stays, anonymised. Again: 200, nothing more.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const { result } = await eraseMemberWorkflow(req.scope).run({ input: { customer_id: customerIdOf(req) } })
  res.json({ member_id: result.member_id, status: "erased", identities_removed: result.identities })
}
