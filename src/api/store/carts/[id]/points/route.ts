import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { prepareRetrieveQuery } from "@medusajs/framework/http"
import { refetchCart } from "@medusajs/medusa/api/store/carts/helpers"
import { defaultStoreCartFields } from "@medusajs/medusa/api/store/carts/query-config"
import { redeemCartPointsWorkflow, removeCartPointsWorkflow } from "../../../../../workflows/membership"
import { customerIdOf } from "../../../members/customer-member"
import type { StoreRedeemPointsType } from "../../../members/validators"

const cartOf = async (req: MedusaRequest) => {
  const q = await prepareRetrieveQuery({}, { defaults: defaultStoreCartFields } as any, req as any)
  return refetchCart(req.params.id, req.scope, q.remoteQueryConfig.fields)
}

/**
 * POST /store/carts/:id/points { points }: the member's points off this cart, as a Medusa
 * promotion on it (held until the order is placed). Answers with the cart and the redemption.
 */
export const POST = async (req: MedusaRequest<StoreRedeemPointsType>, res: MedusaResponse) => {
  const { result } = await redeemCartPointsWorkflow(req.scope).run({
    input: { customer_id: customerIdOf(req), cart_id: req.params.id, points: req.validatedBody.points },
  })
  res.json({ cart: await cartOf(req), points_redemption: result })
}

/** DELETE /store/carts/:id/points: the points come off the cart and are spendable again. */
export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  await removeCartPointsWorkflow(req.scope).run({ input: { cart_id: req.params.id, customer_id: customerIdOf(req), reason: "removed by the customer" } })
  res.json({ cart: await cartOf(req) })
}
