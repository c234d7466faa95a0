import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { presaleOf } from "../workflows/presale"

/**
 * order.canceled: a presale order canceled in Medusa's own admin gives its units back (Medusa
 * already refunded and dropped the reservation). A reservation ended by the presale's own
 * workflows has already done so, and the conditional release changes nothing.
 */
export default async function presaleOrderCanceled({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const presale = presaleOf(container)
  const [r] = await presale.listPresaleReservations({ order_id: data.id, status: ["reserved", "deposit_paid", "paid"] } as any, { take: 1 })
  if (r) await presale.release(r.id, ["reserved", "deposit_paid", "paid"], "canceled", "order_canceled")
}

export const config: SubscriberConfig = { event: "order.canceled", context: { subscriberId: "presale-order-canceled" } }
