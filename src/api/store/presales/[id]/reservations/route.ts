import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { presaleOf, reservePresaleWorkflow } from "../../../../../workflows/presale"
import { reservationView } from "../../../../../workflows/presale/queries/campaign-view"
import { requireCustomer, salesChannelOf } from "../../store-presale"
import type { StoreReservePresaleType } from "../../validators"

/**
 * POST /store/presales/:id/reservations (Idempotency-Key required): units of the presale for the
 * signed-in customer, and the order behind them. 201 with the reservation; 409 with a code
 * (presale_sold_out, presale_window_not_open + opens_at, presale_member_limit, …) otherwise.
 */
export const POST = async (req: MedusaRequest<StoreReservePresaleType>, res: MedusaResponse) => {
  const { result } = await reservePresaleWorkflow(req.scope).run({
    input: { campaign_id: req.params.id, ...req.validatedBody, customer_id: requireCustomer(req), sales_channel_id: salesChannelOf(req) },
  })
  const r = await presaleOf(req.scope).retrievePresaleReservation(result.id)
  res.status(201).json({ reservation: reservationView(r) })
}
