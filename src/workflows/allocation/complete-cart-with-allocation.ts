import { EventPriority, isDefined, Modules, OrderWorkflowEvents, ReservationItemWorkflowEvents } from "@medusajs/framework/utils"
import { createHook, createWorkflow, parallelize, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  addOrderTransactionStep,
  authorizePaymentSessionStep,
  compensatePaymentIfNeededStep,
  createOrdersStep,
  createRemoteLinkStep,
  emitEventStep,
  releaseLockStep,
  updateCartsStep,
  useQueryGraphStep,
  validateCartItemsStep,
  validateCartPaymentsStep,
  validateShippingStep,
} from "@medusajs/medusa/core-flows"
import { z } from "@medusajs/framework/zod"
import { allocateInventoryStep, type AllocationRanking } from "./steps/allocate-inventory"
import { createAllocationRecordStep } from "./steps/create-allocation-record"
import { createAllocationTransfersStep } from "./steps/create-allocation-transfers"
import { prepareAllocationStep } from "./steps/prepare-allocation"
import { registerPromotionUsageStep } from "./steps/register-promotion-usage"
import { attachReservationsStep } from "./steps/reserve-allocated-inventory"
import { allocationCartFields } from "./utils/cart-fields"
import { buildOrderInput } from "./utils/order-input"

export const completeCartWithAllocationWorkflowId = "complete-cart-with-allocation"

const THREE_DAYS = 60 * 60 * 24 * 3

type Hooked = ReturnType<typeof createHook<"allocationRanking", any, any>>

/** What a handler of `allocationRanking` may return (validated): a cost per location id. */
export const AllocationRankingResult = z
  .object({ costs: z.record(z.string(), z.number().finite()), name: z.string().optional() })
  .optional()

/**
 * Medusa's cart completion with Mendian's allocation in place of reserveInventoryStep: composed
 * from core-flows' own exported steps in the same order, with the same idempotency (an order
 * already placed for the cart is returned, not placed twice), the same cart lock and the same
 * payment handling (authorised last, reverted by compensation).
 *
 * Where core reserves each line at `location_ids[0]` after the order exists, this workflow
 * first allocates and reserves in one step under the lock on every inventory item of the order
 * (core's reservation keys) — fresh levels, the strategy's choice, a refusal before anything is
 * written when a line can't be served — then creates the order with lines served from two
 * locations split into two order lines, gives each reservation its order line and records why.
 *
 * Hooks: `validate`, `beforePaymentAuthorization`, `orderCreated` (as core), and
 * `allocationRanking` ({ cart_id, context: { sales_channel_id, lines, customer,
 * pickup_location_id } }) → { costs: { [location_id]: number }, name? } to replace how
 * locations are ranked (the strategy's safety-stock and split rules still apply).
 */
