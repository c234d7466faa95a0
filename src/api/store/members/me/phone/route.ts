import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { maskPhone } from "../../../../../lib/membership"
import { requestPhoneCodeWorkflow } from "../../../../../workflows/membership/identities"
import { customerIdOf, requireMember } from "../../customer-member"
import { phoneOf } from "./phone-input"
import type { StoreRequestPhoneCodeType } from "./validators"

/**
 * POST /store/members/me/phone { phone }: sends a 6-digit code by SMS (Medusa's notification
 * module, "sms" channel). 202 with when it expires; 429 with Retry-After when the phone or the
 * customer asked too recently. The answer is the same whether or not the phone is anyone's.
 */
export const POST = async (req: MedusaRequest<StoreRequestPhoneCodeType>, res: MedusaResponse) => {
  await requireMember(req)
  const phone = phoneOf(req.validatedBody.phone)
  const { result } = await requestPhoneCodeWorkflow(req.scope).run({ input: { customer_id: customerIdOf(req), phone } })
  if (!result.sent) {
    res.setHeader("Retry-After", String(result.retry_after_seconds))
    res.status(429).json({
      type: "too_many_requests",
      code: "otp_rate_limited",
      message: `Too many codes for this phone or account: try again in ${result.retry_after_seconds} s`,
      retry_after_seconds: result.retry_after_seconds,
    })
    return
  }
  res.status(202).json({ phone: maskPhone(phone), expires_at: result.expires_at })
}
