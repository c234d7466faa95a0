import Medusa, { FetchError } from "@medusajs/js-sdk"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createPromotionsWorkflow, createTaxRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { adminHeaders, storefront } from "../helpers/admin"
import { chinaMarket, levelAt, productWithStock } from "../helpers/catalog"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { REPLENISHMENT_MODULE } from "../../src/modules/replenishment"
import { SHOPS_MODULE } from "../../src/modules/shops"
import { completeCartWithAllocationWorkflow, releaseOrderAllocationWorkflow } from "../../src/workflows/allocation"
import { reconcileStock } from "../../src/workflows/transfers/queries/reconcile-stock"
import { TRANSFERS_MODULE } from "../../src/modules/transfers"
import { until } from "../helpers/until"

jest.setTimeout(240_000)

// The customer stands at KM-A; KM-B is 2 km north, KM-C 10 km north.
const CUSTOMER = { lat: 25.04, lng: 102.712 }
const ADDRESS = { first_name: "小", last_name: "王", address_1: "南屏街 1 号", city: "昆明", country_code: "cn", postal_code: "650000" }

const shopInput = (code: string, lat: number, extra: Record<string, unknown> = {}) => ({
  code,
  name: `门店${code}`,
  kind: "standard",
  status: "open",
  latitude: lat,
  longitude: CUSTOMER.lng,
  city: "昆明",
  ...extra,
})

type Product = { variantId: string; inventoryItemId: string }

// A plugin's ranking, as a developer would register it (src/workflows/hooks/…): KM-C first, for
// the carts the test names — one handler per hook for the whole app.
const rankedCarts = new Set<string>()
completeCartWithAllocationWorkflow.hooks.allocationRanking(async ({ cart_id }: any, { container }: any) => {
  if (!rankedCarts.has(cart_id)) return new StepResponse(undefined)
  const shops = await container.resolve(SHOPS_MODULE).listShops({ code: ["KM-A", "KM-B", "KM-C"] })
  const costs = Object.fromEntries(shops.map((s: any) => [s.stock_location_id, s.code === "KM-C" ? 0 : 100]))
  return new StepResponse({ costs, name: "flagship-first plugin" })
})

const reservationsOf = async (container: MedusaContainer, lineIds: string[]) =>
  (await container.resolve(Modules.INVENTORY).listReservationItems({ line_item_id: lineIds })).map((r: any) => ({
    line_item_id: r.line_item_id,
    location_id: r.location_id,
    quantity: Number(r.quantity),
  }))

