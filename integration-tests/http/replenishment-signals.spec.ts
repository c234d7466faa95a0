// Issue 3 signals: promotion and stock-out days captured from real orders and inventory levels
// (the order workflow and the hourly sweep), known future promotions in a run's forecast, and
// service-level targets per territory and category with their precedence.
process.env.REPLENISHMENT_RUN_JOBS = "false" // the scheduled jobs must not race the test's own calls

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  createCampaignsWorkflow,
  createProductCategoriesWorkflow,
  createPromotionsWorkflow,
  createStockLocationsWorkflow,
  updateProductsWorkflow,
} from "@medusajs/medusa/core-flows"
import { adminHeaders, storefront } from "../helpers/admin"
import { chinaMarket, productWithStock } from "../helpers/catalog"
import { decodeDemand, toDailyArrays } from "../../src/lib/demand-codec"
import { formatCalendarDate, instantOfWallTime, localBusinessDate, parseCalendarDate } from "../../src/lib/opening-hours"
import { REPLENISHMENT_MODULE } from "../../src/modules/replenishment"
import type ReplenishmentModuleService from "../../src/modules/replenishment/service"
import type { DemandEventInput } from "../../src/modules/replenishment/service"
import replenishmentStockoutSweep from "../../src/jobs/replenishment-stockout-sweep"
import { sweepStockouts } from "../../src/workflows/replenishment/record-stockouts"
import { processForecastRuns } from "../../src/workflows/replenishment/runs/execute-forecast-run"

jest.setTimeout(240_000)

const SHOP_TZ = "Pacific/Kiritimati" // far east of UTC: the shop's day is not the UTC day
const RUN_TZ = "Asia/Shanghai"

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
const today = (tz: string) => localBusinessDate(tz, new Date())
const dayNo = (date: string) => parseCalendarDate(date)!

