import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { endPresaleReservationWorkflow, presaleOf } from "../../../../../workflows/presale"
import { reservationView } from "../../../../../workflows/presale/queries/campaign-view"
import { ownReservation } from "../own-reservation"

/** POST /store/presale-reservations/:id/cancel: the customer steps back; refunds follow the campaign's rule. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const r = await ownReservation(req)
  await endPresaleReservationWorkflow(req.scope).run({ input: { reservation_id: r.id, reason: "canceled_by_customer", customer_id: r.customer_id } })
  res.json({ reservation: reservationView(await presaleOf(req.scope).retrievePresaleReservation(r.id)) })
}
