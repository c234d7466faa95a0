import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { membershipOf } from "./membership-service"
import type { OrderPointsInput } from "./load-order-points"

/**
 * The cart's held points are spent now that the order exists. Only when the order really
 * carries the points promotion: a hold whose discount never reached the order is released.
 */
export const consumeOrderHoldStep = createStep("membership-consume-order-hold", async (order: OrderPointsInput | null, { container }) => {
  if (!order?.cart_id) return new StepResponse(null)
  const membership = membershipOf(container)
  const [hold] = await membership.listPointsHolds({ cart_id: order.cart_id }, { order: { created_at: "DESC" }, take: 1 })
  if (!hold) return new StepResponse(null)
  if (!order.promo_codes.includes(hold.code)) {
    await membership.releaseHold(hold.id, "the order was placed without the points discount")
    return new StepResponse(null)
  }
  const posted = await membership.consumeHold(order.cart_id, order.order_id)
  return new StepResponse(posted ? { member_id: hold.member_id, points: Number(hold.points), created: posted.created } : null)
})
