import { PromotionActions } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  addShippingMethodToCartWorkflow,
  capturePaymentWorkflow,
  completeCartWorkflow,
  completeOrderWorkflow,
  createCartWorkflow,
  createOrderFulfillmentWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  markOrderFulfillmentAsDeliveredWorkflow,
  updateCartPromotionsWorkflow,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { redeemCartPointsWorkflow } from "../membership/redeem-cart-points"
import { assertCouponsAppliedStep, resolvePosBuyerStep } from "../membership/pos/steps"
import { resolvePosContextStep } from "./steps/resolve-pos-context"

export const POS_PAYMENT_METHODS = ["cash", "wechat_pay", "alipay", "unionpay", "card"] as const

export type CreatePosOrderInput = {
  shop_id: string
  pos_token_id: string
  items: { variant_id: string; quantity: number }[]
  payment_method: (typeof POS_PAYMENT_METHODS)[number]
  customer_id?: string
  email?: string
  /** The member at the counter: the sale is their customer's, so it earns their points. */
  member_id?: string
  /** Points off the sale: the store's redemption (a one-off promotion on the cart), reused. */
  points?: number
  /** Promotion codes, e.g. the member's wallet coupons. */
  coupon_codes?: string[]
  /** The till's Idempotency-Key, kept on the order so a retry after a crash can find it. */
  idempotency_key?: string
}

/**
 * A sale at the till, made of Medusa's own cart, payment and fulfilment workflows so the sale
 * is an ordinary order: reserved at the shop through its POS channel, paid (the tender is
 * recorded; money moves through the payment module's system provider), captured, and
 * fulfilled and delivered at the shop's own location in the same call.
 */
export const createPosOrderWorkflow = createWorkflow(
  "create-pos-order",
  (input: CreatePosOrderInput) => {
    const pos = resolvePosContextStep(
      transform(input, (i) => ({ shop_id: i.shop_id, currency_code: "cny" }))
    )

    const buyer = resolvePosBuyerStep(transform({ input }, ({ input }) => ({ member_id: input.member_id, customer_id: input.customer_id })))

    const cart = createCartWorkflow.runAsStep({
      input: transform({ input, pos, buyer }, ({ input, pos, buyer }) => ({
        region_id: pos.region_id,
        sales_channel_id: pos.sales_channel_id,
        currency_code: "cny",
        customer_id: buyer.customer_id ?? undefined,
        // A known buyer keeps their own customer (a made-up email would swap in the shop's
        // walk-in guest); an anonymous sale goes to that guest.
        email: input.email ?? (buyer.customer_id ? undefined : `pos-${pos.shop_code.toLowerCase()}@customers.mendian.local`),
        items: input.items,
        metadata: {
          channel: "pos",
          shop_id: input.shop_id,
          shop_code: pos.shop_code,
          payment_method: input.payment_method,
          pos_token_id: input.pos_token_id,
          idempotency_key: input.idempotency_key,
        },
      })),
    })

    addShippingMethodToCartWorkflow.runAsStep({
      input: transform({ cart, pos }, ({ cart, pos }) => ({
        cart_id: cart.id,
        options: [{ id: pos.shipping_option_id }],
      })),
    })
    // Coupons first, then points: the points' cap is a share of what is left to pay.
    when({ input }, ({ input }) => !!input.coupon_codes?.length).then(() => {
      updateCartPromotionsWorkflow.runAsStep({
        input: transform({ cart, input }, ({ cart, input }) => ({ cart_id: cart.id, promo_codes: input.coupon_codes!, action: PromotionActions.ADD })),
      })
      assertCouponsAppliedStep(transform({ cart, input }, ({ cart, input }) => ({ cart_id: cart.id, codes: input.coupon_codes! })))
    })
    when({ input }, ({ input }) => !!input.points).then(() => {
      redeemCartPointsWorkflow.runAsStep({
        input: transform({ cart, input, buyer }, ({ cart, input, buyer }) => ({ customer_id: buyer.customer_id!, cart_id: cart.id, points: input.points! })),
      })
    })

    const collection = createPaymentCollectionForCartWorkflow.runAsStep({
      input: transform({ cart }, ({ cart }) => ({ cart_id: cart.id })),
    })
    createPaymentSessionsWorkflow.runAsStep({
      input: transform({ collection, input }, ({ collection, input }) => ({
        payment_collection_id: collection.id,
        provider_id: "pp_system_default",
        data: { tender: input.payment_method },
      })),
    })
    const placed = completeCartWorkflow.runAsStep({
      input: transform({ cart }, ({ cart }) => ({ id: cart.id })),
    })

    const { data: order } = useQueryGraphStep({
      entity: "order",
      fields: ["id", "items.*", "payment_collections.payments.id"],
      filters: { id: placed.id },
      options: { isList: false, throwIfKeyNotFound: true },
    }).config({ name: "pos-order-query" })

    capturePaymentWorkflow.runAsStep({
      input: transform({ order, input }, ({ order, input }) => ({
        payment_id: order.payment_collections![0]!.payments![0]!.id,
        captured_by: input.pos_token_id,
      })),
    })
    const fulfillment = createOrderFulfillmentWorkflow.runAsStep({
      input: transform({ order, pos }, ({ order, pos }) => ({
        order_id: order.id,
        location_id: pos.location_id,
        items: order.items!.map((i: any) => ({ id: i.id, quantity: i.quantity })),
        no_notification: true,
      })),
    })
    markOrderFulfillmentAsDeliveredWorkflow.runAsStep({
      input: transform({ order, fulfillment }, ({ order, fulfillment }) => ({
        orderId: order.id,
        fulfillmentId: fulfillment.id,
        no_notification: true,
      })),
    })

    // Paid and handed over: nothing is left to do for a till sale.
    completeOrderWorkflow.runAsStep({
      input: transform({ order }, ({ order }) => ({ orderIds: [order.id] })),
    })

    return new WorkflowResponse(transform({ order }, ({ order }) => ({ id: order.id as string })))
  }
)
