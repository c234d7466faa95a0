import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { joinWaitlist, presaleOf } from "../../../../../workflows/presale"
import { requireCustomer, salesChannelOf } from "../../store-presale"
import type { StoreJoinWaitlistType } from "../../validators"

/** POST /store/presales/:id/waitlist: wait for units to come back; promoted into a reservation automatically. */
export const POST = async (req: MedusaRequest<StoreJoinWaitlistType>, res: MedusaResponse) => {
  const { entry, created } = await joinWaitlist(req.scope, {
    campaign_id: req.params.id,
    ...req.validatedBody,
    customer_id: requireCustomer(req),
    sales_channel_id: salesChannelOf(req),
  })
  res.status(created ? 201 : 200).json({ waitlist_entry: entry })
}

/** DELETE /store/presales/:id/waitlist: leave the waitlist. */
export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  const presale = presaleOf(req.scope)
  const entries = await presale.listPresaleWaitlistEntries({ campaign_id: req.params.id, customer_id: requireCustomer(req), status: "waiting" } as any, { take: 100 })
  if (entries.length) await presale.updatePresaleWaitlistEntries(entries.map((e: any) => ({ id: e.id, status: "left" as const })))
  res.json({ left: entries.length })
}
