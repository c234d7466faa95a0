import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { PresaleConflict } from "../../modules/presale/claims"
import { convertPresaleReservationWorkflow } from "./convert-presale"
import { presaleOf } from "./steps/presale-service"

export type ConversionReport = { converted: number; waiting: number; stopped_at: string | null }

/**
 * Converts a campaign's paid reservations in their turn — higher tier first, then first come —
 * and stops at the first that no location can serve yet, so nobody is passed over by a later
 * reservation. One conversion at a time per campaign, across processes.
 */
export async function convertCampaign(container: MedusaContainer, campaignId: string, limit = 500): Promise<ConversionReport> {
  return container.resolve(Modules.LOCKING).execute(
    `presale-convert:${campaignId}`,
    async () => {
      const presale = presaleOf(container)
      const campaign: any = await presale.retrievePresaleCampaign(campaignId, { select: ["id", "status"] }).catch(() => null)
      if (!campaign) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Presale ${campaignId} was not found`)
      if (campaign.status === "canceled") throw new PresaleConflict("A canceled presale converts nothing: its open reservations are refunded", "presale_canceled")
      const queue = await presale.listPresaleReservations(
        { campaign_id: campaignId, status: "paid" } as any,
        { order: { tier_priority: "DESC", created_at: "ASC" }, take: limit, select: ["id"] }
      )
      let converted = 0
      for (const r of queue as any[]) {
        const { result } = await convertPresaleReservationWorkflow(container).run({ input: { reservation_id: r.id } })
        if (!result.converted) return { converted, waiting: queue.length - converted, stopped_at: r.id as string }
        converted++
      }
      return { converted, waiting: 0, stopped_at: null }
    },
    { timeout: 60 }
  )
}
