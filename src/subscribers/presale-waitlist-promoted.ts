import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { presaleOf } from "../workflows/presale"

/** presale.waitlist_promoted: the customer's turn came — tell them, with the time they have to pay. */
export default async function notifyWaitlistPromoted({ event: { data }, container }: SubscriberArgs<{ id: string; campaign_id: string; reservation_id: string; customer_id: string }>) {
  const presale = presaleOf(container)
  const r: any = await presale.retrievePresaleReservation(data.reservation_id).catch(() => null)
  if (!r) return
  const campaign: any = await presale.retrievePresaleCampaign(data.campaign_id)
  await container.resolve(Modules.NOTIFICATION).createNotifications({
    to: r.phone ?? r.customer_id,
    channel: r.phone ? "sms" : "feed",
    template: "presale-waitlist-promoted",
    receiver_id: r.customer_id,
    resource_id: r.id,
    resource_type: "presale_reservation",
    idempotency_key: `presale-waitlist:${data.id}`,
    data: { presale_id: campaign.id, title: campaign.title, reservation_id: r.id, quantity: r.quantity, pay_by: r.expires_at, first_payment: Number(r.first_payment) },
  })
}

export const config: SubscriberConfig = { event: "presale.waitlist_promoted", context: { subscriberId: "presale-waitlist-notice" } }
