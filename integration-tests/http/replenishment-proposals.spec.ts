// What the merchant acts on (issue 3 §6): proposals from a run, approved and dismissed in bulk,
// re-evaluated against incoming stock; slow movers and a draft clearance promotion that really
// discounts at the till once activated; the series a chart draws.
process.env.REPLENISHMENT_RUN_JOBS = "false" // the minute job must not race the test's own calls

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { updateProductVariantsWorkflow } from "@medusajs/medusa/core-flows"
import { adminHeaders } from "../helpers/admin"
import { chinaMarket, productWithStock } from "../helpers/catalog"
import { formatCalendarDate, localBusinessDate, parseCalendarDate } from "../../src/lib/opening-hours"
import { REPLENISHMENT_MODULE } from "../../src/modules/replenishment"
import type ReplenishmentModuleService from "../../src/modules/replenishment/service"
import type { DemandEventInput } from "../../src/modules/replenishment/service"
import { processForecastRuns } from "../../src/workflows/replenishment/runs/execute-forecast-run"

jest.setTimeout(240_000)

const shopInput = (code: string) => ({ code, name: `门店${code}`, kind: "standard", status: "open", latitude: 25.04, longitude: 102.72, city: "昆明" })
const replenishment = (c: MedusaContainer) => c.resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE)

