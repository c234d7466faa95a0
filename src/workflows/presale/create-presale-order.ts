import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, createOrderPaymentCollectionWorkflow, createOrdersStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { presaleOf } from "./steps/presale-service"

type Loaded = {
  existing_order_id: string | null
  order: Record<string, any> | null
  reservation?: { id: string; quantity: number; first_payment: number }
  location_id?: string
  inventory_item_id?: string
}

/**
 * What the order is made of, read under the reservation's lock: nothing when the reservation
 * already has its order (a retry, the sweep racing the payment call) or no longer holds units.
 */
const loadReservationForOrderStep = createStep("load-presale-reservation-for-order", async ({ reservation_id }: { reservation_id: string }, { container }): Promise<StepResponse<Loaded>> => {
  const presale = presaleOf(container)
  const r: any = await presale.retrievePresaleReservation(reservation_id).catch(() => null)
  if (!r) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Presale reservation ${reservation_id} was not found`)
  if (r.order_id || r.status !== "reserved") return new StepResponse({ existing_order_id: r.order_id as string | null, order: null })
  const c: any = await presale.retrievePresaleCampaign(r.campaign_id)
  const item: any = await presale.retrievePresaleItem(r.item_id)
  const customer = await container.resolve(Modules.CUSTOMER).retrieveCustomer(r.customer_id)
  const bonus = c.payment_mode === "deposit" ? Math.round((Number(c.deposit_value) - Number(c.deposit)) * r.quantity * 100) / 100 : 0
  const order: Record<string, any> = {
    region_id: c.region_id,
    currency_code: c.currency_code,
    customer_id: r.customer_id,
    email: customer.email,
    sales_channel_id: r.sales_channel_id,
    status: "pending",
    shipping_address: r.shipping_address ?? undefined,
    items: [
      {
        title: item.title,
        product_id: item.product_id,
        variant_id: item.variant_id,
        variant_sku: item.sku ?? undefined,
        quantity: r.quantity,
        unit_price: Number(item.price),
        is_tax_inclusive: true,
        requires_shipping: true,
        metadata: { presale_reservation_id: r.id, presale_campaign_id: c.id },
        // 定金膨胀: the deposit takes more off the price than it cost; the order shows it as a discount.
        ...(bonus > 0
          ? { adjustments: [{ code: "PRESALE-DEPOSIT", amount: bonus, is_tax_inclusive: true, description: `定金膨胀 deposit bonus (${c.title})` }] }
          : {}),
      },
    ],
    shipping_methods: [
      {
        name: "预售发货 Presale delivery",
        amount: 0,
        is_tax_inclusive: true,
        ...(c.shipping_option_id ? { shipping_option_id: c.shipping_option_id } : {}),
      },
    ],
    metadata: { channel: "presale", presale_campaign_id: c.id, presale_reservation_id: r.id },
  }
  return new StepResponse({
    existing_order_id: null,
    order,
    reservation: { id: r.id, quantity: r.quantity, first_payment: Number(r.first_payment) },
    location_id: c.location_id as string,
    inventory_item_id: item.inventory_item_id as string,
  })
})

/** The order's line reserved at the presale location, under the inventory item's lock (the key checkout uses). */
const reserveAtPresaleLocationStep = createStep(
  "reserve-at-presale-location",
  async (input: { line_item_id: string; inventory_item_id: string; location_id: string; quantity: number }, { container }) => {
    const inventory = container.resolve(Modules.INVENTORY)
    const [created] = await container.resolve(Modules.LOCKING).execute(
      [input.inventory_item_id],
      () =>
        inventory.createReservationItems([
          {
            line_item_id: input.line_item_id,
            inventory_item_id: input.inventory_item_id,
            location_id: input.location_id,
            quantity: input.quantity,
            // The campaign's counters decide what may be sold; the level only mirrors them.
            allow_backorder: true,
            description: "presale",
          },
        ]),
      // Every order of an item queues here (Medusa updates the level's reserved quantity by read
      // and write, so it must be serialised); at a launch that queue is long, not stuck.
      { timeout: 120 }
    )
    return new StepResponse(created.id, { id: created.id, key: input.inventory_item_id })
  },
  async (data, { container }) => {
    if (!data) return
    await container.resolve(Modules.LOCKING).execute([data.key], () => container.resolve(Modules.INVENTORY).deleteReservationItems([data.id]), { timeout: 30 })
  }
)

const attachOrderStep = createStep(
  "attach-presale-order",
  async (input: { reservation_id: string; order_id: string; collection_id: string }, { container }) => {
    const r = await presaleOf(container).updatePresaleReservations({ id: input.reservation_id, order_id: input.order_id, deposit_collection_id: input.collection_id })
    return new StepResponse(r, input.reservation_id)
  },
  async (id, { container }) => {
    if (id) await presaleOf(container).updatePresaleReservations({ id, order_id: null, deposit_collection_id: null })
  }
)

/**
 * The Medusa order behind a reservation: its line at the presale price (a 定金膨胀 bonus as an
 * adjustment), reserved at the presale location, and a payment collection for the first
 * payment (the deposit, or everything in full mode). Idempotent: a reservation that has its
 * order gets that order back.
 */
export const createPresaleOrderWorkflow = createWorkflow("create-presale-order", (input: { reservation_id: string }) => {
  const key = transform({ input }, ({ input }) => `presale-order:${input.reservation_id}`)
  // Also when run inside the reservation's or the payment's workflow (Medusa skips a sub-workflow's
  // lock by default, assuming its parent holds it; these parents don't): ending a reservation takes
  // the same lock, so an order can't be attached to a reservation that ended meanwhile.
  acquireLockStep({ key, timeout: 30, ttl: 120, executeOnSubWorkflow: true })
  const loaded = loadReservationForOrderStep(input)

  const created = when("presale-order-missing", { loaded }, ({ loaded }) => !!loaded.order).then(() => {
    const orders = createOrdersStep(transform({ loaded }, ({ loaded }) => [loaded.order as any]))
    const order = transform({ orders }, ({ orders }) => orders[0])
    reserveAtPresaleLocationStep(
      transform({ order, loaded }, ({ order, loaded }) => ({
        line_item_id: (order as any).items[0].id,
        inventory_item_id: loaded.inventory_item_id!,
        location_id: loaded.location_id!,
        quantity: loaded.reservation!.quantity,
      }))
    )
    const collections = createOrderPaymentCollectionWorkflow.runAsStep({
      input: transform({ order, loaded }, ({ order, loaded }) => ({ order_id: order.id, amount: loaded.reservation!.first_payment })),
    })
    attachOrderStep(
      transform({ order, collections, loaded }, ({ order, collections, loaded }) => ({
        reservation_id: loaded.reservation!.id,
        order_id: order.id,
        collection_id: collections[0].id,
      }))
    )
    return transform({ order }, ({ order }) => order.id as string)
  })

  releaseLockStep({ key, executeOnSubWorkflow: true })
  return new WorkflowResponse(transform({ loaded, created }, ({ loaded, created }) => ({ order_id: (created ?? loaded.existing_order_id) as string | null })))
})