const stockAt = async (container: MedusaContainer, inventoryItemId: string, locationId: string) => {
  const [l] = await container.resolve(Modules.INVENTORY).listInventoryLevels({ inventory_item_id: inventoryItemId, location_id: locationId })
  return l ? { stocked: Number(l.stocked_quantity), reserved: Number(l.reserved_quantity), incoming: Number(l.incoming_quantity) } : null
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let regionId: string
    let online: { salesChannelId: string; publishableKey: string }
    let sdk: Medusa
    const shops: Record<string, any> = {}
    let tea: Product
    let cup: Product
    let pot: Product

    beforeAll(async () => {
      const container = getContainer()
      headers = await adminHeaders(container)
      const market = await chinaMarket(container)
      regionId = market.regionId
      online = await storefront(container, "Online")
      await createTaxRegionsWorkflow(container).run({
        input: [{ country_code: "cn", provider_id: "tp_system", default_tax_rate: { rate: 13, code: "VAT", name: "增值税" } }],
      })
      await createPromotionsWorkflow(container).run({
        input: {
          promotionsData: [
            {
              code: "TEN",
              type: "standard",
              status: "active",
              is_automatic: false,
              application_method: { type: "fixed", target_type: "items", allocation: "across", value: 10, currency_code: "cny" },
            },
          ],
        },
      })
      const sc = [online.salesChannelId]
      for (const [code, lat, extra] of [
        ["KM-A", 25.04, { sales_channel_ids: sc }],
        ["KM-B", 25.058, { sales_channel_ids: sc }],
        ["KM-C", 25.13, { sales_channel_ids: sc }],
        // Sells only at its own till: not a pickup shop for online carts.
        ["KM-D", 25.05, {}],
        ["KM-E", 25.045, { sales_channel_ids: sc, status: "planned" }],
      ] as const) {
        shops[code] = (await api.post("/admin/shops", shopInput(code, lat, extra), { headers })).data.shop
      }
      const at = (code: string) => shops[code].stock_location_id
      const product = (sku: string, stock: [string, number][]) =>
        productWithStock(container, {
          sku,
          price: 69,
          shippingProfileId: market.shippingProfileId,
          salesChannelIds: sc,
          stock: stock.map(([code, quantity]) => ({ location_id: at(code), quantity })),
        })
      tea = await product("TEA-AL", [["KM-A", 2], ["KM-B", 1], ["KM-C", 0]])
      cup = await product("CUP-AL", [["KM-A", 5], ["KM-B", 5]])
      pot = await product("POT-AL", [["KM-A", 5], ["KM-C", 5]])
      await (container.resolve(REPLENISHMENT_MODULE) as any).createStockPolicies([
        { variant_id: cup.variantId, location_id: at("KM-A"), safety_stock: 4 },
      ])
      sdk = new Medusa({ baseUrl: api.defaults.baseURL as string, publishableKey: online.publishableKey })
    })

    /** A storefront's checkout up to the last step, through Medusa's js-sdk. */
    async function cartReady(items: { variant_id: string; quantity: number }[], opts: { promo?: string; pickupShop?: string } = {}) {
      let { cart } = await sdk.store.cart.create({
        region_id: regionId,
        email: "buyer@example.cn",
        items,
        shipping_address: ADDRESS,
        metadata: { customer_location: CUSTOMER },
      })
      if (opts.promo) cart = (await sdk.store.cart.update(cart.id, { promo_codes: [opts.promo] })).cart
      if (opts.pickupShop) await sdk.client.fetch(`/store/carts/${cart.id}/pickup-shop`, { method: "POST", body: { shop_id: opts.pickupShop } })
      const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cart.id })
      expect(shipping_options.length).toBeGreaterThan(0)
      cart = (await sdk.store.cart.addShippingMethod(cart.id, { option_id: shipping_options[0].id })).cart
      await sdk.store.payment.initiatePaymentSession(cart, { provider_id: "pp_system_default" })
      return (await sdk.store.cart.retrieve(cart.id)).cart
    }

    const allocationOf = async (orderId: string) => (await api.get(`/admin/orders/${orderId}/allocation`, { headers })).data.allocation

    it("splits a line no single shop holds across two shops: two order lines, reservations at both, totals unchanged", async () => {
      const container = getContainer()
      const cart = await cartReady([{ variant_id: tea.variantId, quantity: 3 }], { promo: "TEN" })
      expect(Number(cart.discount_total)).toBeGreaterThan(0)
      const done = await sdk.store.cart.complete(cart.id)
      expect(done.type).toBe("order")
      const order = (done as any).order

      // Two ordinary one-location lines of the same variant: 2 at KM-A (nearest), 1 at KM-B.
      const lines = [...order.items].sort((a: any, b: any) => b.quantity - a.quantity)
      expect(lines.map((l: any) => [l.variant_id, l.quantity, l.metadata.mendian_allocation.location_id])).toEqual([
        [tea.variantId, 2, shops["KM-A"].stock_location_id],
        [tea.variantId, 1, shops["KM-B"].stock_location_id],
      ])
      // The 10 off is prorated by quantity to whole cents, the remainder on the first part.
      expect(lines.map((l: any) => l.adjustments.map((a: any) => Number(a.amount)))).toEqual([[6.67], [3.33]])
      expect(lines.every((l: any) => l.tax_lines.length === 1 && Number(l.tax_lines[0].rate) === 13)).toBe(true)
      for (const field of ["total", "subtotal", "tax_total", "discount_total", "item_total", "shipping_total"]) {
        expect([field, Number(order[field])]).toEqual([field, Number((cart as any)[field])])
      }

      const reservations = await reservationsOf(container, lines.map((l: any) => l.id))
      expect(reservations.sort((a, b) => b.quantity - a.quantity)).toEqual([
        { line_item_id: lines[0].id, location_id: shops["KM-A"].stock_location_id, quantity: 2 },
        { line_item_id: lines[1].id, location_id: shops["KM-B"].stock_location_id, quantity: 1 },
      ])
      expect(await levelAt(container, tea.inventoryItemId, shops["KM-A"].stock_location_id)).toEqual({ stocked: 2, reserved: 2 })
      expect(await levelAt(container, tea.inventoryItemId, shops["KM-B"].stock_location_id)).toEqual({ stocked: 1, reserved: 1 })

      const allocation = await allocationOf(order.id)
      expect(allocation.strategy).toBe("mendian-cost")
      expect(allocation.customer_point).toMatchObject({ ...CUSTOMER, source: "customer_location" })
      expect(allocation.lines.map((l: any) => [l.shop.code, l.quantity, l.part, l.parts])).toEqual([
        ["KM-A", 2, 1, 2],
        ["KM-B", 1, 2, 2],
      ])
      expect(allocation.lines[0].reasons.map((r: any) => r.text)).toEqual(["splits 2+1 because no single location holds 3"])

      // Medusa's own fulfilment works on a split line: ship KM-B's unit from KM-B.
      await api.post(
        `/admin/orders/${order.id}/fulfillments`,
        { items: [{ id: lines[1].id, quantity: 1 }], location_id: shops["KM-B"].stock_location_id },
        { headers }
      )
      expect(await levelAt(container, tea.inventoryItemId, shops["KM-B"].stock_location_id)).toEqual({ stocked: 0, reserved: 0 })
      expect(await levelAt(container, tea.inventoryItemId, shops["KM-A"].stock_location_id)).toEqual({ stocked: 2, reserved: 2 })
    })

    it("serves a one-location cart as Medusa would: one line, one reservation at the nearest shop with stock", async () => {
      const container = getContainer()
      const cart = await cartReady([{ variant_id: tea.variantId, quantity: 1 }])
      const done = await sdk.store.cart.complete(cart.id)
      expect(done.type).toBe("order")
      const order = (done as any).order
      expect(order.items).toHaveLength(1)
      expect(Number(order.total)).toBe(Number(cart.total))
      expect(await reservationsOf(container, [order.items[0].id])).toEqual([
        { line_item_id: order.items[0].id, location_id: shops["KM-A"].stock_location_id, quantity: 1 },
      ])
      const allocation = await allocationOf(order.id)
      expect(allocation.lines).toHaveLength(1)
      expect(allocation.lines[0].reasons.map((r: any) => r.text)).toEqual(["nearest with stock 0 km"])
      // Completing again answers with the same order (Medusa's idempotency).
      const again = await sdk.store.cart.complete(cart.id)
      expect((again as any).order.id).toBe(order.id)
    })

    it("keeps the nearest shop above its safety stock when another shop can serve", async () => {
      const cart = await cartReady([{ variant_id: cup.variantId, quantity: 2 }])
      const order = ((await sdk.store.cart.complete(cart.id)) as any).order
      expect(order.items.map((l: any) => l.metadata.mendian_allocation.location_id)).toEqual([shops["KM-B"].stock_location_id])
      const allocation = await allocationOf(order.id)
      expect(allocation.lines[0].reasons.map((r: any) => r.text)).toEqual([
        "nearest with stock 2 km",
        "kept KM-A above its safety stock 4",
      ])
    })

    it("lets the customer choose a pickup shop through the Store API, validated, and serves from it", async () => {
      const store = { "x-publishable-api-key": online.publishableKey }
      const { cart } = await sdk.store.cart.create({ region_id: regionId, items: [{ variant_id: pot.variantId, quantity: 2 }] })
      const url = `/store/carts/${cart.id}/pickup-shop`
      const set = await api.post(url, { shop_id: shops["KM-C"].id }, { headers: store })
      expect(set.data.cart.metadata).toEqual({ pickup_shop_id: shops["KM-C"].id })
      const refused = async (body: unknown) => (await api.post(url, body, { headers: store }).catch((e: any) => e.response)).status
      expect(await refused({ shop_id: shops["KM-D"].id })).toBe(400) // not sold online
      expect(await refused({ shop_id: shops["KM-E"].id })).toBe(400) // not open
      expect(await refused({ shop_id: "shop_nope" })).toBe(404)
      expect(await refused({})).toBe(400)
      const cleared = await api.delete(url, { headers: store })
      expect(cleared.data.cart.metadata).toEqual({})

      const ready = await cartReady([{ variant_id: pot.variantId, quantity: 2 }], { pickupShop: shops["KM-C"].id })
      const order = ((await sdk.store.cart.complete(ready.id)) as any).order
      // KM-A is nearer the customer and holds 5, but the customer collects at KM-C.
      expect(order.items.map((l: any) => [l.quantity, l.metadata.mendian_allocation.location_id])).toEqual([[2, shops["KM-C"].stock_location_id]])
      const allocation = await allocationOf(order.id)
      expect(allocation.pickup.shop.code).toBe("KM-C")
      expect(allocation.lines[0].reasons[0].text).toBe("pickup shop KM-C chosen by the customer holds 2")
    })

    it("lets a plugin replace the ranking through the allocationRanking hook", async () => {
      const cart = await cartReady([{ variant_id: pot.variantId, quantity: 1 }])
      rankedCarts.add(cart.id)
      const order = ((await sdk.store.cart.complete(cart.id)) as any).order
      // KM-A is where the customer stands and holds 5; the plugin sends it to KM-C.
      expect(order.items[0].metadata.mendian_allocation.location_id).toBe(shops["KM-C"].stock_location_id)
      const allocation = await allocationOf(order.id)
      expect(allocation.reasons.map((r: any) => r.text)).toEqual(["locations ranked by flagship-first plugin"])
      expect(allocation.lines[0].reasons.map((r: any) => r.text)).toEqual(["lowest cost with stock (0)"])
    })

    it("serialises two checkouts competing for the same stock: one order, one clean refusal, no oversell", async () => {
      const container = getContainer()
      const first = await cartReady([{ variant_id: tea.variantId, quantity: 2 }])
      const second = await cartReady([{ variant_id: tea.variantId, quantity: 2 }])
      const results = await Promise.all([first, second].map((c) => sdk.store.cart.complete(c.id).catch((e) => e)))
      expect(results.filter((r: any) => r.type === "order")).toHaveLength(1)
      const refused = results.find((r: any) => r instanceof FetchError)
      expect(refused?.status).toBe(400)
      expect(refused?.message).toContain("2 ordered, 1 available")
      const a = await levelAt(container, tea.inventoryItemId, shops["KM-A"].stock_location_id)
      const b = await levelAt(container, tea.inventoryItemId, shops["KM-B"].stock_location_id)
      expect(a.reserved + b.reserved).toBe(2)
      expect(a.reserved).toBeLessThanOrEqual(a.stocked)
      expect(b.reserved).toBeLessThanOrEqual(b.stocked)
    })

    it("refuses a cart nobody can serve with a clear error: no order, nothing reserved", async () => {
      const container = getContainer()
      const cart = await cartReady([
        { variant_id: cup.variantId, quantity: 1 },
        { variant_id: tea.variantId, quantity: 3 },
      ])
      // KM-B's unit goes (sold at the till) between the cart and its completion.
      const inventory = container.resolve(Modules.INVENTORY)
      await inventory.updateInventoryLevels([{ inventory_item_id: tea.inventoryItemId, location_id: shops["KM-B"].stock_location_id, stocked_quantity: 0 }])
      const error = await sdk.store.cart.complete(cart.id).catch((e) => e)
      expect(error).toBeInstanceOf(FetchError)
      expect(error.status).toBe(400)
      expect(error.message).toBe("Not enough stock to place this order: Product TEA-AL (TEA-AL): 3 ordered, 2 available across this channel's locations")
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: links } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cart.id } })
      expect(links).toEqual([])
      expect((await sdk.store.cart.retrieve(cart.id)).cart.completed_at).toBeFalsy()
      expect(await container.resolve(Modules.INVENTORY).listReservationItems({ inventory_item_id: [tea.inventoryItemId, cup.inventoryItemId] })).toEqual([])
      expect(await levelAt(container, tea.inventoryItemId, shops["KM-A"].stock_location_id)).toEqual({ stocked: 2, reserved: 0 })
    })

    /** The allocation transfers of an order, as the admin reads them. */
    const transfersOf = async (orderId: string) => {
      const { transfers } = (await api.get(`/admin/transfers?limit=100`, { headers })).data
      const mine = transfers.filter((t: any) => t.order_id === orderId)
      return Promise.all(mine.map(async (t: any) => (await api.get(`/admin/transfers/${t.id}`, { headers })).data.transfer))
    }
    const act = (id: string, action: string, body: Record<string, unknown> = {}) => api.post(`/admin/transfers/${id}/${action}`, body, { headers })

    it("brings what the pickup shop lacks on an approved transfer that holds the order's own reservation, reserved at the pickup shop on receipt", async () => {
      const container = getContainer()
      const [A, C] = [shops["KM-A"].stock_location_id, shops["KM-C"].stock_location_id]
      // KM-C holds 5 pots and no tea; KM-A holds both.
      const cart = await cartReady(
        [
          { variant_id: pot.variantId, quantity: 6 },
          { variant_id: tea.variantId, quantity: 2 },
        ],
        { pickupShop: shops["KM-C"].id }
      )
      const order = ((await sdk.store.cart.complete(cart.id)) as any).order
      const item = (variant: string, at: string) => order.items.find((l: any) => l.variant_id === variant && l.metadata.mendian_allocation.location_id === at)
      expect(order.items).toHaveLength(3)
      const [potC, potA, teaA] = [item(pot.variantId, C), item(pot.variantId, A), item(tea.variantId, A)]
      expect([potC.quantity, potA.quantity, teaA.quantity]).toEqual([5, 1, 2])

      // One transfer KM-A → KM-C, approved, its lines holding the order lines' reservations at KM-A.
      const [transfer, ...more] = await transfersOf(order.id)
      expect(more).toEqual([])
      const held = async (lineId: string) => (await container.resolve(Modules.INVENTORY).listReservationItems({ line_item_id: lineId }))
      const [potRes] = await held(potA.id)
      const [teaRes] = await held(teaA.id)
      expect(transfer).toMatchObject({ origin: "allocation", status: "approved", order_id: order.id, source: { shop_code: "KM-A" } })
      expect(transfer.lines.map((l: any) => [l.variant_id, l.destination.shop_code, l.status, l.quantity_approved, l.reservation_id, l.order_line_item_id]).sort()).toEqual(
        [
          [pot.variantId, "KM-C", "approved", 1, potRes.id, potA.id],
          [tea.variantId, "KM-C", "approved", 2, teaRes.id, teaA.id],
        ].sort()
      )
      expect(transfer.movements.map((m: any) => [m.action, m.kind, m.location_id, m.delta_reserved]).sort()).toEqual([
        ["approve", "reserve", A, 1],
        ["approve", "reserve", A, 2],
      ])
      // Reserved once: what the order needs and no more.
      expect(await stockAt(container, pot.inventoryItemId, A)).toEqual({ stocked: 5, reserved: 1, incoming: 0 })
      expect(await stockAt(container, tea.inventoryItemId, A)).toEqual({ stocked: 2, reserved: 2, incoming: 0 })
      expect(await stockAt(container, pot.inventoryItemId, C)).toEqual({ stocked: 5, reserved: 5, incoming: 0 })
      const allocation = await allocationOf(order.id)
      const atA = allocation.lines.filter((l: any) => l.shop?.code === "KM-A")
      expect(atA.map((l: any) => l.reasons.at(-1).text)).toEqual([`ships KM-A → KM-C by ${transfer.number}`, `ships KM-A → KM-C by ${transfer.number}`])
      // The record names the transfer per line with its live status, and where each line can be
      // fulfilled now: the part at KM-C there; the transferred parts nowhere until they arrive.
      const onTransfer = (a: any) =>
        a.lines
          .map((l: any) => [l.order_line_item_id, l.transfer_id, l.transfer && [l.transfer.number, l.transfer.status, l.transfer.destination?.shop?.code, l.transfer.quantity, l.transfer.arrived], l.fulfil_location_id])
          .sort((x: any, y: any) => String(x[0]).localeCompare(String(y[0])))
      const expectLines = (rows: any[]) => rows.sort((x: any, y: any) => String(x[0]).localeCompare(String(y[0])))
      expect(allocation.released_at).toBeNull()
      expect(onTransfer(allocation)).toEqual(
        expectLines([
          [potC.id, null, null, C],
          [potA.id, transfer.id, [transfer.number, "approved", "KM-C", 1, 0], null],
          [teaA.id, transfer.id, [transfer.number, "approved", "KM-C", 2, 0], null],
        ])
      )
      expect((await reconcileStock(container)).drift).toEqual([])
      // Completing the cart again answers with the order and makes no second transfer.
      expect(((await sdk.store.cart.complete(cart.id)) as any).order.id).toBe(order.id)
      expect(await transfersOf(order.id)).toHaveLength(1)

      // Ship: the reservation leaves KM-A with the units; they are in transit to KM-C.
      await act(transfer.id, "ship")
      expect(await stockAt(container, pot.inventoryItemId, A)).toEqual({ stocked: 4, reserved: 0, incoming: 0 })
      expect(await stockAt(container, tea.inventoryItemId, A)).toEqual({ stocked: 0, reserved: 0, incoming: 0 })
      expect(await stockAt(container, pot.inventoryItemId, C)).toEqual({ stocked: 5, reserved: 5, incoming: 1 })
      expect(await stockAt(container, tea.inventoryItemId, C)).toEqual({ stocked: 0, reserved: 0, incoming: 2 })
      expect([...(await held(potA.id)), ...(await held(teaA.id))]).toEqual([])
      expect(onTransfer(await allocationOf(order.id))).toEqual(
        expectLines([
          [potC.id, null, null, C],
          [potA.id, transfer.id, [transfer.number, "in_transit", "KM-C", 1, 0], null],
          [teaA.id, transfer.id, [transfer.number, "in_transit", "KM-C", 2, 0], null],
        ])
      )

      // Receive: stocked at KM-C and reserved there for the order lines, in the same move.
      const lineOf = (variant: string) => transfer.lines.find((l: any) => l.variant_id === variant).id
      const received = (await act(transfer.id, "receive", { lines: [{ id: lineOf(pot.variantId), received: 1 }, { id: lineOf(tea.variantId), received: 2 }] })).data.transfer
      expect(received.status).toBe("received")
      expect(received.movements.filter((m: any) => m.kind === "order_reserve").map((m: any) => [m.location_id, m.delta_reserved]).sort()).toEqual([
        [C, 1],
        [C, 2],
      ])
      expect(await stockAt(container, pot.inventoryItemId, C)).toEqual({ stocked: 6, reserved: 6, incoming: 0 })
      expect(await stockAt(container, tea.inventoryItemId, C)).toEqual({ stocked: 2, reserved: 2, incoming: 0 })
      expect(await reservationsOf(container, [potA.id, teaA.id])).toEqual(
        expect.arrayContaining([
          { line_item_id: potA.id, location_id: C, quantity: 1 },
          { line_item_id: teaA.id, location_id: C, quantity: 2 },
        ])
      )
      expect((await reconcileStock(container)).drift).toEqual([])
      // Arrived: every line is now fulfilled from KM-C, where its reservation is.
      expect(onTransfer(await allocationOf(order.id))).toEqual(
        expectLines([
          [potC.id, null, null, C],
          [potA.id, transfer.id, [transfer.number, "received", "KM-C", 1, 1], C],
          [teaA.id, transfer.id, [transfer.number, "received", "KM-C", 2, 2], C],
        ])
      )

      // The customer collects everything at KM-C: Medusa's own fulfilment consumes those reservations.
      await api.post(
        `/admin/orders/${order.id}/fulfillments`,
        { items: order.items.map((l: any) => ({ id: l.id, quantity: l.quantity })), location_id: C },
        { headers }
      )
      expect(await stockAt(container, pot.inventoryItemId, C)).toEqual({ stocked: 0, reserved: 0, incoming: 0 })
      expect(await stockAt(container, tea.inventoryItemId, C)).toEqual({ stocked: 0, reserved: 0, incoming: 0 })
    })

    it("releases a cancelled order's allocation: unshipped transfers cancelled, a shipped one left to arrive unreserved; a transfer cancelled alone hands the reservation back", async () => {
      const container = getContainer()
      const [A, C] = [shops["KM-A"].stock_location_id, shops["KM-C"].stock_location_id]
      const place = async (items: { variant_id: string; quantity: number }[]) =>
        ((await sdk.store.cart.complete((await cartReady(items, { pickupShop: shops["KM-C"].id })).id)) as any).order
      const teaOrder = await place([{ variant_id: tea.variantId, quantity: 2 }])
      const potOrder = await place([{ variant_id: pot.variantId, quantity: 6 }])
      const [teaTransfer] = await transfersOf(teaOrder.id)
      const [potTransfer] = await transfersOf(potOrder.id)
      await act(potTransfer.id, "ship")

      await api.post(`/admin/orders/${teaOrder.id}/cancel`, {}, { headers })
      const status = async (id: string) => (await api.get(`/admin/transfers/${id}`, { headers })).data.transfer
      const cancelled = await until(() => status(teaTransfer.id), (t) => t.status === "cancelled")
      expect(cancelled).toMatchObject({ status: "cancelled", lines: [{ reservation_id: null }] })
      expect(cancelled.movements.map((m: any) => [m.action, m.kind, m.delta_reserved])).toEqual([
        ["approve", "reserve", 2],
        ["cancel", "release", -2],
      ])
      expect(await stockAt(container, tea.inventoryItemId, A)).toEqual({ stocked: 2, reserved: 0, incoming: 0 })
      const transfers = container.resolve(TRANSFERS_MODULE) as any
      const [teaRecord] = await until(() => transfers.listOrderAllocations({ order_id: teaOrder.id }), (r: any[]) => !!r[0]?.released_at)
      expect(teaRecord.released_at).toBeTruthy()
      const teaReleased = await allocationOf(teaOrder.id)
      expect(new Date(teaReleased.released_at).getTime()).toBe(new Date(teaRecord.released_at).getTime())
      // Released: nothing to fulfil anywhere; the line still names its (cancelled) transfer.
      expect(teaReleased.lines.map((l: any) => [l.transfer_id, l.transfer?.status, l.fulfil_location_id])).toEqual([[teaTransfer.id, "cancelled", null]])
      expect((await allocationOf(teaOrder.id)).reasons.map((r: any) => r.text)).toEqual([
        "released on cancellation: 2 at KM-A",
        `${teaTransfer.number} cancelled: the order was cancelled before it shipped`,
      ])

      // Shipped before the order was cancelled: it arrives, stocked at KM-C for sale.
      await api.post(`/admin/orders/${potOrder.id}/cancel`, {}, { headers })
      await until(() => transfers.listOrderAllocations({ order_id: potOrder.id }), (r: any[]) => !!r[0]?.released_at)
      const stillGoing = await status(potTransfer.id)
      expect(stillGoing).toMatchObject({ status: "in_transit", lines: [{ order_line_item_id: null, quantity_in_transit: 1 }] })
      // The shipped transfer no longer names the order line, but the allocation line still finds it.
      const potReleased = await allocationOf(potOrder.id)
      expect(potReleased.released_at).toBeTruthy()
      expect(potReleased.lines.map((l: any) => [l.shop.code, l.transfer?.number ?? null, l.transfer?.status ?? null, l.fulfil_location_id]).sort()).toEqual([
        ["KM-A", potTransfer.number, "in_transit", null],
        ["KM-C", null, null, null],
      ])
      expect((await allocationOf(potOrder.id)).reasons.map((r: any) => r.text)).toEqual([
        "released on cancellation: 1 at KM-A, 5 at KM-C",
        `${potTransfer.number} had shipped: its 1 units will be stocked at KM-C for sale, not for this order`,
      ])
      await act(potTransfer.id, "receive", { lines: [{ id: potTransfer.lines[0].id, received: 1 }] })
      expect(await stockAt(container, pot.inventoryItemId, C)).toEqual({ stocked: 6, reserved: 0, incoming: 0 })
      expect(await stockAt(container, pot.inventoryItemId, A)).toEqual({ stocked: 4, reserved: 0, incoming: 0 })

      // A replayed order.canceled changes nothing.
      const { result: replay } = await releaseOrderAllocationWorkflow(container).run({ input: { order_id: teaOrder.id } })
      expect(replay).toEqual({ released: false, cancelled_transfers: [], left_in_transit: [] })

      // The merchant cancels an allocation transfer on its own: the order keeps its reservation at KM-A.
      const again = await place([{ variant_id: tea.variantId, quantity: 2 }])
      const [againTransfer] = await transfersOf(again.id)
      expect((await act(againTransfer.id, "cancel")).data.transfer.status).toBe("cancelled")
      expect(await reservationsOf(container, [again.items[0].id])).toEqual([{ line_item_id: again.items[0].id, location_id: A, quantity: 2 }])
      // … and is fulfilled from KM-A again.
      const handedBack = await allocationOf(again.id)
      expect(handedBack.released_at).toBeNull()
      expect(handedBack.lines.map((l: any) => [l.transfer?.status, l.fulfil_location_id])).toEqual([["cancelled", A]])
      expect(await stockAt(container, tea.inventoryItemId, A)).toEqual({ stocked: 2, reserved: 2, incoming: 0 })
      expect((await reconcileStock(container)).drift).toEqual([])
    })
    it("ships an allocation transfer in full or not at all: a short ship is refused with 409 and changes nothing; shipped in full it ends reserved at the pickup shop", async () => {
      const container = getContainer()
      const [A, C] = [shops["KM-A"].stock_location_id, shops["KM-C"].stock_location_id]
      const order = ((await sdk.store.cart.complete((await cartReady([{ variant_id: tea.variantId, quantity: 2 }], { pickupShop: shops["KM-C"].id })).id)) as any)
        .order
      const [transfer] = await transfersOf(order.id)
      const line = transfer.lines[0]
      const before = await stockAt(container, tea.inventoryItemId, A)

      for (const quantity of [1, 0]) {
        const refused = await act(transfer.id, "ship", { lines: [{ id: line.id, quantity }] }).catch((e: any) => e.response)
        expect(refused.status).toBe(409)
        expect(refused.data.code).toBe("allocation_transfer_ship_in_full")
        expect(refused.data.message).toBe(
          `lines[0]: ${transfer.number} carries a customer order's units and ships all 2 approved or none, not ${quantity}; if the source can't send them all, cancel ${transfer.number} (the order keeps its whole reservation there)`
        )
      }
      // Nothing changed: still approved, the order's whole reservation at KM-A, nothing incoming.
      const after = (await api.get(`/admin/transfers/${transfer.id}`, { headers })).data.transfer
      expect(after).toMatchObject({ status: "approved", lines: [{ quantity_shipped: 0, reservation_id: line.reservation_id }] })
      expect(after.movements).toHaveLength(1)
      expect(await stockAt(container, tea.inventoryItemId, A)).toEqual(before)
      expect(await stockAt(container, tea.inventoryItemId, C)).toEqual({ stocked: 0, reserved: 0, incoming: 0 })
      expect(await reservationsOf(container, [order.items[0].id])).toEqual([{ line_item_id: order.items[0].id, location_id: A, quantity: 2 }])

      // Shipping all of it (given explicitly) is fine; the receipt reserves all 2 at KM-C.
      expect((await act(transfer.id, "ship", { lines: [{ id: line.id, quantity: 2 }] })).data.transfer.status).toBe("in_transit")
      await act(transfer.id, "receive", { lines: [{ id: line.id, received: 2 }] })
      expect(await reservationsOf(container, [order.items[0].id])).toEqual([{ line_item_id: order.items[0].id, location_id: C, quantity: 2 }])
      expect((await reconcileStock(container)).drift).toEqual([])
    })

    it("does not count a customer's units on an allocation transfer as stock for the pickup shop when replenishing it", async () => {
      const container = getContainer()
      const [B, C] = [shops["KM-B"].stock_location_id, shops["KM-C"].stock_location_id]
      // KM-C keeps tea between 2 and 4 and holds none.
      await (container.resolve(REPLENISHMENT_MODULE) as any).createStockPolicies([{ variant_id: tea.variantId, location_id: C, reorder_point: 2, order_up_to: 4 }])
      const proposal = async () => {
        await api.post("/admin/replenishment/proposals/refresh", { shop_id: shops["KM-C"].id }, { headers })
        const { proposals } = (await api.get(`/admin/replenishment/proposals?shop_id=${shops["KM-C"].id}`, { headers })).data
        return proposals.map((p: any) => ({ quantity: p.quantity, incoming: p.incoming, position: p.position, in_transit: p.details.in_transit, on_order: p.details.on_order }))
      }
      expect(await proposal()).toEqual([{ quantity: 4, incoming: 0, position: 0, in_transit: 0, on_order: 0 }])

      // A customer collects 2 teas at KM-C: they come from KM-A on an allocation transfer.
      const order = ((await sdk.store.cart.complete((await cartReady([{ variant_id: tea.variantId, quantity: 2 }], { pickupShop: shops["KM-C"].id })).id)) as any)
        .order
      const [transfer] = await transfersOf(order.id)
      // Approved: not on order for KM-C.
      expect(await proposal()).toEqual([{ quantity: 4, incoming: 0, position: 0, in_transit: 0, on_order: 0 }])
      // In transit: KM-C's level has 2 incoming, but they are the customer's.
      await act(transfer.id, "ship")
      expect(await stockAt(container, tea.inventoryItemId, C)).toEqual({ stocked: 0, reserved: 0, incoming: 2 })
      expect(await proposal()).toEqual([{ quantity: 4, incoming: 0, position: 0, in_transit: 0, on_order: 0 }])

      // An ordinary transfer of 1 from KM-B still counts, on order and then in transit.
      const restock = (
        await api.post(
          "/admin/transfers",
          { source: { shop_id: shops["KM-B"].id }, lines: [{ destination: { shop_id: shops["KM-C"].id }, variant_id: tea.variantId, quantity: 1 }], reason: "restock", submit: true },
          { headers }
        )
      ).data.transfer
      await act(restock.id, "approve")
      expect(await proposal()).toEqual([{ quantity: 3, incoming: 1, position: 1, in_transit: 0, on_order: 1 }])
      await act(restock.id, "ship")
      expect(await stockAt(container, tea.inventoryItemId, B)).toMatchObject({ stocked: 0, reserved: 0 })
      expect(await proposal()).toEqual([{ quantity: 3, incoming: 1, position: 1, in_transit: 1, on_order: 0 }])

      // Received: the customer's 2 are stocked and reserved at KM-C — still not the shop's.
      await act(transfer.id, "receive", { lines: [{ id: transfer.lines[0].id, received: 2 }] })
      expect(await stockAt(container, tea.inventoryItemId, C)).toEqual({ stocked: 2, reserved: 2, incoming: 1 })
      expect(await proposal()).toEqual([{ quantity: 3, incoming: 1, position: 1, in_transit: 1, on_order: 0 }])
    })
  },
})
