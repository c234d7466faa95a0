import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { PresaleConflict } from "../../modules/presale/claims"
import { reservePresaleWorkflow } from "./reserve-presale"
import { PresaleEvents, presaleOf } from "./steps/presale-service"
import { resolvePresaleBuyer } from "./steps/resolve-buyer"

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

/** A customer joins an open presale's waitlist for an item; joining twice returns the first entry. */
export async function joinWaitlist(
  container: MedusaContainer,
  input: { campaign_id: string; item_id?: string; variant_id?: string; quantity: number; customer_id: string; sales_channel_id: string }
): Promise<{ entry: any; created: boolean }> {
  const presale = presaleOf(container)
  const campaign = await presale.gateCampaign(input.campaign_id, true)
  if (campaign.status !== "active") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This presale is not open")
  const item = campaign.items.find((i) => (input.item_id ? i.id === input.item_id : i.variant_id === input.variant_id))
  if (!item) throw new MedusaError(MedusaError.Types.INVALID_DATA, "item_id: not an item of this presale")
  const buyer = await resolvePresaleBuyer(container, input.customer_id)
  const [existing] = await presale.listPresaleWaitlistEntries({ campaign_id: campaign.id, item_id: item.id, customer_id: buyer.customer_id, status: "waiting" } as any, { take: 1 })
  if (existing) return { entry: existing, created: false }
  const entry = await presale.createPresaleWaitlistEntries({
    campaign_id: campaign.id,
    item_id: item.id,
    quantity: input.quantity,
    customer_id: buyer.customer_id,
    member_id: buyer.member_id,
    phone: buyer.phone,
    sales_channel_id: input.sales_channel_id,
    tier_priority: buyer.tier_priority,
  } as any)
  return { entry, created: true }
}
