import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { presaleOf } from "../../../../workflows/presale"
import { CAMPAIGN_RELATIONS, campaignView, reservationView } from "../../../../workflows/presale/queries/campaign-view"
import { callerPriority, signedInCustomer } from "../store-presale"

/** GET /store/presales/:id: the presale, what is left per window, the caller's window and their own reservations. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const presale = presaleOf(req.scope)
  const [campaign] = await presale.listPresaleCampaigns({ id: req.params.id, status: ["active", "closed"] } as any, { relations: CAMPAIGN_RELATIONS })
  if (!campaign) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Presale ${req.params.id} was not found`)
  const customerId = signedInCustomer(req)
  const mine = customerId ? await presale.listPresaleReservations({ campaign_id: campaign.id, customer_id: customerId } as any, { order: { created_at: "DESC" }, take: 50 }) : []
  res.json({ presale: { ...(await campaignView(req.scope, campaign, { priority: await callerPriority(req) })), my_reservations: mine.map(reservationView) } })
}
