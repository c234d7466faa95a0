import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { PresaleEvents, presaleOf } from "../workflows/presale"

/**
 * A campaign canceled by the merchant: each customer whose reservation it canceled is told, with
 * what comes back to them (presale.canceled, reason campaign_canceled — sent as each refund is
 * made), and everyone on its waiting list is told it closed (presale.campaign_canceled). Like
 * the ship-date notice: SMS when the phone is known, else the feed; one notice per reservation
 * or entry however often the event is delivered.
 */
export default async function notifyCampaignCanceled({ event, container }: SubscriberArgs<{ id: string; campaign_id?: string; reason?: string | null }>) {
  const presale = presaleOf(container)
  const notifications = container.resolve(Modules.NOTIFICATION)
  if (event.name === PresaleEvents.CANCELED) {
    if (event.data.reason !== "campaign_canceled") return
    const r: any = await presale.retrievePresaleReservation(event.data.id).catch(() => null)
    if (!r) return
    const campaign: any = await presale.retrievePresaleCampaign(r.campaign_id)
    const paid = (r.first_paid_at ? Number(r.first_payment) : 0) + (r.balance_paid_at ? Number(r.balance) : 0)
    await notifications.createNotifications({
      to: r.phone ?? r.customer_id,
      channel: r.phone ? "sms" : "feed",
      template: "presale-campaign-canceled",
      receiver_id: r.customer_id,
      resource_id: r.id,
      resource_type: "presale_reservation",
      idempotency_key: `presale-campaign-canceled:${r.id}`,
      data: {
        presale_id: campaign.id,
        title: campaign.title,
        reason: campaign.metadata?.cancellation?.reason ?? null,
        reservation_id: r.id,
        order_id: r.order_id,
        refunded: paid,
        currency_code: campaign.currency_code,
      },
    })
    return
  }
  // presale.campaign_canceled: the waiting list (entries still waiting are being closed right now).
  const campaign: any = await presale.retrievePresaleCampaign(event.data.id)
  let offset = 0
  for (;;) {
    const page = await presale.listPresaleWaitlistEntries({ campaign_id: campaign.id, status: ["waiting", "closed"] } as any, {
      select: ["id", "customer_id", "phone"],
      take: 500,
      skip: offset,
      order: { id: "ASC" },
    })
    if (!page.length) break
    await notifications.createNotifications(
      (page as any[]).map((e) => ({
        to: e.phone ?? e.customer_id,
        channel: e.phone ? "sms" : "feed",
        template: "presale-waitlist-closed",
        receiver_id: e.customer_id,
        resource_id: e.id,
        resource_type: "presale_waitlist_entry",
        idempotency_key: `presale-waitlist-closed:${e.id}`,
        data: { presale_id: campaign.id, title: campaign.title, reason: event.data.reason ?? null },
      }))
    )
    offset += page.length
  }
}

export const config: SubscriberConfig = {
  event: [PresaleEvents.CANCELED, PresaleEvents.CAMPAIGN_CANCELED],
  context: { subscriberId: "presale-campaign-canceled-notice" },
}
