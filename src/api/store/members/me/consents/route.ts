import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { membershipOf } from "../../../../../workflows/membership/steps/membership-service"
import { requireMember } from "../../customer-member"
import type { StoreRecordConsentType } from "../phone/validators"

/** POST /store/members/me/consents { kind, version, granted, channel? }: a consent given or withdrawn, recorded with its version and time (PIPL). */
export const POST = async (req: MedusaRequest<StoreRecordConsentType>, res: MedusaResponse) => {
  const member = await requireMember(req)
  const b = req.validatedBody
  const consent = await membershipOf(req.scope).recordConsent(member.id, { kind: b.kind, version: b.version, granted: b.granted, channel: b.channel })
  res.status(201).json({ consent })
}