/** The decoded series once `done` says so (subscribers run after the request has answered). */
async function seriesWhen(container: MedusaContainer, variantId: string, locationId: string, done: (s: any) => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const [row] = await replenishment(container).listDemandSeries({ variant_id: variantId, location_id: locationId })
    const s = row ? { ...row, series: decodeDemand(row.days) } : null
    if (s && done(s)) return s
    if (Date.now() > deadline) throw new Error(`demand series never matched; last: ${JSON.stringify(s)}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

const flagged = (runs: { start: number; length: number }[], day: number) => runs.some((r) => day >= r.start && day < r.start + r.length)

/** `days` days of demand ending yesterday (run timezone): perDay(i) units on day i (0 = oldest). */
function history(variantId: string, locationId: string, days: number, perDay: (i: number) => number): DemandEventInput[] {
  const end = dayNo(today(RUN_TZ))
  const out: DemandEventInput[] = []
  for (let i = 0; i < days; i++) {
    const q = perDay(i)
    if (q <= 0) continue
    const id = `${variantId}-${locationId}-${i}`
    out.push({ order_id: `order_${id}`, line_item_id: `item_${id}`, variant_id: variantId, location_id: locationId, kind: "sold", quantity: q, business_date: formatCalendarDate(end - days + i) })
  }
  return out
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let regionId: string
    let shippingProfileId: string
    let online: { salesChannelId: string; publishableKey: string }
    let till: any
    let pickup: any
    let tillChannels: string[]
    let tea: { variantId: string; inventoryItemId: string }
    let pos: Record<string, string>

    beforeAll(async () => {
      const container = getContainer()
      headers = await adminHeaders(container)
      const market = await chinaMarket(container)
      regionId = market.regionId
      shippingProfileId = market.shippingProfileId
      online = await storefront(container, "Online")
      till = (await api.post("/admin/shops", shopInput("RS-TILL", { timezone: SHOP_TZ }), { headers })).data.shop
      pickup = (await api.post("/admin/shops", shopInput("RS-PICK", { sales_channel_ids: [online.salesChannelId] }), { headers })).data.shop
      tillChannels = (await api.get(`/admin/shops/${till.id}`, { headers })).data.shop.sales_channels.map((c: any) => c.id)
      tea = await productWithStock(container, {
        sku: "TEA-RS",
        price: 69,
        shippingProfileId,
        salesChannelIds: [...tillChannels, online.salesChannelId],
        stock: [
          { location_id: till.stock_location_id, quantity: 4 },
          { location_id: pickup.stock_location_id, quantity: 10 },
        ],
      })
      const token = (await api.post(`/admin/shops/${till.id}/pos-tokens`, { label: "Till 1" }, { headers })).data.pos_token.token
      pos = { authorization: `Bearer ${token}` }
    })

    it("flags a promotion day from an order line with a promotion, and a stock-out day when a till sale empties the shelf", async () => {
      const container = getContainer()
      const [teaVariant] = (
        await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "variant", fields: ["product_id"], filters: { id: tea.variantId } })
      ).data as any[]
      await createPromotionsWorkflow(container).run({
        input: {
          promotionsData: [
            {
              code: "TEA10",
              type: "standard",
              status: "active",
              application_method: {
                type: "percentage",
                target_type: "items",
                allocation: "across",
                value: 10,
                target_rules: [{ attribute: "items.product.id", operator: "in", values: [teaVariant.product_id] }],
              },
            },
          ] as any,
        },
      })

      // Online, with the code: 3 of the pickup shop's 10 reserved, so not out of stock.
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
      await api.post(`/store/carts/${cart.id}/promotions`, { promo_codes: ["TEA10"] }, { headers: store })
      const options = (await api.get(`/store/shipping-options?cart_id=${cart.id}`, { headers: store })).data.shipping_options
      await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: options[0].id }, { headers: store })
      const collection = (await api.post("/store/payment-collections", { cart_id: cart.id }, { headers: store })).data.payment_collection
      await api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, { headers: store })
      const completed = (await api.post(`/store/carts/${cart.id}/complete`, {}, { headers: store })).data
      expect(completed.type).toBe("order")
      const { data: [placed] } = await container
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "order", fields: ["items.adjustments.code", "items.adjustments.promotion_id"], filters: { id: completed.order.id } })
      expect((placed as any).items[0].adjustments.map((a: any) => a.code)).toEqual(["TEA10"])
      const onlineDay = dayNo(localBusinessDate(RUN_TZ, new Date(completed.order.created_at)))
      const online1 = await seriesWhen(container, tea.variantId, pickup.stock_location_id, (s) => s.series.promotion.length > 0)
      expect(online1.total_sold).toBe(3)
      expect(online1.series.promotion).toEqual([{ start: onlineDay, length: 1 }])
      expect(online1.series.stockout).toEqual([])

      // At the till, no promotion: all 4 on the shelf sold. The shop's business day is censored.
      const order = (
        await api.post("/pos/orders", { items: [{ variant_id: tea.variantId, quantity: 4 }], payment_method: "cash" }, { headers: { ...pos, "idempotency-key": "rs-empty" } })
      ).data.order
      const tillDay = dayNo(localBusinessDate(SHOP_TZ, new Date(order.created_at)))
      const tillSeries = await seriesWhen(container, tea.variantId, till.stock_location_id, (s) => s.series.stockout.length > 0)
      expect(tillSeries.total_sold).toBe(4)
      expect(tillSeries.series.stockout).toEqual([{ start: tillDay, length: 1 }])
      expect(tillSeries.series.promotion).toEqual([])
      // What the forecaster reads: that day is censored, not a day of 4 units' demand.
      expect(toDailyArrays(tillSeries.series, tillDay, tillDay).stockout[0]).toBe(1)
    })

    it("sweeps shop levels with nothing available and flags today, once, without creating series", async () => {
      const container = getContainer()
      const inventory = container.resolve(Modules.INVENTORY)
      const coffee = await productWithStock(container, { sku: "COF-RS", price: 30, shippingProfileId, salesChannelIds: tillChannels, stock: [{ location_id: till.stock_location_id, quantity: 5 }] })
      const juice = await productWithStock(container, { sku: "JUI-RS", price: 12, shippingProfileId, salesChannelIds: tillChannels, stock: [{ location_id: till.stock_location_id, quantity: 5 }] })
      const never = await productWithStock(container, { sku: "NEV-RS", price: 9, shippingProfileId, salesChannelIds: tillChannels, stock: [{ location_id: till.stock_location_id, quantity: 0 }] })
      // A location that is no shop (a supplier's consignment, say), empty too.
      const { result: [depot] } = await createStockLocationsWorkflow(container).run({ input: { locations: [{ name: "Depot" }] } })
      await inventory.createInventoryLevels([{ inventory_item_id: juice.inventoryItemId, location_id: depot.id, stocked_quantity: 0 }])

      await replenishment(container).recordDemand([
        ...history(tea.variantId, till.stock_location_id, 10, () => 1),
        ...history(coffee.variantId, till.stock_location_id, 10, () => 2),
        ...history(juice.variantId, till.stock_location_id, 10, () => 1),
        ...history(juice.variantId, depot.id, 10, () => 1),
      ])
      // Tea: the shelf is empty (stocked 0). Coffee: all 5 reserved for an online order. Juice: 5 free.
      await inventory.updateInventoryLevels([{ inventory_item_id: tea.inventoryItemId, location_id: till.stock_location_id, stocked_quantity: 0 }])
      await inventory.createReservationItems([{ inventory_item_id: coffee.inventoryItemId, location_id: till.stock_location_id, quantity: 5 }])

      const shopDay = dayNo(today(SHOP_TZ))
      const first = await sweepStockouts(container, { batchSize: 2 })
      // Juice's stocked, unreserved level at the till and tea's at the pickup shop are never read.
      expect(first).toMatchObject({ shops: 2, levels_read: 3, levels_out: 3, flags: 3, flagged: 2, unchanged: 0, missing: 1 })
      const series = async (variantId: string, locationId: string) => (await replenishment(container).retrieveDemandHistory(variantId, locationId))!
      expect(flagged((await series(tea.variantId, till.stock_location_id)).series.stockout, shopDay)).toBe(true)
      expect(flagged((await series(coffee.variantId, till.stock_location_id)).series.stockout, shopDay)).toBe(true)
      expect((await series(juice.variantId, till.stock_location_id)).series.stockout).toEqual([])
      expect((await series(juice.variantId, depot.id)).series.stockout).toEqual([])
      expect(await replenishment(container).listDemandSeries({ variant_id: never.variantId })).toEqual([])

      // The job does the same; nothing changes the second time.
      const before = (await series(tea.variantId, till.stock_location_id)).days
      process.env.REPLENISHMENT_RUN_JOBS = "true"
      try {
        await replenishmentStockoutSweep(container)
      } finally {
        process.env.REPLENISHMENT_RUN_JOBS = "false"
      }
      expect((await series(tea.variantId, till.stock_location_id)).days).toBe(before)
      expect(await sweepStockouts(container)).toMatchObject({ flagged: 0, unchanged: 2, missing: 1 })
    })

    it("raises the forecast on the days of a dated campaign promotion for the series it reaches, and nowhere else", async () => {
      const container = getContainer()
      const svc = replenishment(container)
      const other = (await api.post("/admin/shops", shopInput("RS-OTHER"), { headers })).data.shop
      // 140 days of ~5 a day, with three-day promotions every 20 days at ~3× (flagged as such).
      const promoDay = (i: number) => i % 20 >= 17
      const perDay = (i: number) => (promoDay(i) ? 15 + (i % 3) : 4 + (i % 3))
      const events = [...history(tea.variantId, till.stock_location_id, 140, perDay), ...history(tea.variantId, other.stock_location_id, 140, perDay)]
      await svc.recordDemand(events)
      const end = dayNo(today(RUN_TZ))
      const promoFlags = []
      for (let i = 0; i < 140; i++) {
        if (!promoDay(i)) continue
        for (const location_id of [till.stock_location_id, other.stock_location_id]) {
          promoFlags.push({ variant_id: tea.variantId, location_id, business_date: formatCalendarDate(end - 140 + i), promotion: true })
        }
      }
      await svc.flagDemandDays(promoFlags)

      const forecast = async () => {
        await api.post("/admin/replenishment/runs", { variant_id: tea.variantId }, { headers })
        const [outcome] = await processForecastRuns(container)
        expect(outcome.status).toBe("completed")
        const policies = (await api.get(`/admin/replenishment/policies?variant_id=${tea.variantId}`, { headers })).data.policies
        return new Map<string, any>(policies.map((p: any) => [p.location_id, p]))
      }
      const without = await forecast()

      // The lead's clearance shape (draft, shop channels, variant target), now dated by a campaign:
      // horizon days 7–9 in the run's timezone.
      const asOf = dayNo(today(RUN_TZ))
      const { result: [campaign] } = await createCampaignsWorkflow(container).run({
        input: {
          campaignsData: [
            { name: "Spring tea", campaign_identifier: "spring-tea", starts_at: instantOfWallTime(RUN_TZ, asOf + 7, 0), ends_at: instantOfWallTime(RUN_TZ, asOf + 10, 0) },
          ],
        } as any,
      })
      await createPromotionsWorkflow(container).run({
        input: {
          promotionsData: [
            {
              code: "SPRING-TEA",
              type: "standard",
              status: "draft",
              is_automatic: true,
              campaign_id: campaign.id,
              application_method: {
                type: "percentage",
                target_type: "items",
                allocation: "across",
                value: 20,
                target_rules: [{ attribute: "items.variant_id", operator: "in", values: [tea.variantId] }],
              },
              rules: [{ attribute: "sales_channel_id", operator: "in", values: tillChannels }],
            },
            // Switched off: not expected to happen.
            {
              code: "OFF-TEA",
              type: "standard",
              status: "inactive",
              campaign_id: campaign.id,
              application_method: { type: "percentage", target_type: "items", allocation: "across", value: 20 },
            },
          ] as any,
        },
      })
      const withPromo = await forecast()

      const a = without.get(till.stock_location_id).forecast as number[]
      const b = withPromo.get(till.stock_location_id).forecast as number[]
      for (let k = 0; k < 28; k++) {
        if (k >= 7 && k <= 9) expect(b[k]).toBeGreaterThan(a[k] * 1.8)
        else expect(b[k]).toBeCloseTo(a[k], 6)
      }
      expect(withPromo.get(till.stock_location_id).metadata.future_promo_days).toBe(3)
      // The other shop doesn't sell in the till's channels: its forecast is what it was.
      expect(withPromo.get(other.stock_location_id).forecast).toEqual(without.get(other.stock_location_id).forecast)
      expect(withPromo.get(other.stock_location_id).metadata.future_promo_days).toBeUndefined()
    })

    it("applies service targets: override > category (+ territory) > nearest territory > ABC–XYZ default", async () => {
      const container = getContainer()
      const post = (body: any) => api.post("/admin/replenishment/targets", body, { headers })
      const hq = (await api.post("/admin/territories", { code: "RS-HQ", name: "总部", level: "hq" }, { headers })).data.territory
      const region = (await api.post("/admin/territories", { code: "RS-SW", name: "西南", level: "region", parent_id: hq.id }, { headers })).data.territory
      const district = (await api.post("/admin/territories", { code: "RS-KM", name: "昆明", level: "district", parent_id: region.id }, { headers })).data.territory
      const shopT = (await api.post("/admin/shops", shopInput("RS-T", { territory_id: district.id }), { headers })).data.shop
      const shopV = (await api.post("/admin/shops", shopInput("RS-V", { territory_id: hq.id }), { headers })).data.shop
      const shopU = (await api.post("/admin/shops", shopInput("RS-U"), { headers })).data.shop
      const { result: [drinks] } = await createProductCategoriesWorkflow(container).run({ input: { product_categories: [{ name: "Drinks", is_active: true }] } })
      const { result: [teaCat] } = await createProductCategoriesWorkflow(container).run({
        input: { product_categories: [{ name: "Tea", is_active: true, parent_category_id: drinks.id }] },
      })
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: [v] } = await query.graph({ entity: "variant", fields: ["product_id"], filters: { id: tea.variantId } })
      await updateProductsWorkflow(container).run({ input: { selector: { id: (v as any).product_id }, update: { category_ids: [teaCat.id] } } })

      // At shop T: biscuit sells most (A), tea next (B), candy and cookie barely (C).
      const daily = (n: number) => (i: number) => (n >= 1 ? n + (i % 3) : i % Math.round(1 / n) === 0 ? 1 : 0)
      await replenishment(container).recordDemand([
        ...history("variant_biscuit", shopT.stock_location_id, 90, daily(20)),
        ...history(tea.variantId, shopT.stock_location_id, 90, daily(3)),
        ...history("variant_candy", shopT.stock_location_id, 90, daily(0.1)),
        ...history("variant_cookie", shopT.stock_location_id, 90, daily(0.1)),
        ...history("variant_biscuit", shopV.stock_location_id, 90, daily(5)),
        ...history("variant_biscuit", shopU.stock_location_id, 90, daily(5)),
      ])

      const hqTarget = (await post({ territory_id: hq.id, level: 0.91 })).data.service_target
      let r = await post({ territory_id: region.id, level: 0.92 })
      expect(r.status).toBe(201)
      const regionTarget = r.data.service_target
      // The same scope again changes it in place.
      r = await post({ territory_id: region.id, level: 0.93 })
      expect(r.status).toBe(200)
      expect(r.data.service_target).toMatchObject({ id: regionTarget.id, level: 0.93, type: "cycle", abc_class: null })
      const regionC = (await post({ territory_id: region.id, abc_class: "C", level: 0.85 })).data.service_target
      const drinksTarget = (await post({ category_id: drinks.id, level: 0.96, type: "fill_rate" })).data.service_target
      const teaHq = (await post({ category_id: teaCat.id, territory_id: hq.id, level: 0.97 })).data.service_target
      const list = (await api.get("/admin/replenishment/targets", { headers })).data
      expect(list.count).toBe(5)
      expect((await api.get(`/admin/replenishment/targets?territory_id=${region.id}`, { headers })).data.count).toBe(2)

      const run = async () => {
        await api.post("/admin/replenishment/runs", {}, { headers })
        expect((await processForecastRuns(container))[0].status).toBe("completed")
        const policies = (await api.get("/admin/replenishment/policies?limit=100", { headers })).data.policies
        return (variantId: string, shop: any) => policies.find((p: any) => p.variant_id === variantId && p.location_id === shop.stock_location_id)
      }
      let policy = await run()
      // The cookie's merchant override beats everything.
      await api.post(`/admin/replenishment/policies/${policy("variant_cookie", shopT).id}`, { service_level_target: 0.99 }, { headers })
      policy = await run()

      const expectTarget = (p: any, level: number, type: string, source: string, id?: string) => {
        expect(p.service_level_target).toBeCloseTo(level, 6)
        expect(p.service_level_type).toBe(type)
        expect(p.metadata.target_source).toBe(source)
        if (id) expect(p.metadata.service_target_id).toBe(id)
      }
      expect(policy("variant_biscuit", shopT).metadata.abc).toBe("A")
      expect(policy("variant_candy", shopT).metadata.abc).toBe("C")
      expectTarget(policy("variant_cookie", shopT), 0.99, "cycle", "override")
      expectTarget(policy(tea.variantId, shopT), 0.97, "cycle", `category:${teaCat.id}|territory:${hq.id}`, teaHq.id)
      expectTarget(policy("variant_biscuit", shopT), 0.93, "cycle", `territory:${region.id}`, regionTarget.id)
      expectTarget(policy("variant_candy", shopT), 0.85, "cycle", `territory:${region.id}`, regionC.id)
      expectTarget(policy("variant_biscuit", shopV), 0.91, "cycle", `territory:${hq.id}`, hqTarget.id)
      expect(policy("variant_biscuit", shopU).metadata.target_source).toBe("abc_xyz")
      expect(policy("variant_biscuit", shopU).metadata.service_target_id).toBeUndefined()

      // Without the tea × HQ target the category one (the parent category) applies, fill rate.
      expect((await api.delete(`/admin/replenishment/targets/${teaHq.id}`, { headers })).data).toEqual({ id: teaHq.id, object: "service_target", deleted: true })
      policy = await run()
      expectTarget(policy(tea.variantId, shopT), 0.96, "fill_rate", `category:${drinks.id}`, drinksTarget.id)

      const bad = async (p: Promise<any>) => p.catch((e) => e.response)
      r = await bad(post({ level: 0.9 }))
      expect(r.status).toBe(400)
      expect(r.data.message).toMatch(/territory_id/)
      r = await bad(post({ territory_id: hq.id, level: 1.2 }))
      expect(r.status).toBe(400)
      expect(r.data.message).toMatch(/level/)
      r = await bad(post({ territory_id: hq.id, level: 0.9, abc_class: "D" }))
      expect(r.status).toBe(400)
      expect(r.data.message).toMatch(/abc_class/)
      r = await bad(post({ territory_id: "terr_missing", level: 0.9 }))
      expect(r.status).toBe(404)
      r = await bad(post({ category_id: "pcat_missing", level: 0.9 }))
      expect(r.status).toBe(404)
      r = await bad(api.delete(`/admin/replenishment/targets/${teaHq.id}`, { headers }))
      expect(r.status).toBe(404)
    })
  },
})
