import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { PresaleConflict } from "../../modules/presale/claims"
import { reservePresaleWorkflow } from "./reserve-presale"
import { PresaleEvents, presaleOf } from "./steps/presale-service"

/**
 * Turns waiting customers into reservations while units are there: higher tier first, then
 * who joined first. A refusal for sold out stops the round (the units are gone); any other
 * refusal (a limit reached since joining, a window not open to them) is that entry's answer.
 */
export async function promoteWaitlist(container: MedusaContainer, campaignId: string): Promise<{ promoted: string[] }> {
  return container.resolve(Modules.LOCKING).execute(
    `presale-waitlist:${campaignId}`,
    async () => {
      const presale = presaleOf(container)
      const events = container.resolve(Modules.EVENT_BUS)
      const waiting = await presale.listPresaleWaitlistEntries(
        { campaign_id: campaignId, status: "waiting" } as any,
        { order: { tier_priority: "DESC", created_at: "ASC" }, take: 200 }
      )
      const promoted: string[] = []
      for (const e of waiting as any[]) {
        try {
          const { result } = await reservePresaleWorkflow(container).run({
            input: { campaign_id: campaignId, item_id: e.item_id, quantity: e.quantity, customer_id: e.customer_id, sales_channel_id: e.sales_channel_id, waitlist_entry_id: e.id },
          })
          await presale.updatePresaleWaitlistEntries({ id: e.id, status: "promoted", reservation_id: result.id })
          await events.emit({ name: PresaleEvents.WAITLIST_PROMOTED, data: { id: e.id, campaign_id: campaignId, reservation_id: result.id, customer_id: e.customer_id } })
          promoted.push(e.id)
        } catch (err) {
          const code = (err as PresaleConflict)?.code
          if (code === "presale_sold_out" || code === "presale_channel_cap" || code === "presale_not_active") break
          await presale.updatePresaleWaitlistEntries({ id: e.id, status: "refused", reason: (err as Error).message })
        }
      }
      return { promoted }
    },
    { timeout: 120 }
  )
}
