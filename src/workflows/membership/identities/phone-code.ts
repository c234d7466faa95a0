import { randomInt } from "node:crypto"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { maskPhone } from "../../../lib/membership"
import { OTP_TTL_MS } from "../../../modules/membership/identities"
import { membershipOf } from "../steps/membership-service"

export const PHONE_CODE_TEMPLATE = "member-phone-code"

export type RequestPhoneCodeInput = { customer_id: string; phone: string }
export type RequestPhoneCodeResult =
  | { sent: true; phone: string; expires_at: Date; notification_id: string | null }
  | { sent: false; retry_after_seconds: number }

/**
 * Stores the code's hash (rate limited per phone and per customer) and sends the code through
 * Medusa's notification module on the "sms" channel. The stored challenge commits before the
 * SMS goes out: a failed send still counts towards the limits (so a failing gateway cannot be
 * used to spin codes), and the customer asks again after the minute.
 */
const issueAndSendStep = createStep("membership-issue-phone-code", async (input: RequestPhoneCodeInput, { container }) => {
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0")
  const issued = await membershipOf(container).issuePhoneCode({ phone: input.phone, customer_id: input.customer_id, code })
  if (!issued.ok) return new StepResponse<RequestPhoneCodeResult>({ sent: false, retry_after_seconds: issued.retry_after_seconds })
  const notifications = container.resolve(Modules.NOTIFICATION)
  const [n] = await notifications
    .createNotifications([
      {
        to: input.phone,
        channel: "sms",
        template: PHONE_CODE_TEMPLATE,
        data: { code, expires_in_minutes: OTP_TTL_MS / 60_000 },
        trigger_type: "member.phone_code_requested",
        resource_id: issued.id,
        resource_type: "member_otp",
        receiver_id: input.customer_id,
        idempotency_key: `member-otp-${issued.id}`,
      },
    ])
    .catch((e: Error) => {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `The code for ${maskPhone(input.phone)} could not be sent: ${e.message}`)
    })
  return new StepResponse<RequestPhoneCodeResult>({ sent: true, phone: input.phone, expires_at: issued.expires_at, notification_id: (n as any)?.id ?? null })
})

export const requestPhoneCodeWorkflow = createWorkflow("membership-request-phone-code", (input: RequestPhoneCodeInput) => {
  return new WorkflowResponse(issueAndSendStep(input))
})
