import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { markPresalePaid, PresaleEvents, presaleOf } from "../workflows/presale"

/**
 * payment.captured: a presale's deposit or balance captured outside the store route (Stripe's
 * webhook through Medusa's processPaymentWorkflow) moves its reservation on and, like the system
 * provider's path, announces presale.paid. Idempotent: a replayed capture advances nothing and
 * announces nothing.
 */
export default async function presalePaymentCaptured({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const payment = await container.resolve(Modules.PAYMENT).retrievePayment(data.id, { select: ["id", "payment_collection_id"] }).catch(() => null)
  if (!payment) return
  const presale = presaleOf(container)
  const collection = (payment as any).payment_collection_id
  const [r] = await presale.listPresaleReservations({ $or: [{ deposit_collection_id: collection }, { balance_collection_id: collection }] } as any, { take: 1 })
  if (!r) return
  const advanced = await markPresalePaid(container, r.id, collection)
  if (advanced) {
    const stage = collection === r.deposit_collection_id ? "first" : "balance"
    await container.resolve(Modules.EVENT_BUS).emit({ name: PresaleEvents.PAID, data: { id: r.id, stage } })
  }
}

export const config: SubscriberConfig = { event: "payment.captured", context: { subscriberId: "presale-payment-captured" } }
