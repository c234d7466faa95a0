import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { presaleOf } from "../../../../../workflows/presale"
import { resolvePresaleBuyer } from "../../../../../workflows/presale/steps/resolve-buyer"
import { requireCustomer, salesChannelOf } from "../../store-presale"
import type { StoreJoinWaitlistType } from "../../validators"

/** POST /store/presales/:id/waitlist: wait for units to come back; promoted into a reservation automatically. */
export const POST = async (req: MedusaRequest<StoreJoinWaitlistType>, res: MedusaResponse) => {
  const presale = presaleOf(req.scope)
  const campaign = await presale.gateCampaign(req.params.id, true)
  if (campaign.status !== "active") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This presale is not open")
  const body = req.validatedBody
  const item = campaign.items.find((i) => (body.item_id ? i.id === body.item_id : i.variant_id === body.variant_id))
  if (!item) throw new MedusaError(MedusaError.Types.INVALID_DATA, "item_id: not an item of this presale")
  const buyer = await resolvePresaleBuyer(req.scope, requireCustomer(req))
  const [existing] = await presale.listPresaleWaitlistEntries({ campaign_id: campaign.id, item_id: item.id, customer_id: buyer.customer_id, status: "waiting" } as any, { take: 1 })
  if (existing) return res.status(200).json({ waitlist_entry: existing })
  const entry = await presale.createPresaleWaitlistEntries({
    campaign_id: campaign.id,
    item_id: item.id,
    quantity: body.quantity,
    customer_id: buyer.customer_id,
    member_id: buyer.member_id,
    phone: buyer.phone,
    sales_channel_id: salesChannelOf(req),
    tier_priority: buyer.tier_priority,
  } as any)
  res.status(201).json({ waitlist_entry: entry })
}

/** DELETE /store/presales/:id/waitlist: leave the waitlist. */
export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  const presale = presaleOf(req.scope)
  const entries = await presale.listPresaleWaitlistEntries({ campaign_id: req.params.id, customer_id: requireCustomer(req), status: "waiting" } as any, { take: 100 })
  if (entries.length) await presale.updatePresaleWaitlistEntries(entries.map((e: any) => ({ id: e.id, status: "left" as const })))
  res.json({ left: entries.length })
}
