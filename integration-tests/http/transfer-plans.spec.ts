// The planner in the app (issue 4 §2–3): approved replenishment proposals → a stored dry run
// (HiGHS, the greedy baseline beside it) → applied once into requested transfers that consume
// the proposals, so a shortfall is never planned twice.
process.env.REPLENISHMENT_RUN_JOBS = "false"

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { adminHeaders } from "../helpers/admin"
import { chinaMarket, productWithStock } from "../helpers/catalog"
import { formatCalendarDate, localBusinessDate, parseCalendarDate } from "../../src/lib/opening-hours"
import { REPLENISHMENT_MODULE } from "../../src/modules/replenishment"
import type ReplenishmentModuleService from "../../src/modules/replenishment/service"
import { processForecastRuns } from "../../src/workflows/replenishment/runs/execute-forecast-run"

jest.setTimeout(240_000)

const shopInput = (code: string, latitude: number, longitude: number) => ({ code, name: `门店${code}`, kind: "standard", status: "open", latitude, longitude, city: "昆明" })

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let short: any
    let near: any
    let far: any
    let tea: { variantId: string; inventoryItemId: string }
    let proposal: any

    beforeAll(async () => {
      const container = getContainer()
      headers = await adminHeaders(container)
      const market = await chinaMarket(container)
      short = (await api.post("/admin/shops", shopInput("TP-S", 25.04, 102.71), { headers })).data.shop
      near = (await api.post("/admin/shops", shopInput("TP-NEAR", 25.06, 102.75), { headers })).data.shop // ~4 km
      far = (await api.post("/admin/shops", shopInput("TP-FAR", 24.35, 102.54), { headers })).data.shop // ~80 km
      tea = await productWithStock(container, {
        sku: "TEA-TP",
        price: 69,
        shippingProfileId: market.shippingProfileId,
        salesChannelIds: [],
        stock: [
          { location_id: short.stock_location_id, quantity: 2 },
          { location_id: near.stock_location_id, quantity: 40 },
          { location_id: far.stock_location_id, quantity: 300 },
        ],
      })
      const today = parseCalendarDate(localBusinessDate("Asia/Shanghai", new Date()))!
      const events = Array.from({ length: 120 }, (_, i) => ({
        order_id: `order_tp_${i}`,
        line_item_id: `item_tp_${i}`,
        variant_id: tea.variantId,
        location_id: short.stock_location_id,
        kind: "sold" as const,
        quantity: 3 + (i % 3),
        business_date: formatCalendarDate(today - 120 + i),
      }))
      await container.resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE).recordDemand(events)
      await api.post("/admin/replenishment/runs", { shop_id: short.id }, { headers })
      await processForecastRuns(container)
      proposal = (await api.get(`/admin/replenishment/proposals?shop_id=${short.id}`, { headers })).data.proposals[0]
      await api.post("/admin/replenishment/proposals/approve", { ids: [proposal.id] }, { headers })
    })

    const plan = async (body: Record<string, unknown> = {}) => (await api.post("/admin/transfer-plans", { shop_ids: [short.id, near.id, far.id], ...body }, { headers })).data.transfer_plan

    it("plans the approved proposal from the nearest shop with surplus, provably optimal, and applies it once", async () => {
      const container = getContainer()
      expect(proposal.quantity).toBeGreaterThan(10)
      const p = await plan()
      expect(p.status).toBe("proposed")
      const moved = p.result.lines.reduce((a: number, l: any) => a + l.quantity, 0)
      expect(moved).toBe(proposal.quantity)
      // The near shop gives what it has; the rest comes from far away.
      const fromNear = p.result.lines.find((l: any) => l.from === near.stock_location_id)
      expect(fromNear.quantity).toBe(Math.min(40, proposal.quantity))
      expect(p.places[near.stock_location_id]).toMatchObject({ code: "TP-NEAR" })
      expect(p.variants[tea.variantId]).toMatchObject({ sku: "TEA-TP" })
      expect(p.result.stats.certificate?.proven_optimal ?? p.result.stats.status === "optimal").toBeTruthy()
      expect(p.baseline_cost).toBeGreaterThanOrEqual(p.total_cost - 1e-6)
      expect(fromNear.breakdown.distance_km).toBeGreaterThan(3)
      expect(fromNear.breakdown.distance_km).toBeLessThan(8)

      const applied = (await api.post(`/admin/transfer-plans/${p.id}/apply`, {}, { headers })).data
      expect(applied.transfers.length).toBe(p.result.lines.length === 1 ? 1 : new Set(p.result.lines.map((l: any) => l.from)).size)
      const t = (await api.get(`/admin/transfers/${applied.transfers[0].id}`, { headers })).data.transfer
      expect(t).toMatchObject({ status: "requested", origin: "plan", plan_id: p.id })
      expect(t.lines[0].proposal_ids).toEqual([proposal.id])
      const consumed = (await api.get(`/admin/replenishment/proposals?shop_id=${short.id}&status=consumed`, { headers })).data.proposals
      expect(consumed).toMatchObject([{ id: proposal.id, consumed_by: p.id }])
      // What is on order counts as incoming: a refresh proposes nothing new.
      expect((await api.post("/admin/replenishment/proposals/refresh", { shop_id: short.id }, { headers })).data).toMatchObject({ created: 0 })

      const again = await api.post(`/admin/transfer-plans/${p.id}/apply`, {}, { headers }).catch((e: any) => e.response)
      expect(again.status).toBe(409)
      expect(again.data.code).toBe("plan_not_proposed")
      expect((await api.get(`/admin/transfers?shop_id=${short.id}`, { headers })).data.count).toBe(applied.transfers.length)
    })

    it("refuses a second plan over proposals another plan consumed, leaving nothing behind", async () => {
      const first = await plan()
      const second = await plan()
      await api.post(`/admin/transfer-plans/${first.id}/apply`, {}, { headers })
      const before = (await api.get("/admin/transfers", { headers })).data.count
      const stale = await api.post(`/admin/transfer-plans/${second.id}/apply`, {}, { headers }).catch((e: any) => e.response)
      expect(stale.status).toBe(409)
      expect(stale.data.code).toBe("plan_stale")
      expect((await api.get("/admin/transfers", { headers })).data.count).toBe(before)
      expect((await api.get(`/admin/transfer-plans/${second.id}`, { headers })).data.transfer_plan.status).toBe("proposed")
    })

    it("plans given shortfalls, reports what nobody can cover, and rejects bad input", async () => {
      const p = await plan({ shortfall: [{ shop_id: short.id, variant_id: tea.variantId, quantity: 400 }] })
      expect(p.scope.shortfall_source).toBe("given")
      expect(p.result.lines.reduce((a: number, l: any) => a + l.quantity, 0)).toBe(340)
      expect(p.result.unmet).toMatchObject([{ shop: short.stock_location_id, variant: tea.variantId, quantity: 60 }])
      const bad = await api.post("/admin/transfer-plans", { shortfall: [{ shop_id: "shop_nope", variant_id: tea.variantId, quantity: 1 }] }, { headers }).catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("shortfall[0].shop_id")
      const zero = await api.post("/admin/transfer-plans", { shortfall: [{ shop_id: short.id, variant_id: tea.variantId, quantity: 0 }] }, { headers }).catch((e: any) => e.response)
      expect(zero.status).toBe(400)
    })
  },
})
