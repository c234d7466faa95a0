import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { prepareRetrieveQuery } from "@medusajs/framework/http"
import { refetchCart } from "@medusajs/medusa/api/store/carts/helpers"
import { defaultStoreCartFields } from "@medusajs/medusa/api/store/carts/query-config"
import { setPickupShopWorkflow } from "../../../../../workflows/allocation"
import type { StorePickupShopType } from "../../validators"

const answer = async (req: MedusaRequest, res: MedusaResponse) => {
  const q = await prepareRetrieveQuery({}, { defaults: defaultStoreCartFields } as any, req as any)
  res.json({ cart: await refetchCart(req.params.id, req.scope, q.remoteQueryConfig.fields) })
}

/** Sets the shop where the customer collects the order: the allocation serves what it holds from there. */
export const POST = async (req: MedusaRequest<StorePickupShopType>, res: MedusaResponse) => {
  await setPickupShopWorkflow(req.scope).run({ input: { cart_id: req.params.id, shop_id: req.validatedBody.shop_id } })
  await answer(req, res)
}

/** Clears the pickup shop. */
export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  await setPickupShopWorkflow(req.scope).run({ input: { cart_id: req.params.id, shop_id: null } })
  await answer(req, res)
}
