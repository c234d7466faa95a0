import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { endPresaleReservationWorkflow, presaleOf } from "../../../../../workflows/presale"
import { reservationView } from "../../../../../workflows/presale/queries/campaign-view"

/** POST /admin/presale-reservations/:id/cancel: the merchant cancels; everything paid is refunded. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  await endPresaleReservationWorkflow(req.scope).run({
    input: { reservation_id: req.params.id, reason: "canceled_by_merchant", canceled_by: (req as any).auth_context?.actor_id },
  })
  res.json({ reservation: reservationView(await presaleOf(req.scope).retrievePresaleReservation(req.params.id)) })
}