export const completeCartWithAllocationWorkflow = createWorkflow(
  { name: completeCartWithAllocationWorkflowId, store: true, idempotent: false, retentionTime: THREE_DAYS },
  (input: { id: string }) => {
    // Declared inside the order branch; kept here so the workflow lists it among its hooks.
    let rankingHook: Hooked | undefined
    acquireLockStep({ key: input.id, timeout: 30, ttl: 120 })

    const [orderCart, cartData] = parallelize(
      useQueryGraphStep({
        entity: "order_cart",
        fields: ["cart_id", "order_id"],
        filters: { cart_id: input.id },
        options: { isList: false },
      }),
      useQueryGraphStep({
        entity: "cart",
        fields: allocationCartFields,
        filters: { id: input.id },
        options: { isList: false },
      }).config({ name: "cart-query" })
    )
    const orderId = transform({ orderCart }, ({ orderCart }) => (orderCart as any)?.data?.order_id as string | undefined)

    validateCartItemsStep({ cart: cartData.data } as any)
    const paymentSessions = validateCartPaymentsStep({ cart: cartData.data } as any)
    compensatePaymentIfNeededStep({ payment_session_id: paymentSessions[0].id })

    const validate = createHook("validate", { input, cart: cartData.data })

    const order = when("create-order", { orderId }, ({ orderId }) => !orderId).then(() => {
      const cartOptionIds = transform({ cart: cartData.data }, ({ cart }: any) => cart.shipping_methods?.map((sm: any) => sm.shipping_option_id))
      const shippingOptionsData = useQueryGraphStep({
        entity: "shipping_option",
        fields: ["id", "shipping_profile_id"],
        filters: { id: cartOptionIds },
        options: { cache: { enable: true } },
      }).config({ name: "shipping-options-query" })
      validateShippingStep({ cart: cartData.data, shippingOptions: shippingOptionsData.data } as any)

      // Allocation: candidates, then the plugin's ranking, then the decision under the lock.
      const plan = prepareAllocationStep({ cart: cartData.data })
      const allocationRanking = createHook(
        "allocationRanking",
        {
          cart_id: input.id,
          context: transform({ plan }, ({ plan }) => ({
            sales_channel_id: plan.sales_channel_id,
            lines: plan.lines,
            customer: plan.customer,
            pickup_location_id: plan.pickup?.location_id ?? null,
          })),
        },
        { resultValidator: AllocationRankingResult }
      )
      rankingHook = allocationRanking
      const titles = transform({ cart: cartData.data }, ({ cart }: any) =>
        Object.fromEntries((cart.items ?? []).map((i: any) => [i.id, `${i.product_title ?? i.title}${i.variant_sku ? ` (${i.variant_sku})` : ""}`]))
      )
      const allocated = allocateInventoryStep({ plan, ranking: allocationRanking.getResult() as AllocationRanking, titles })
      const allocation = transform({ allocated }, ({ allocated }) => allocated.allocation)

      const cartToOrder = transform({ cart: cartData.data, allocation }, ({ cart, allocation }) => buildOrderInput(cart, allocation))
      const createdOrders = createOrdersStep([cartToOrder] as any)
      const createdOrder = transform({ createdOrders }, ({ createdOrders }) => createdOrders[0])

      const reservations = attachReservationsStep({
        order: createdOrder,
        reservations: transform({ allocated }, ({ allocated }) => allocated.reservations),
      })

      const updateCompletedAt = transform({ cart: cartData.data }, ({ cart }: any) => ({ id: cart.id, completed_at: new Date() }))
      const promotionUsage = transform({ cart: cartData.data }, ({ cart }: any) => ({
        computedActions: [
          ...(cart.items ?? []).flatMap((i: any) => i.adjustments ?? []),
          ...(cart.shipping_methods ?? []).flatMap((s: any) => s.adjustments ?? []),
        ].map((a: any) => ({ amount: a.amount, code: a.code })),
        registrationContext: { customer_id: cart.customer?.id || null, customer_email: cart.email || null },
      }))
      const linksToCreate = transform({ cart: cartData.data, createdOrder }, ({ cart, createdOrder }: any) => {
        const links: any[] = [{ [Modules.ORDER]: { order_id: createdOrder.id }, [Modules.CART]: { cart_id: cart.id } }]
        for (const promotion of cart.promotions ?? []) {
          links.push({ [Modules.ORDER]: { order_id: createdOrder.id }, [Modules.PROMOTION]: { promotion_id: promotion.id } })
        }
        if (isDefined(cart.payment_collection?.id)) {
          links.push({ [Modules.ORDER]: { order_id: createdOrder.id }, [Modules.PAYMENT]: { payment_collection_id: cart.payment_collection.id } })
        }
        return links
      })
      const [, , , , record] = parallelize(
        createRemoteLinkStep(linksToCreate),
        updateCartsStep([updateCompletedAt]),
        registerPromotionUsageStep(promotionUsage),
        emitEventStep({ eventName: OrderWorkflowEvents.PLACED, data: { id: createdOrder.id }, options: { priority: EventPriority.CRITICAL } }),
        createAllocationRecordStep({
          order: createdOrder,
          cart_id: input.id,
          allocation,
          customer: transform({ plan }, ({ plan }) => plan.customer ?? null),
          pickup_location_id: transform({ plan }, ({ plan }) => plan.pickup?.location_id ?? null),
        })
      )
      // A pickup shop short on some lines: those parts travel to it on approved transfers.
      const allocationTransfers = createAllocationTransfersStep({
        order: createdOrder,
        allocation,
        lines: transform({ plan }, ({ plan }) => plan.lines),
        reservations: transform({ allocated }, ({ allocated }) => allocated.reservations),
        pickup_location_id: transform({ plan }, ({ plan }) => plan.pickup?.location_id ?? null),
        record_id: transform({ record }, ({ record }: any) => (record?.id ?? null) as string | null),
      })
      emitEventStep({
        eventName: "transfer.approved",
        data: transform({ allocationTransfers }, ({ allocationTransfers }) => allocationTransfers.map((t) => ({ id: t.id, number: t.number, status: t.status }))),
      }).config({ name: "emit-allocation-transfers-approved" })
      const reservationCreatedEvents = transform({ reservations, createdOrder }, ({ reservations, createdOrder }: any) =>
        (reservations ?? []).map((r: any) => ({ id: r.id, order_id: createdOrder.id }))
      )
      emitEventStep({ eventName: ReservationItemWorkflowEvents.CREATED, data: reservationCreatedEvents }).config({
        name: "emit-reservation-item-created",
      })

      createHook("beforePaymentAuthorization", { input })
      const payment = authorizePaymentSessionStep({ id: paymentSessions[0].id })
      const orderTransactions = transform({ payment, createdOrder }, ({ payment, createdOrder }: any) =>
        (payment?.captures ?? []).map((capture: any) => ({
          order_id: createdOrder.id,
          amount: capture.raw_amount ?? capture.amount,
          currency_code: payment.currency_code,
          reference: "capture",
          reference_id: capture.id,
        }))
      )
      addOrderTransactionStep(orderTransactions)
      createHook("orderCreated", { order_id: createdOrder.id, cart_id: input.id })
      return createdOrder
    })

    releaseLockStep({ key: input.id })
    const result = transform({ order, orderId }, ({ order, orderId }: any) => ({ id: (order?.id ?? orderId) as string }))
    return new WorkflowResponse(result, { hooks: [validate, rankingHook!] as const })
  }
)
