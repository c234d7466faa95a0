import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { orderFulfilledAtStep } from "./pos/steps"
import { schedulePointsAvailabilityWorkflow } from "./schedule-points-availability"
import { applyTierStep } from "./steps/apply-tier"
import { consumeOrderHoldStep } from "./steps/consume-order-hold"
import { earnOrderPointsStep } from "./steps/earn-order-points"
import { loadOrderPointsStep } from "./steps/load-order-points"

/**
 * order.placed, online and at the till: the member earns (pending), the cart's held points are
 * spent, and the tier goes up at once if the last 12 months now qualify. Safe to replay.
 */
export const earnOrderPointsWorkflow = createWorkflow("membership-earn-order-points", (input: { order_id: string }) => {
  const order = loadOrderPointsStep(input)
  const earned = earnOrderPointsStep(order)
  const redeemed = consumeOrderHoldStep(order)
  // Fulfilled already (a till sale): the fulfilment's event may have come first, so start the window here.
  const fulfilledAt = orderFulfilledAtStep(transform({ earned, order }, ({ earned, order }) => ({ order_id: earned?.created ? order!.order_id : null })))
  when({ fulfilledAt }, ({ fulfilledAt }) => !!fulfilledAt).then(() => {
    schedulePointsAvailabilityWorkflow.runAsStep({ input: transform({ order, fulfilledAt }, ({ order, fulfilledAt }) => ({ order_id: order!.order_id, at: fulfilledAt! })) })
  })
  const tier = applyTierStep(transform({ order }, ({ order }) => ({ member_id: order?.member_id ?? null, mode: "activity" as const })))

  when({ earned }, ({ earned }) => !!earned?.created).then(() => {
    emitEventStep(
      transform({ earned, order }, ({ earned, order }) => ({
        eventName: "member.points_earned",
        data: { member_id: earned!.member_id, points: earned!.points, order_id: order!.order_id, status: "pending" },
      }))
    ).config({ name: "emit-points-earned" })
  })
  when({ redeemed }, ({ redeemed }) => !!redeemed?.created).then(() => {
    emitEventStep(
      transform({ redeemed, order }, ({ redeemed, order }) => ({
        eventName: "member.points_redeemed",
        data: { member_id: redeemed!.member_id, points: redeemed!.points, order_id: order!.order_id },
      }))
    ).config({ name: "emit-points-redeemed" })
  })
  when({ tier }, ({ tier }) => !!tier?.changed).then(() => {
    emitEventStep(
      transform({ tier }, ({ tier }) => ({
        eventName: "member.tier_changed",
        data: { member_id: tier!.member_id, from_tier_id: tier!.from_tier_id, to_tier_id: tier!.to_tier_id, reason: tier!.reason },
      }))
    ).config({ name: "emit-tier-changed" })
  })
  return new WorkflowResponse({ earned, redeemed, tier })
})
