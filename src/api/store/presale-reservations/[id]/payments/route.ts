import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { payPresaleWorkflow, presaleOf } from "../../../../../workflows/presale"
import { reservationView } from "../../../../../workflows/presale/queries/campaign-view"
import type { StorePayPresaleType } from "../../../presales/validators"
import { ownReservation } from "../own-reservation"

/**
 * POST /store/presale-reservations/:id/payments: pays what is due (the deposit or the whole
 * price, later the balance). The system provider settles at once; Stripe answers with its
 * session (client_secret) for the storefront to confirm, and its webhook settles it.
 */
export const POST = async (req: MedusaRequest<StorePayPresaleType>, res: MedusaResponse) => {
  const r = await ownReservation(req)
  const { result } = await payPresaleWorkflow(req.scope).run({
    input: { reservation_id: r.id, customer_id: r.customer_id, provider_id: req.validatedBody.provider_id, data: req.validatedBody.data },
  })
  const after = await presaleOf(req.scope).retrievePresaleReservation(r.id)
  res.json({ reservation: reservationView(after), payment: result })
}
