import type { MedusaResponse } from "@medusajs/framework/http"
import { assertOwnShop, PosRequest } from "../../../utils/pos-auth"
import { retrievePosOrder } from "../retrieve-pos-order"

/** A till can read back its own shop's sales (reprint a receipt), nobody else's. */
export const GET = async (req: PosRequest, res: MedusaResponse) => {
  const order = await retrievePosOrder(req.scope, req.params.id)
  if (!assertOwnShop(req, (order.metadata as any)?.shop_id, res)) return
  res.json({ order })
}
