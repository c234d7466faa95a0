import type { MedusaResponse } from "@medusajs/framework/http"
import { createPosOrderWorkflow } from "../../../workflows/pos/create-pos-order"
import { assertOwnShop, PosRequest } from "../../utils/pos-auth"
import { retrievePosOrder } from "./retrieve-pos-order"
import type { PosCreateOrderType } from "./validators"

/** A sale at the till: one call makes a paid, fulfilled Medusa order in the shop's POS channel. */
export const POST = async (req: PosRequest<PosCreateOrderType>, res: MedusaResponse) => {
  const { shop_id, ...sale } = req.validatedBody
  if (shop_id && !assertOwnShop(req, shop_id, res)) return
  const { result } = await createPosOrderWorkflow(req.scope).run({
    input: { ...sale, shop_id: req.pos.shop_id, pos_token_id: req.pos.token_id },
  })
  res.status(201).json({ order: await retrievePosOrder(req.scope, result.id) })
}
