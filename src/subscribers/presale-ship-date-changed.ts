import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { presaleOf } from "../workflows/presale"

const HOLDING = ["reserved", "deposit_paid", "paid", "converted"]

/** presale.ship_date_changed: every customer holding a reservation is told, by SMS when we know their phone, else on the feed. */
export default async function notifyShipDateChanged({ event: { data }, container }: SubscriberArgs<{ id: string; ship_date: string; previous_ship_date: string }>) {
  const presale = presaleOf(container)
  const campaign: any = await presale.retrievePresaleCampaign(data.id)
  const notifications = container.resolve(Modules.NOTIFICATION)
  let offset = 0
  for (;;) {
    const page = await presale.listPresaleReservations({ campaign_id: data.id, status: HOLDING } as any, { select: ["id", "customer_id", "phone"], take: 500, skip: offset, order: { id: "ASC" } })
    if (!page.length) break
    await notifications.createNotifications(
      (page as any[]).map((r) => ({
        to: r.phone ?? r.customer_id,
        channel: r.phone ? "sms" : "feed",
        template: "presale-ship-date-changed",
        receiver_id: r.customer_id,
        resource_id: r.id,
        resource_type: "presale_reservation",
        // One notice per reservation and date, however often the event is delivered.
        idempotency_key: `presale-ship-date:${r.id}:${data.ship_date}`,
        data: { presale_id: data.id, title: campaign.title, ship_date: data.ship_date, previous_ship_date: data.previous_ship_date, reservation_id: r.id },
      }))
    )
    offset += page.length
  }
}

export const config: SubscriberConfig = { event: "presale.ship_date_changed", context: { subscriberId: "presale-ship-date-notice" } }
