import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { PresaleEvents, settlePresaleCapture } from "../workflows/presale"

/**
 * payment.captured: a presale's deposit or balance captured outside the store route (Stripe's
 * webhook through Medusa's processPaymentWorkflow) moves its reservation on and, like the system
 * provider's path, announces presale.paid. A capture that lands on a reservation which ended
 * meanwhile (canceled, expired, forfeited) is refunded on that payment instead — the safety net
 * for a payment confirmed while its reservation was being ended. Idempotent: a replayed capture
 * advances nothing, announces nothing and refunds nothing more.
 */
export default async function presalePaymentCaptured({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const settled = await settlePresaleCapture(container, data.id)
  if (settled?.advanced) {
    await container.resolve(Modules.EVENT_BUS).emit({ name: PresaleEvents.PAID, data: { id: settled.reservation_id, stage: settled.stage } })
  }
}

export const config: SubscriberConfig = { event: "payment.captured", context: { subscriberId: "presale-payment-captured" } }
