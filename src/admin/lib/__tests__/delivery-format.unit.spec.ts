import { fleetBody, fleetForm, returnKm, runTotals, todayIn } from "../delivery-format"
import type { DeliveryRun } from "../delivery-types"

const run = (id: string, km: number, build: string, baseline: number, created: string, lastCumulative = km - 2): DeliveryRun => ({
  id,
  depot_location_id: "sloc",
  run_date: "2026-11-25",
  vehicle: 1,
  status: "planned",
  stops: [{ location_id: "a", shop_code: "KM-001", transfer_ids: ["t"], part: null, units: 5, leg_km: 1, cumulative_km: lastCumulative, arrival: null, departure: null, wait_minutes: 0 }],
  total_km: km,
  units: 5,
  transfer_ids: ["t"],
  build_id: build,
  baseline_km: baseline,
  created_at: created,
})

describe("delivery format", () => {
  it("today in the depot's zone", () => {
    const at = new Date("2026-11-24T20:00:00Z")
    expect(todayIn("Asia/Shanghai", at)).toBe("2026-11-25")
    expect(todayIn("UTC", at)).toBe("2026-11-24")
  })

  it("km saved is the latest build's baseline minus its runs' km", () => {
    const t = runTotals([run("a", 30, "b1", 100, "2026-11-24T10:00:00Z"), run("b", 20, "b1", 100, "2026-11-24T10:00:00Z")])
    expect(t).toMatchObject({ runs: 2, km: 50, baselineKm: 100, savedKm: 50, savedPercent: 50 })
    expect(runTotals([])).toMatchObject({ runs: 0, km: 0, baselineKm: null, savedKm: null })
  })

  it("the way back is the run's km after its last stop", () => {
    expect(returnKm(run("a", 30, "b", 0, "", 24.5))).toBe(5.5)
  })

  it("reads the fleet form, optional fields empty to null, and names the first bad field", () => {
    const ok = fleetBody(fleetForm("sloc"))
    expect(ok).toEqual({
      body: { location_id: "sloc", vehicle_count: 2, capacity_units: 300, capacity_volume: null, max_route_km: null, max_duration_minutes: null, speed_kmh: 35, service_minutes: 15, available_from: "06:00", available_until: null },
    })
    expect(fleetBody({ ...fleetForm("sloc"), vehicle_count: "0" })).toEqual({ field: "vehicle_count" })
    expect(fleetBody({ ...fleetForm("sloc"), max_route_km: "-3" })).toEqual({ field: "max_route_km" })
    expect(fleetBody({ ...fleetForm("sloc"), available_until: "25:00" })).toEqual({ field: "available_until" })
  })
})
