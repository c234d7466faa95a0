import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { removeCartPointsWorkflow } from "./redeem-cart-points"
import { membershipOf } from "./steps/membership-service"

const matureStep = createStep("membership-mature-points", async (input: { now?: Date; limit?: number }, { container }) => {
  const done = await membershipOf(container).matureDue(input.now ? new Date(input.now) : new Date(), input.limit ?? 500)
  return new StepResponse(done)
})

const expireStep = createStep("membership-expire-points", async (input: { now?: Date; limit?: number }, { container }) => {
  const done = await membershipOf(container).expireDue(input.now ? new Date(input.now) : new Date(), input.limit ?? 1000)
  return new StepResponse(done)
})

/** Pending points whose return window closed become spendable (a batch; the job loops until none are due). */
export const maturePointsWorkflow = createWorkflow("membership-mature-points", (input: { now?: Date; limit?: number }) => {
  const matured = matureStep(input)
  emitEventStep(
    transform({ matured }, ({ matured }) => ({
      eventName: "member.points_available",
      data: matured.filter((m) => m.points !== 0).map((m) => ({ member_id: m.member_id, points: m.points })),
    }))
  )
  return new WorkflowResponse(matured)
})

/** Lots past their expiry lose what is left (a batch; the job loops until none are due). */
export const expirePointsWorkflow = createWorkflow("membership-expire-points", (input: { now?: Date; limit?: number }) => {
  const expired = expireStep(input)
  emitEventStep(
    transform({ expired }, ({ expired }) => ({ eventName: "member.points_expired", data: expired.map((m) => ({ member_id: m.member_id, points: m.points })) }))
  )
  return new WorkflowResponse(expired)
})

/**
 * Holds past their expiry on carts still open: the points come off the cart and are spendable
 * again. A cart completed meanwhile keeps its hold — order.placed spends it.
 */
export async function releaseExpiredHolds(container: MedusaContainer, now = new Date()): Promise<{ released: number; failed: number }> {
  const membership = membershipOf(container)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const holds = await membership.listPointsHolds({ status: "held", expires_at: { $lte: now } }, { take: 500 })
  let released = 0
  let failed = 0
  for (const hold of holds) {
    const { data: [cart] } = await query.graph({ entity: "cart", fields: ["id", "completed_at"], filters: { id: hold.cart_id } })
    if (cart?.completed_at) continue
    try {
      if (cart) await removeCartPointsWorkflow(container).run({ input: { cart_id: hold.cart_id, reason: "hold expired" } })
      else await membership.releaseHold(hold.id, "cart no longer exists")
      released++
    } catch {
      failed++
    }
  }
  return { released, failed }
}
