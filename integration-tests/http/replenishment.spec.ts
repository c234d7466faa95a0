import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { adminHeaders, storefront } from "../helpers/admin"
import { chinaMarket, productWithStock } from "../helpers/catalog"
import { decodeDemand } from "../../src/lib/demand-codec"
import { localBusinessDate, parseCalendarDate } from "../../src/lib/opening-hours"
import { REPLENISHMENT_MODULE } from "../../src/modules/replenishment"
import type ReplenishmentModuleService from "../../src/modules/replenishment/service"
import { recordOrderDemandWorkflow } from "../../src/workflows/replenishment"

jest.setTimeout(180_000)

// Far east of UTC, so the shop's business date is not the UTC date for most of the day.
const SHOP_TZ = "Pacific/Kiritimati"

const shopInput = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  name: `门店${code}`,
  kind: "standard",
  status: "open",
  latitude: 25.04,
  longitude: 102.72,
  city: "昆明",
  ...extra,
})

const replenishment = (c: MedusaContainer) => c.resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE)

/** Subscribers run after the request answers: poll the series until it says what we expect. */
async function seriesWhen(
  container: MedusaContainer,
  variantId: string,
  locationId: string,
  done: (s: { total_sold: number; total_returned: number } | null) => boolean,
  timeoutMs = 15_000
) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const [row] = await replenishment(container).listDemandSeries({ variant_id: variantId, location_id: locationId })
    if (done(row ?? null)) return row ?? null
    if (Date.now() > deadline) throw new Error(`demand series never matched; last: ${JSON.stringify(row ?? null)}`)
    await new Promise((r) => setImmediate(r))
  }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let regionId: string
    let online: { salesChannelId: string; publishableKey: string }
    let till: any
    let pickup: any
    let tea: { variantId: string; inventoryItemId: string }
    let pos: Record<string, string>

    beforeAll(async () => {
      const container = getContainer()
      headers = await adminHeaders(container)
      const market = await chinaMarket(container)
      regionId = market.regionId
      online = await storefront(container, "Online")
      till = (await api.post("/admin/shops", shopInput("RP-TILL", { timezone: SHOP_TZ }), { headers })).data.shop
      pickup = (await api.post("/admin/shops", shopInput("RP-PICK", { sales_channel_ids: [online.salesChannelId] }), { headers })).data.shop
      const tillDetail = (await api.get(`/admin/shops/${till.id}`, { headers })).data.shop
      tea = await productWithStock(container, {
        sku: "TEA-RP",
        price: 69,
        shippingProfileId: market.shippingProfileId,
        salesChannelIds: [...tillDetail.sales_channels.map((c: any) => c.id), online.salesChannelId],
        stock: [
          { location_id: till.stock_location_id, quantity: 10 },
          { location_id: pickup.stock_location_id, quantity: 10 },
        ],
      })
      const token = (await api.post(`/admin/shops/${till.id}/pos-tokens`, { label: "Till 1" }, { headers })).data.pos_token.token
      pos = { authorization: `Bearer ${token}` }
    })

    it("records a till sale at the shop's location on the shop's business date, once", async () => {
      const container = getContainer()
      const order = (
        await api.post("/pos/orders", { items: [{ variant_id: tea.variantId, quantity: 2 }], payment_method: "cash" }, { headers: { ...pos, "idempotency-key": "repl-sale-1" } })
      ).data.order

      const series = (await seriesWhen(container, tea.variantId, till.stock_location_id, (s) => s?.total_sold === 2))!
      const businessDate = localBusinessDate(SHOP_TZ, new Date(order.created_at))
      expect(series.last_sale_date).toBe(businessDate)
      expect(decodeDemand((series as any).days).days).toEqual([{ day: parseCalendarDate(businessDate), sold: 2, returned: 0 }])
      // Nothing counted at the other shop.
      expect(await replenishment(container).listDemandSeries({ variant_id: tea.variantId, location_id: pickup.stock_location_id })).toEqual([])

      // The same order.placed again (a redelivered event, a retried subscriber) changes nothing.
      const { result } = await recordOrderDemandWorkflow(container).run({ input: { order_id: order.id } })
      expect(result).toEqual({ recorded: 0, skipped: 1, series_ids: [] })
      const [again] = await replenishment(container).listDemandSeries({ id: (series as any).id })
      expect(again.days).toBe((series as any).days)
      expect(again.total_sold).toBe(2)
      const ledger = await replenishment(container).listDemandEvents({ order_id: order.id })
      expect(ledger.map((e) => [e.kind, e.location_id, e.quantity, e.business_date])).toEqual([
        ["sold", till.stock_location_id, 2, businessDate],
      ])
    })

    it("counts an online order at its reservation's location and takes it back when the order is cancelled", async () => {
      const container = getContainer()
      const store = { "x-publishable-api-key": online.publishableKey }
      const cart = (
        await api.post(
          "/store/carts",
          {
            region_id: regionId,
            email: "buyer@example.cn",
            items: [{ variant_id: tea.variantId, quantity: 3 }],
            shipping_address: { first_name: "小", last_name: "王", address_1: "人民路 1 号", city: "昆明", country_code: "cn", postal_code: "650000" },
          },
          { headers: store }
        )
      ).data.cart
      const options = (await api.get(`/store/shipping-options?cart_id=${cart.id}`, { headers: store })).data.shipping_options
      expect(options.length).toBeGreaterThan(0)
      await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: options[0].id }, { headers: store })
      const collection = (await api.post("/store/payment-collections", { cart_id: cart.id }, { headers: store })).data.payment_collection
      await api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, { headers: store })
      const completed = (await api.post(`/store/carts/${cart.id}/complete`, {}, { headers: store })).data
      expect(completed.type).toBe("order")
      const order = completed.order

      const [reservation] = await container.resolve(Modules.INVENTORY).listReservationItems({ line_item_id: order.items[0].id })
      expect(reservation.location_id).toBe(pickup.stock_location_id)
      const placed = (await seriesWhen(container, tea.variantId, pickup.stock_location_id, (s) => s?.total_sold === 3))!
      // The pickup shop has no timezone of its own: Asia/Shanghai.
      expect(placed.last_sale_date).toBe(localBusinessDate("Asia/Shanghai", new Date(order.created_at)))

      await api.post(`/admin/orders/${order.id}/cancel`, {}, { headers })
      const cancelled = (await seriesWhen(container, tea.variantId, pickup.stock_location_id, (s) => s?.total_sold === 0))!
      expect(decodeDemand((cancelled as any).days).days).toEqual([])
      expect(cancelled.last_sale_date).toBeNull()
      const kinds = (await replenishment(container).listDemandEvents({ order_id: order.id })).map((e) => e.kind).sort()
      expect(kinds).toEqual(["canceled", "sold"])
    })
  },
})
