import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { presaleOf } from "../../../workflows/presale"
import { reservationView } from "../../../workflows/presale/queries/campaign-view"
import { requireCustomer } from "../presales/store-presale"

/** GET /store/presale-reservations: the signed-in customer's reservations, newest first. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const limit = Math.min(100, Math.max(1, Number(req.query.limit ?? 20) || 20))
  const offset = Math.max(0, Number(req.query.offset ?? 0) || 0)
  const [rows, count] = await presaleOf(req.scope).listAndCountPresaleReservations({ customer_id: requireCustomer(req) } as any, { order: { created_at: "DESC" }, take: limit, skip: offset })
  res.json({ reservations: rows.map(reservationView), count, limit, offset })
}
