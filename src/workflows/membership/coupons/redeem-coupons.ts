import { Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { membershipOf } from "../steps/membership-service"

/**
 * The member's coupons the order used leave the wallet: marked redeemed with the order. The
 * codes come off the order's own adjustments (lines and shipping), i.e. what Medusa applied.
 * Safe to replay: only grants still "granted" change.
 */
const markCouponsRedeemedStep = createStep("membership-mark-coupons-redeemed", async (input: { order_id: string }, { container }) => {
  const order = await container
    .resolve(Modules.ORDER)
    .retrieveOrder(input.order_id, { select: ["id", "created_at"], relations: ["items", "items.adjustments", "shipping_methods", "shipping_methods.adjustments"] })
    .catch(() => null)
  if (!order) return new StepResponse([] as string[])
  const codes = [
    ...new Set(
      [...((order.items ?? []) as any[]), ...((order.shipping_methods ?? []) as any[])]
        .flatMap((x) => (x?.adjustments ?? []).map((a: any) => a?.code))
        .filter((c): c is string => typeof c === "string" && c.startsWith("MC-"))
    ),
  ]
  if (!codes.length) return new StepResponse([] as string[])
  const membership = membershipOf(container)
  const grants = await membership.listCouponGrants({ code: codes, status: "granted" }, { select: ["id"] })
  if (!grants.length) return new StepResponse([] as string[])
  const redeemedAt = new Date(order.created_at as any)
  await membership.updateCouponGrants(grants.map((g: any) => ({ id: g.id, status: "redeemed" as const, order_id: order.id, redeemed_at: redeemedAt })))
  return new StepResponse(grants.map((g: any) => g.id as string))
})

export const markCouponsRedeemedWorkflow = createWorkflow("membership-mark-coupons-redeemed", (input: { order_id: string }) => {
  return new WorkflowResponse(markCouponsRedeemedStep(input))
})
