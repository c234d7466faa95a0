import type { MedusaResponse } from "@medusajs/framework/http"
import { createPosOrderWorkflow } from "../../../workflows/pos/create-pos-order"
import type { IdempotencyContext } from "../../utils/idempotency"
import { assertOwnShop, PosRequest } from "../../utils/pos-auth"
import { findPosOrderByKey, retrievePosOrder } from "./retrieve-pos-order"
import type { PosCreateOrderType } from "./validators"

/** A sale at the till: one call makes a paid, fulfilled Medusa order in the shop's POS channel. */
export const POST = async (
  req: PosRequest<PosCreateOrderType> & { idempotency?: IdempotencyContext },
  res: MedusaResponse
) => {
  const { shop_id, ...sale } = req.validatedBody
  if (shop_id && !assertOwnShop(req, shop_id, res)) return
  const key = req.idempotency!.key
  // The first attempt with this key died mid-way: if it got as far as an order, that order is
  // the answer; selling again would sell twice.
  const earlier = req.idempotency!.takeover ? await findPosOrderByKey(req.scope, req.pos.shop_id, key) : null
  const orderId =
    earlier ??
    (
      await createPosOrderWorkflow(req.scope).run({
        input: { ...sale, shop_id: req.pos.shop_id, pos_token_id: req.pos.token_id, idempotency_key: key },
      })
    ).result.id
  res.status(201).json({ order: await retrievePosOrder(req.scope, orderId) })
}