function demandEvents(variantId: string, locationId: string, days: number, perDay: (i: number) => number): DemandEventInput[] {
  const today = parseCalendarDate(localBusinessDate("Asia/Shanghai", new Date()))!
  const out: DemandEventInput[] = []
  for (let i = 0; i < days; i++) {
    const q = perDay(i)
    if (q <= 0) continue
    const id = `${variantId}-${locationId}-${i}`
    out.push({ order_id: `order_${id}`, line_item_id: `item_${id}`, variant_id: variantId, location_id: locationId, kind: "sold", quantity: q, business_date: formatCalendarDate(today - days + i) })
  }
  return out
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let shop: any
    let posChannelId: string
    let tea: { variantId: string; inventoryItemId: string }
    let slow: { variantId: string; inventoryItemId: string }
    let pos: Record<string, string>

    beforeAll(async () => {
      const container = getContainer()
      headers = await adminHeaders(container)
      const market = await chinaMarket(container)
      shop = (await api.post("/admin/shops", shopInput("PP-A"), { headers })).data.shop
      const detail = (await api.get(`/admin/shops/${shop.id}`, { headers })).data.shop
      posChannelId = detail.sales_channels[0].id // its POS channel, its only one
      tea = await productWithStock(container, {
        sku: "TEA-PP",
        price: 100,
        shippingProfileId: market.shippingProfileId,
        salesChannelIds: [posChannelId],
        stock: [{ location_id: shop.stock_location_id, quantity: 2 }],
      })
      // The supplier ships tea in cases of 6.
      await updateProductVariantsWorkflow(container).run({ input: { selector: { id: tea.variantId }, update: { metadata: { case_pack: 6 } } } })
      slow = await productWithStock(container, {
        sku: "SLOW-PP",
        price: 200,
        shippingProfileId: market.shippingProfileId,
        salesChannelIds: [posChannelId],
        stock: [{ location_id: shop.stock_location_id, quantity: 40 }],
      })
      // The slow item has been on the shelf for three months (levels are created "now" in a test).
      await container
        .resolve(ContainerRegistrationKeys.PG_CONNECTION)
        .raw(`UPDATE inventory_level SET created_at = now() - interval '90 days' WHERE inventory_item_id = ?`, [slow.inventoryItemId])
      await replenishment(container).recordDemand([
        ...demandEvents(tea.variantId, shop.stock_location_id, 120, (i) => 3 + (i % 7 === 5 ? 3 : 0) + (i % 3)),
        ...demandEvents(slow.variantId, shop.stock_location_id, 120, (i) => (i === 10 ? 1 : 0)),
      ])
      const token = (await api.post(`/admin/shops/${shop.id}/pos-tokens`, { label: "Till 1" }, { headers })).data.pos_token.token
      pos = { authorization: `Bearer ${token}` }
    })

    async function runForShop(container: MedusaContainer) {
      await api.post("/admin/replenishment/runs", { shop_id: shop.id }, { headers })
      const [outcome] = await processForecastRuns(container)
      expect(outcome.status).toBe("completed")
    }

    it("proposes up to the order-up-to level in case packs after a run, approves in bulk once, and counts approved supply", async () => {
      const container = getContainer()
      await runForShop(container)
      const policy = (await api.get(`/admin/replenishment/policies?shop_id=${shop.id}&variant_id=${tea.variantId}`, { headers })).data.policies[0]
      expect(policy).toMatchObject({ on_hand: 2, status: "below_reorder_point", variant: { sku: "TEA-PP", product_title: "Product TEA-PP" } })
      expect(policy.days_of_cover).toBeGreaterThan(0)

      const list = (await api.get(`/admin/replenishment/proposals?shop_id=${shop.id}`, { headers })).data
      expect(list.count).toBe(1) // the slow item is far above its reorder point
      const p = list.proposals[0]
      expect(p).toMatchObject({ variant_id: tea.variantId, status: "open", on_hand: 2, reserved: 0, incoming: 0, pending: 0, position: 2, reason: "at_or_below_reorder_point" })
      expect(p.order_up_to).toBe(policy.order_up_to)
      expect(p.quantity % 6).toBe(0)
      expect(p.quantity).toBeGreaterThanOrEqual(p.order_up_to - 2)
      expect(p.quantity).toBeLessThan(p.order_up_to - 2 + 6)
      expect(p.variant.sku).toBe("TEA-PP")

      // A second run updates the same open proposal instead of adding one.
      await runForShop(container)
      const again = (await api.get(`/admin/replenishment/proposals?shop_id=${shop.id}`, { headers })).data
      expect(again.proposals.map((x: any) => x.id)).toEqual([p.id])

      const approved = (await api.post("/admin/replenishment/proposals/approve", { ids: [p.id] }, { headers })).data
      expect(approved).toMatchObject({ changed: 1, proposals: [{ id: p.id, status: "approved" }] })
      expect(approved.proposals[0].approved_by).toMatch(/^api-key:/)
      expect(approved.proposals[0].approved_at).toBeTruthy()
      // A retried click changes nothing.
      expect((await api.post("/admin/replenishment/proposals/approve", { ids: [p.id] }, { headers })).data.changed).toBe(0)
      // The approved quantity is supply already decided: a refresh proposes nothing more.
      expect((await api.post("/admin/replenishment/proposals/refresh", { shop_id: shop.id }, { headers })).data).toMatchObject({ created: 0 })
      expect((await api.get(`/admin/replenishment/proposals?shop_id=${shop.id}`, { headers })).data.count).toBe(0)
      expect((await api.get(`/admin/replenishment/proposals?shop_id=${shop.id}&status=approved`, { headers })).data.count).toBe(1)
    })

    it("re-opens after a dismissal, closes when incoming stock covers it, and refuses bad decisions without changing anything", async () => {
      const container = getContainer()
      await runForShop(container)
      const [p] = (await api.get(`/admin/replenishment/proposals?shop_id=${shop.id}`, { headers })).data.proposals

      const unknown = await api.post("/admin/replenishment/proposals/approve", { ids: [p.id, "rprop_nope"] }, { headers }).catch((e: any) => e.response)
      expect(unknown.status).toBe(404)
      expect(unknown.data.message).toContain("rprop_nope")
      const empty = await api.post("/admin/replenishment/proposals/approve", { ids: [] }, { headers }).catch((e: any) => e.response)
      expect(empty.status).toBe(400)
      expect((await api.get(`/admin/replenishment/proposals?shop_id=${shop.id}`, { headers })).data.proposals[0].status).toBe("open")

      expect((await api.post("/admin/replenishment/proposals/dismiss", { ids: [p.id] }, { headers })).data.proposals[0]).toMatchObject({ status: "dismissed" })
      const conflict = await api.post("/admin/replenishment/proposals/approve", { ids: [p.id] }, { headers }).catch((e: any) => e.response)
      expect(conflict.status).toBe(409)
      expect(conflict.data).toMatchObject({ code: "proposal_already_decided" })
      expect(conflict.data.message).toContain("is dismissed")

      // The shortfall is still there: a refresh opens a new proposal.
      expect((await api.post("/admin/replenishment/proposals/refresh", { shop_id: shop.id }, { headers })).data).toMatchObject({ created: 1 })
      // Stock on its way (Medusa's incoming quantity, which transfers raise) covers it: closed.
      const level = (await container.resolve(Modules.INVENTORY).listInventoryLevels({ inventory_item_id: tea.inventoryItemId, location_id: shop.stock_location_id }))[0]
      await container.resolve(Modules.INVENTORY).updateInventoryLevels([{ id: level.id, inventory_item_id: tea.inventoryItemId, location_id: shop.stock_location_id, incoming_quantity: p.order_up_to + 10 } as any])
      expect((await api.post("/admin/replenishment/proposals/refresh", { shop_id: shop.id }, { headers })).data).toMatchObject({ created: 0, closed: 1 })
      expect((await api.get(`/admin/replenishment/proposals?shop_id=${shop.id}`, { headers })).data.count).toBe(0)

      const noScope = await api.post("/admin/replenishment/proposals/refresh", {}, { headers }).catch((e: any) => e.response)
      expect(noScope.status).toBe(400)
    })

    it("lists the slow mover, and its draft clearance discounts it at the till once activated", async () => {
      const res = (await api.get(`/admin/replenishment/slow-movers?shop_id=${shop.id}`, { headers })).data
      expect(res.slow_movers.map((m: any) => m.variant_id)).toEqual([slow.variantId])
      expect(res.slow_movers[0]).toMatchObject({ on_hand: 40, sold: 0, weeks_of_cover: null, variant: { sku: "SLOW-PP" } })

      const bad = await api.post("/admin/replenishment/slow-movers/clearance", { shop_id: shop.id, variant_ids: [slow.variantId], percentage: 95 }, { headers }).catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("percentage")
      const missing = await api.post("/admin/replenishment/slow-movers/clearance", { shop_id: shop.id, variant_ids: ["variant_nope"], percentage: 30 }, { headers }).catch((e: any) => e.response)
      expect(missing.status).toBe(404)

      const made = await api.post("/admin/replenishment/slow-movers/clearance", { shop_id: shop.id, variant_ids: [slow.variantId], percentage: 30 }, { headers })
      expect(made.status).toBe(201)
      expect(made.data).toMatchObject({ promotion: { status: "draft", is_automatic: true }, channel_ids: [posChannelId], excluded_channel_ids: [] })
      expect(made.data.promotion.code).toMatch(/^CLEAR-PPA-\d{8}-[0-9A-F]{6}$/)
      const promo = (await api.get(`/admin/promotions/${made.data.promotion.id}`, { headers })).data.promotion
      expect(promo.rules).toEqual([expect.objectContaining({ attribute: "sales_channel_id", values: [expect.objectContaining({ value: posChannelId })] })])
      expect(promo.application_method).toMatchObject({ type: "percentage", value: 30, target_type: "items" })

      // Draft: a till sale pays full price.
      const sale = async (key: string) =>
        (await api.post("/pos/orders", { items: [{ variant_id: slow.variantId, quantity: 1 }], payment_method: "cash" }, { headers: { ...pos, "idempotency-key": key } })).data.order
      expect(Number((await sale("pp-sale-1")).total)).toBe(200)
      await api.post(`/admin/promotions/${promo.id}`, { status: "active" }, { headers })
      expect(Number((await sale("pp-sale-2")).total)).toBe(140)
    })

    it("serves a series with its flags and a forecast band for the chart", async () => {
      await runForShop(getContainer())
      const view = (await api.get(`/admin/replenishment/series?variant_id=${tea.variantId}&location_id=${shop.stock_location_id}&days=60`, { headers })).data
      expect(view.history).toHaveLength(60)
      expect(view.history.at(-1).date).toBe(localBusinessDate("Asia/Shanghai", new Date()))
      expect(view.history.slice(0, -1).every((d: any) => d.sold >= 3)).toBe(true)
      expect(view.forecast).toHaveLength(28)
      expect(view.forecast[0].date).toBe(localBusinessDate("Asia/Shanghai", new Date()))
      for (const f of view.forecast) expect(f.low <= f.mean && f.mean <= f.high && f.low >= 0).toBe(true)
      expect(view.forecast.some((f: any) => f.high > f.mean)).toBe(true)
      const bad = await api.get(`/admin/replenishment/series?variant_id=${tea.variantId}`, { headers }).catch((e: any) => e.response)
      expect(bad.status).toBe(400)
    })
  },
})
