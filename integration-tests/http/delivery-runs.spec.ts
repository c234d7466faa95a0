// Delivery runs (issue 4 §4): a depot's approved transfers merged into vehicle runs inside the
// shops' receiving hours, with the depot's fleet; km saved against one trip per transfer.
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../helpers/admin"
import { chinaMarket, productWithStock } from "../helpers/catalog"

jest.setTimeout(180_000)

const everyDay = (open: string, close: string) => Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [{ open, close }]]))
// Around Kunming: a DC and six shops 5–25 km out, two of them receiving only in the morning.
const SHOPS = [
  ["DR-1", 25.10, 102.80, "07:00", "11:00"],
  ["DR-2", 25.12, 102.85, "07:00", "11:00"],
  ["DR-3", 24.95, 102.65, "08:00", "20:00"],
  ["DR-4", 24.92, 102.70, "08:00", "20:00"],
  ["DR-5", 25.20, 102.60, "08:00", "20:00"],
  ["DR-6", 25.05, 102.90, "08:00", "20:00"],
] as const

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let dc: any
    const shops: any[] = []

    beforeAll(async () => {
      const container = getContainer()
      headers = await adminHeaders(container)
      const market = await chinaMarket(container)
      dc = (await api.post("/admin/shops", { code: "DR-DC", name: "配送中心", kind: "warehouse", status: "open", latitude: 25.04, longitude: 102.72, city: "昆明" }, { headers })).data.shop
      for (const [code, lat, lng, open, close] of SHOPS) {
        shops.push(
          (await api.post("/admin/shops", { code, name: code, kind: "standard", status: "open", latitude: lat, longitude: lng, city: "昆明", opening_hours: everyDay("09:00", "22:00"), receiving_hours: everyDay(open, close) }, { headers })).data.shop
        )
      }
      const tea = await productWithStock(container, { sku: "TEA-DR", price: 69, shippingProfileId: market.shippingProfileId, salesChannelIds: [], stock: [{ location_id: dc.stock_location_id, quantity: 1000 }] })
      // Two transfers to each shop (a weekly order and a top-up): twelve trips without routing.
      for (const [i, shop] of shops.entries()) {
        for (const quantity of [20 + i * 5, 10]) {
          const t = (await api.post("/admin/transfers", { source: { shop_id: dc.id }, lines: [{ destination: { shop_id: shop.id }, variant_id: tea.variantId, quantity }], submit: true }, { headers })).data.transfer
          await api.post(`/admin/transfers/${t.id}/approve`, {}, { headers })
        }
      }
      await api.post("/admin/depot-fleets", { location_id: dc.stock_location_id, vehicle_count: 3, capacity_units: 150, speed_kmh: 30, service_minutes: 20, available_from: "06:30" }, { headers })
    })

    it("merges the day's transfers into feasible runs and saves km against one trip per transfer", async () => {
      const built = (await api.post("/admin/delivery-runs", { depot: { shop_id: dc.id }, date: "2026-11-25" }, { headers })).data
      expect(built).toMatchObject({ date: "2026-11-25", transfers: 12, unassigned: [], fleet: { configured: true, vehicle_count: 3 } })
      expect(built.runs.length).toBeGreaterThanOrEqual(2) // 300 units on vans of 150
      const stops = built.runs.flatMap((r: any) => r.stops)
      expect(new Set(stops.map((s: any) => s.location_id)).size).toBe(6)
      for (const run of built.runs) expect(run.units).toBeLessThanOrEqual(150)
      for (const s of stops) {
        const window = SHOPS.find(([code]) => code === s.shop_code)!
        expect(s.arrival >= window[3] || s.wait_minutes > 0).toBe(true)
        expect(s.arrival <= window[4]).toBe(true)
        expect(s.transfer_ids).toHaveLength(2)
      }
      expect(built.baseline.trips).toBe(12)
      expect(built.baseline.savedPercent).toBeGreaterThan(35)
      expect(built.totals.km).toBeLessThan(built.baseline.km)

      // Rebuilding the same day replaces the planned runs rather than adding to them.
      await api.post("/admin/delivery-runs", { depot: { shop_id: dc.id }, date: "2026-11-25" }, { headers })
      const listed = (await api.get(`/admin/delivery-runs?depot_location_id=${dc.stock_location_id}&date=2026-11-25`, { headers })).data
      expect(listed.count).toBe(built.runs.length)
      const sheet = (await api.get(`/admin/delivery-runs/${listed.delivery_runs[0].id}`, { headers })).data.delivery_run
      expect(sheet.stops[0]).toEqual(expect.objectContaining({ leg_km: expect.any(Number), arrival: expect.stringMatching(/^\d{2}:\d{2}$/) }))
    })

    it("says which stops could not be served and why, and rejects a bad depot", async () => {
      await api.post("/admin/depot-fleets", { location_id: dc.stock_location_id, vehicle_count: 1, capacity_units: 60, speed_kmh: 30, available_from: "06:30" }, { headers })
      const built = (await api.post("/admin/delivery-runs", { depot: { shop_id: dc.id }, date: "2026-11-25" }, { headers })).data
      expect(built.unassigned.length).toBeGreaterThan(0)
      expect(built.unassigned[0]).toEqual(expect.objectContaining({ reason: expect.any(String), detail: expect.any(String), shop_code: expect.stringMatching(/^DR-/) }))
      const bad = await api.post("/admin/delivery-runs", { depot: { shop_id: "shop_nope" } }, { headers }).catch((e: any) => e.response)
      expect(bad.status).toBe(404)
      const both = await api.post("/admin/delivery-runs", { depot: { shop_id: dc.id, location_id: dc.stock_location_id } }, { headers }).catch((e: any) => e.response)
      expect(both.status).toBe(400)
    })
  },
})
