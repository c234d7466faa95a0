import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reservationView } from "../../../../workflows/presale/queries/campaign-view"
import { ownReservation } from "./own-reservation"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({ reservation: reservationView(await ownReservation(req)) })
}
