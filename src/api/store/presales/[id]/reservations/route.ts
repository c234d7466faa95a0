import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { presaleOf, reservePresaleWorkflow } from "../../../../../workflows/presale"
import { reservationView } from "../../../../../workflows/presale/queries/campaign-view"
import type { IdempotencyContext } from "../../../../utils/idempotency"
import { requireCustomer, salesChannelOf } from "../../store-presale"
import type { StoreReservePresaleType } from "../../validators"

/**
 * POST /store/presales/:id/reservations (Idempotency-Key required): units of the presale for the
 * signed-in customer, and the order behind them. 201 with the reservation; 409 with a code
 * (presale_sold_out, presale_window_not_open + opens_at, presale_member_limit, …) otherwise.
 */
export const POST = async (req: MedusaRequest<StoreReservePresaleType> & { idempotency?: IdempotencyContext }, res: MedusaResponse) => {
  const presale = presaleOf(req.scope)
  const customerId = requireCustomer(req)
  const key = req.idempotency!.key
  // The first attempt with this key died mid-way: if it reserved, that reservation is the
  // answer (its order, if missing, is made by the lifecycle job or the payment call).
  const earlier = req.idempotency!.takeover ? await presale.reservationByKey(customerId, key) : null
  const id =
    earlier ??
    (
      await reservePresaleWorkflow(req.scope).run({
        input: { campaign_id: req.params.id, ...req.validatedBody, customer_id: customerId, sales_channel_id: salesChannelOf(req), idempotency_key: key },
      })
    ).result.id
  const r = await presale.retrievePresaleReservation(id)
  res.status(201).json({ reservation: reservationView(r) })
}
