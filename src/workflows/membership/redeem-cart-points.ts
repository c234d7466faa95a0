import { PromotionActions } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createPromotionsWorkflow, deletePromotionsWorkflow, updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { MedusaError } from "@medusajs/framework/utils"
import { memberOfCustomer, membershipOf } from "./steps/membership-service"
import { holdPointsStep, linkHoldPromotionStep, prepareRedemptionStep } from "./steps/prepare-redemption"

/**
 * Points off a cart, through Medusa's own promotion pipeline: the points are held, a one-off
 * fixed order discount with a random code is created (usable once) and added to the cart like
 * any coupon — so the totals, taxes, the order's adjustments and later refunds are Medusa's.
 * The points are spent when the order is placed (membership-earn-order-points).
 */
export const redeemCartPointsWorkflow = createWorkflow(
  "membership-redeem-cart-points",
  (input: { customer_id: string; cart_id: string; points: number }) => {
    const prepared = prepareRedemptionStep(input)
    const hold = holdPointsStep(prepared)
    const promotions = createPromotionsWorkflow.runAsStep({
      input: transform({ prepared }, ({ prepared }) => ({
        promotionsData: [
          {
            code: prepared.code,
            type: "standard" as const,
            status: "active" as const,
            is_automatic: false,
            // Prices here include VAT, so "¥8 off" means ¥8 off what the customer pays.
            is_tax_inclusive: true,
            limit: 1,
            application_method: {
              type: "fixed" as const,
              target_type: "order" as const,
              allocation: "across" as const,
              value: prepared.amount,
              currency_code: prepared.currency_code,
            },
            metadata: { source: "mendian.points", member_id: prepared.member_id, cart_id: prepared.cart_id, points: prepared.points },
          },
        ],
      })),
    })
    updateCartPromotionsWorkflow.runAsStep({
      input: transform({ prepared }, ({ prepared }) => ({ cart_id: prepared.cart_id, promo_codes: [prepared.code], action: PromotionActions.ADD })),
    })
    linkHoldPromotionStep(transform({ hold, promotions }, ({ hold, promotions }) => ({ hold_id: hold.id, promotion_id: promotions[0].id })))
    return new WorkflowResponse(
      transform({ prepared }, ({ prepared }) => ({ points: prepared.points, amount: prepared.amount, code: prepared.code, cart_id: prepared.cart_id }))
    )
  }
)

const findHoldStep = createStep("membership-find-cart-hold", async (input: { cart_id: string; customer_id?: string | null }, { container }) => {
  const membership = membershipOf(container)
  const [hold] = await membership.listPointsHolds({ cart_id: input.cart_id, status: "held" }, { take: 1 })
  if (!hold) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${input.cart_id} has no points applied`)
  if (input.customer_id) {
    const member = await memberOfCustomer(container, input.customer_id)
    if (member?.id !== hold.member_id) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${input.cart_id} has no points applied`)
  }
  return new StepResponse(hold)
})

const releaseHoldStep = createStep("membership-release-hold", async (input: { hold_id: string; reason: string }, { container }) => {
  return new StepResponse(await membershipOf(container).releaseHold(input.hold_id, input.reason))
})

/**
 * Takes the points off the cart again (the customer changed their mind, or the hold expired
 * with the cart left open): the discount leaves the cart, its promotion is deleted, the points
 * are spendable again.
 */
export const removeCartPointsWorkflow = createWorkflow(
  "membership-remove-cart-points",
  (input: { cart_id: string; customer_id?: string | null; reason: string }) => {
    const hold = findHoldStep(input)
    updateCartPromotionsWorkflow.runAsStep({
      input: transform({ hold }, ({ hold }) => ({ cart_id: hold.cart_id, promo_codes: [hold.code], action: PromotionActions.REMOVE })),
    })
    const released = releaseHoldStep(transform({ hold, input }, ({ hold, input }) => ({ hold_id: hold.id, reason: input.reason })))
    deletePromotionsWorkflow.runAsStep({ input: transform({ hold }, ({ hold }) => ({ ids: hold.promotion_id ? [hold.promotion_id] : [] })) })
    return new WorkflowResponse(released)
  }
)
