// Forecast runs and stock policies (issue 3 §5): enqueue over HTTP, the worker step run in-test,
// policies with sane levels, overrides kept, the lease (one run at a time; an expired lease is
// taken over and the run resumed from its cursor) and the 400s.
process.env.REPLENISHMENT_RUN_JOBS = "false" // the minute job must not race the test's own calls

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
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
const SMALL = { chunk_size: 5 } // 12 series at the shop: chunks of 5, 5, 2

/** Demand for one series over the last `days` business days: `perDay(i)` units on day i. */
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
    let shopA: any
    let shopB: any
    let tea: { variantId: string }
    let market: Awaited<ReturnType<typeof chinaMarket>>

    beforeAll(async () => {
      const container = getContainer()
      headers = await adminHeaders(container)
      market = await chinaMarket(container)
      shopA = (await api.post("/admin/shops", shopInput("RR-A"), { headers })).data.shop
      shopB = (await api.post("/admin/shops", shopInput("RR-B"), { headers })).data.shop
      tea = await productWithStock(container, {
        sku: "TEA-RR",
        price: 69,
        shippingProfileId: market.shippingProfileId,
        salesChannelIds: [],
        stock: [{ location_id: shopA.stock_location_id, quantity: 2 }],
      })
      const events: DemandEventInput[] = []
      // A fast mover with a weekly pattern, on hand 2: it must come out below its reorder point.
      events.push(...demandEvents(tea.variantId, shopA.stock_location_id, 120, (i) => 3 + (i % 7 === 5 ? 3 : 0) + (i % 3)))
      // Eleven intermittent items at shop A, three at shop B (outside shop A's runs).
      for (let k = 0; k < 11; k++) events.push(...demandEvents(`variant_rr_${k}`, shopA.stock_location_id, 200, (i) => ((i * (k + 3)) % 9 === 0 ? 1 + (k % 3) : 0)))
      for (let k = 0; k < 3; k++) events.push(...demandEvents(`variant_rr_${k}`, shopB.stock_location_id, 200, (i) => (i % 4 === 0 ? 2 : 0)))
      await replenishment(container).recordDemand(events)
    })

    it("enqueues with 202, computes sane policies for the shop's series in the worker step, and keeps an override on the next run", async () => {
      const container = getContainer()
      const key = { ...headers, "idempotency-key": "rr-run-1" }
      const enq = await api.post("/admin/replenishment/runs", { shop_id: shopA.id }, { headers: key })
      expect(enq.status).toBe(202)
      const run = enq.data.forecast_run
      expect(run).toMatchObject({ status: "queued", series_done: 0, scope: { kind: "shop", id: shopA.id, location_ids: [shopA.stock_location_id] } })
      // A retried POST with the same key gets the same run, not a second one.
      const replay = await api.post("/admin/replenishment/runs", { shop_id: shopA.id }, { headers: key })
      expect(replay.data.forecast_run.id).toBe(run.id)
      expect((await api.get(`/admin/replenishment/runs/${run.id}`, { headers })).data.forecast_run.status).toBe("queued")

      const outcomes = await processForecastRuns(container, { options: SMALL })
      expect(outcomes).toEqual([{ run_id: run.id, status: "completed", resumed: false, chunks: 3 }])
      const done = (await api.get(`/admin/replenishment/runs/${run.id}`, { headers })).data.forecast_run
      expect(done).toMatchObject({ status: "completed", series_total: 12, series_done: 12, policies_written: 12, failure_count: 0, lease_owner: null })
      expect(done.finished_at).toBeTruthy()

      const list = (await api.get(`/admin/replenishment/policies?shop_id=${shopA.id}&limit=50`, { headers })).data
      expect(list).toMatchObject({ count: 12, offset: 0, limit: 50 })
      for (const p of list.policies) {
        expect(p.location_id).toBe(shopA.stock_location_id)
        expect(p.safety_stock).toBeGreaterThanOrEqual(0)
        expect(p.reorder_point).toBeGreaterThanOrEqual(0)
        expect(p.order_up_to).toBeGreaterThanOrEqual(p.reorder_point)
        expect(p.forecast).toHaveLength(28)
        expect(p).toMatchObject({ lead_time_mean_days: 2, lead_time_sd_days: 1, review_period_days: 1, last_run_id: run.id })
      }
      const teaPolicy = list.policies.find((p: any) => p.variant_id === tea.variantId)
      expect(teaPolicy.demand_class).toBe("smooth")
      // ~4 a day over a 2 ± 1-day lead time: the reorder point covers more than the mean 8 units.
      expect(teaPolicy.reorder_point).toBeGreaterThan(8)
      expect(teaPolicy.reorder_point).toBeGreaterThanOrEqual(teaPolicy.safety_stock)
      expect(teaPolicy.safety_stock).toBeGreaterThan(0)
      expect(teaPolicy).toMatchObject({ on_hand: 2, status: "below_reorder_point" })
      // Shop B's series were not in scope.
      expect((await api.get(`/admin/replenishment/policies?shop_id=${shopB.id}`, { headers })).data.count).toBe(0)

      const below = (await api.get(`/admin/replenishment/policies?shop_id=${shopA.id}&status=below_reorder_point`, { headers })).data
      expect(below.policies.map((p: any) => p.variant_id)).toContain(tea.variantId)
      const smooth = (await api.get(`/admin/replenishment/policies?variant_id=${tea.variantId}&demand_class=smooth`, { headers })).data
      expect(smooth.count).toBe(1)

      // The merchant fixes min/max and a service target; the next run keeps them and says so.
      const o = await api.post(`/admin/replenishment/policies/${teaPolicy.id}`, { override_min: 40, override_max: 90, service_level_target: 0.99 }, { headers })
      expect(o.data.policy).toMatchObject({ override_min: 40, override_max: 90, reorder_point: 40, order_up_to: 90, override_service_level: 0.99 })
      const again = (await api.post("/admin/replenishment/runs", { shop_id: shopA.id }, { headers })).data.forecast_run
      expect((await processForecastRuns(container, { options: SMALL }))[0]).toMatchObject({ run_id: again.id, status: "completed" })
      expect((await api.get(`/admin/replenishment/runs/${again.id}`, { headers })).data.forecast_run.overrides_kept).toBe(1)
      const kept = (await api.get(`/admin/replenishment/policies?variant_id=${tea.variantId}`, { headers })).data.policies[0]
      expect(kept).toMatchObject({ override_min: 40, override_max: 90, reorder_point: 40, order_up_to: 90, service_level_target: 0.99, last_run_id: again.id })
      expect(kept.overrides_applied.sort()).toEqual(["max", "min", "target"])
      expect(kept.metadata.target_source).toBe("override")

      // Frozen: the next run leaves the levels alone.
      await api.post(`/admin/replenishment/policies/${teaPolicy.id}`, { override_min: null, override_max: null, frozen: true }, { headers })
      await api.post("/admin/replenishment/runs", { variant_id: tea.variantId }, { headers })
      await processForecastRuns(container, { options: SMALL })
      const frozen = (await api.get(`/admin/replenishment/policies?variant_id=${tea.variantId}`, { headers })).data.policies[0]
      expect(frozen).toMatchObject({ frozen: true, reorder_point: 40, order_up_to: 90 })
      expect(frozen.overrides_applied).toContain("frozen")

      const runs = (await api.get("/admin/replenishment/runs?limit=2", { headers })).data
      expect(runs).toMatchObject({ count: 3, offset: 0, limit: 2 })
      expect(runs.forecast_runs).toHaveLength(2)
    })

    it("lets one run hold the lease at a time, and resumes a crashed run from its cursor once its lease expires", async () => {
      const container = getContainer()
      const service = replenishment(container)
      const first = (await api.post("/admin/replenishment/runs", { shop_id: shopA.id }, { headers })).data.forecast_run
      // A worker that dies after its first chunk: the run stays "running" with a live lease.
      expect(await processForecastRuns(container, { owner: "crashed", options: SMALL, maxChunks: 1 })).toEqual([
        { run_id: first.id, status: "stopped", resumed: false, chunks: 1 },
      ])
      const crashed = await service.retrieveForecastRun(first.id)
      expect(crashed).toMatchObject({ status: "running", lease_owner: "crashed", series_done: 5 })
      expect(crashed.cursor).toBeTruthy()

      // A second run is only queued; while the lease is live no worker starts anything.
      const second = (await api.post("/admin/replenishment/runs", { shop_id: shopA.id }, { headers })).data.forecast_run
      expect(second.status).toBe("queued")
      expect(await processForecastRuns(container, { owner: "second", options: SMALL })).toEqual([])
      expect(await service.claimRun("third")).toBeNull()
      expect((await service.retrieveForecastRun(second.id)).status).toBe("queued")

      // 60 s without a heartbeat later (simulated): the next worker takes the crashed run over
      // first, resumes after its cursor (7 series left: 2 chunks), then runs the queued one.
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg.raw(`UPDATE forecast_run SET lease_expires_at = now() - interval '1 second' WHERE id = ?`, [first.id])
      const outcomes = await processForecastRuns(container, { owner: "rescuer", options: SMALL })
      expect(outcomes).toEqual([
        { run_id: first.id, status: "completed", resumed: true, chunks: 2 },
        { run_id: second.id, status: "completed", resumed: false, chunks: 3 },
      ])
      const resumed = (await api.get(`/admin/replenishment/runs/${first.id}`, { headers })).data.forecast_run
      expect(resumed).toMatchObject({ status: "completed", series_total: 12, series_done: 12, policies_written: 12, resumed_count: 1 })
      // The crashed owner, were it to wake up, can no longer renew or write.
      expect(await service.heartbeatRun(first.id, "crashed")).toBe(false)
      await expect(service.commitChunk(first.id, "crashed", { cursor: "x", done: 1, failures: [], overrides_kept: 0, policies: [] })).rejects.toThrow(/lease lost/)

      // Two workers at once over two queued runs: each run is done exactly once.
      const a = (await api.post("/admin/replenishment/runs", { shop_id: shopA.id }, { headers })).data.forecast_run
      const b = (await api.post("/admin/replenishment/runs", { shop_id: shopB.id }, { headers })).data.forecast_run
      const [w1, w2] = await Promise.all([
        processForecastRuns(container, { owner: "w1", options: SMALL }),
        processForecastRuns(container, { owner: "w2", options: SMALL }),
      ])
      expect([...w1, ...w2].map((o) => o.run_id).sort()).toEqual([a.id, b.id].sort())
      for (const r of [a, b]) {
        const d = await service.retrieveForecastRun(r.id)
        expect(d.status).toBe("completed")
        expect(d.series_done).toBe(d.series_total)
      }
    })

    it("meets a shop's cycle target with its items together, and a run for one variant keeps the shop's allocation", async () => {
      const container = getContainer()
      const hq = (await api.post("/admin/territories", { code: "RR-HQ", name: "总部", level: "hq" }, { headers })).data.territory
      const shopG = (await api.post("/admin/shops", { ...shopInput("RR-G"), territory_id: hq.id }, { headers })).data.shop
      const target = (await api.post("/admin/replenishment/targets", { territory_id: hq.id, level: 0.95 }, { headers })).data.service_target
      const cocoa = await productWithStock(container, { sku: "COCOA-RG", price: 39, shippingProfileId: market.shippingProfileId, salesChannelIds: [], stock: [] })
      const events: DemandEventInput[] = []
      // 30 slow movers of different paces and lot sizes (the first a real variant, for a run of its own)
      const variantOf = (k: number) => (k === 0 ? cocoa.variantId : `variant_rg_${k}`)
      for (let k = 0; k < 30; k++) events.push(...demandEvents(variantOf(k), shopG.stock_location_id, 200, (i) => ((i * (k + 2)) % (4 + (k % 7)) === 0 ? 1 + ((i + k) % (1 + (k % 4))) : 0)))
      await replenishment(container).recordDemand(events)
      await api.post("/admin/replenishment/runs", { shop_id: shopG.id }, { headers })
      expect(await processForecastRuns(container)).toMatchObject([{ status: "completed" }])
      const policies = (await api.get(`/admin/replenishment/policies?shop_id=${shopG.id}&limit=100`, { headers })).data.policies
      expect(policies).toHaveLength(30)
      let own = 0
      for (const p of policies) {
        expect(p).toMatchObject({ service_level_target: expect.closeTo(0.95, 6), service_level_type: "cycle" })
        expect(p.metadata).toMatchObject({ target_source: `territory:${hq.id}`, service_target_id: target.id })
        expect(p.metadata.service_group).toMatchObject({ size: 30, lambda_source: "allocated" })
        expect(p.metadata.service_group.expected).toBeGreaterThanOrEqual(0.95 - 1e-4)
        expect(p.metadata.service_group.item_level).toBeGreaterThanOrEqual(0.8 - 1e-4)
        own += p.metadata.service_group.item_level
      }
      // the shop's expected service is its items' own, averaged; some items sit below 95 %, some above
      expect(own / 30).toBeCloseTo(policies[0].metadata.service_group.expected, 3)
      expect(policies.some((p: any) => p.metadata.service_group.item_level < 0.95)).toBe(true)

      // A run for one variant cannot form the group: it plans the item at its level from the last run.
      const one = policies.find((p: any) => p.variant_id === cocoa.variantId)
      await api.post("/admin/replenishment/runs", { variant_id: one.variant_id }, { headers })
      expect(await processForecastRuns(container)).toMatchObject([{ status: "completed" }])
      const again = (await api.get(`/admin/replenishment/policies?shop_id=${shopG.id}&variant_id=${one.variant_id}`, { headers })).data.policies[0]
      expect(again.metadata.service_group).toMatchObject({ size: 30, lambda_source: "stored" })
      // at (at least) the same own service as the shop's run gave it; its levels may differ, as
      // a run of one series pools no errors but its own
      expect(again.metadata.service_group.item_level).toBeGreaterThanOrEqual(one.metadata.service_group.item_level)
      expect(again).toMatchObject({ service_level_target: expect.closeTo(0.95, 6), service_level_type: "cycle" })
      expect(again.order_up_to).toBeGreaterThanOrEqual(1)
    })

    it("answers 400 naming the field, and 404 for an unknown shop", async () => {
      const bad = async (p: Promise<any>) => (await p.catch((e) => e.response))
      await api.post("/admin/replenishment/runs", { shop_id: shopB.id }, { headers })
      await processForecastRuns(getContainer(), { options: SMALL })
      const [policy] = (await api.get(`/admin/replenishment/policies?shop_id=${shopB.id}&limit=1`, { headers })).data.policies
      expect(policy).toBeTruthy()
      let r = await bad(api.post("/admin/replenishment/runs", { shop_id: shopA.id, territory_id: "terr_x" }, { headers }))
      expect(r.status).toBe(400)
      expect(r.data.message).toMatch(/territory_id/)
      r = await bad(api.post("/admin/replenishment/runs", { shop: "x" }, { headers }))
      expect(r.status).toBe(400)
      r = await bad(api.post("/admin/replenishment/runs", { shop_id: "shop_missing" }, { headers }))
      expect(r.status).toBe(404)
      r = await bad(api.get("/admin/replenishment/policies?status=below_reorder_point", { headers }))
      expect(r.status).toBe(400)
      expect(r.data.message).toMatch(/status/)
      r = await bad(api.get("/admin/replenishment/policies?demand_class=sometimes", { headers }))
      expect(r.status).toBe(400)
      expect(r.data.message).toMatch(/demand_class/)
      {
        r = await bad(api.post(`/admin/replenishment/policies/${policy.id}`, { override_min: 5, override_max: 3 }, { headers }))
        expect(r.status).toBe(400)
        expect(r.data.message).toMatch(/override_max/)
        r = await bad(api.post(`/admin/replenishment/policies/${policy.id}`, { override_min: -1 }, { headers }))
        expect(r.status).toBe(400)
        expect(r.data.message).toMatch(/override_min/)
        r = await bad(api.post(`/admin/replenishment/policies/${policy.id}`, { service_level_target: 1.5 }, { headers }))
        expect(r.status).toBe(400)
        expect(r.data.message).toMatch(/service_level_target/)
      }
      r = await bad(api.post(`/admin/replenishment/policies/spol_missing`, { frozen: true }, { headers }))
      expect(r.status).toBe(404)
    })
  },
})
