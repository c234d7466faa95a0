import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { membershipOf } from "../steps/membership-service"

/**
 * The buyer of a till sale: the member named by the till (their customer buys), or the
 * customer given directly. Both given must be the same person.
 */
export const resolvePosBuyerStep = createStep(
  "membership-resolve-pos-buyer",
  async (input: { member_id?: string; customer_id?: string }, { container }) => {
    if (!input.member_id) return new StepResponse({ member_id: null as string | null, customer_id: input.customer_id ?? null })
    const member = await membershipOf(container).retrieveMember(input.member_id, { select: ["id", "customer_id", "status"] }).catch(() => null)
    if (!member || member.status !== "active") throw new MedusaError(MedusaError.Types.INVALID_DATA, `member_id: member ${input.member_id} was not found`)
    if (input.customer_id && input.customer_id !== member.customer_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `customer_id: ${input.customer_id} is not member ${member.id}'s customer`)
    }
    return new StepResponse({ member_id: member.id as string | null, customer_id: member.customer_id as string | null })
  }
)

/**
 * Medusa silently leaves out a known code whose conditions the cart does not meet (another
 * member's coupon, a minimum not reached); at the till that must be said, not charged in full.
 */
export const assertCouponsAppliedStep = createStep(
  "membership-assert-coupons-applied",
  async (input: { cart_id: string; codes: string[] }, { container }) => {
    const { data: [cart] } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "cart",
      fields: ["id", "items.adjustments.code", "shipping_methods.adjustments.code"],
      filters: { id: input.cart_id },
    })
    const applied = new Set(
      [...((cart?.items ?? []) as any[]), ...((cart?.shipping_methods ?? []) as any[])].flatMap((x) => (x?.adjustments ?? []).map((a: any) => a?.code))
    )
    const missing = input.codes.filter((c) => !applied.has(c))
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `coupon_codes: ${missing.join(", ")} ${missing.length > 1 ? "do" : "does"} not apply to this sale (another member's coupon, already used, or its conditions are not met)`,
        "coupon_not_applicable"
      )
    }
    return new StepResponse(input.codes)
  }
)

/**
 * When the order's first fulfilment was made, if it has one already when its points are
 * earned. A till sale is fulfilled in the same call that places it, so
 * order.fulfillment_created can be handled before order.placed has posted the earn: the earn
 * then starts its return window itself, from that fulfilment.
 */
export const orderFulfilledAtStep = createStep("membership-order-fulfilled-at", async (input: { order_id: string | null }, { container }) => {
  if (!input.order_id) return new StepResponse(null as Date | null)
  const { data: [order] } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", "fulfillments.created_at", "fulfillments.canceled_at"],
    filters: { id: input.order_id },
  })
  const times = ((order?.fulfillments ?? []) as any[])
    .filter((f) => f && !f.canceled_at)
    .map((f) => new Date(f.created_at).getTime())
  return new StepResponse(times.length ? new Date(Math.min(...times)) : null)
})
