import { encodeDemand } from "../../lib/demand-codec"
import { parseCalendarDate } from "../../lib/opening-hours"
import { ChunkComputer, type SeriesTask } from "../forecast-compute"

const asOfDay = parseCalendarDate("2026-11-24")!
const ctx = { asOfDay, historyDays: 365, horizon: 28, reviewPeriod: 7 }

/** A slow mover: a sale every `every` days of `size(k)` units over the year before the run. */
const slowMover = (id: string, every: number, size: (k: number) => number, extra: Partial<SeriesTask> = {}): SeriesTask => {
  const days = []
  for (let d = asOfDay - 365, k = 0; d < asOfDay; d += every, k++) days.push({ day: d, sold: size(k), returned: 0 })
  return {
    id,
    variant_id: `variant_${id}`,
    location_id: "sloc_1",
    days: encodeDemand({ days, stockout: [], promotion: [] }),
    lead_mean: 5,
    lead_sd: 1,
    abc: "B",
    override_min: null,
    override_max: null,
    frozen: false,
    override_service_level: null,
    override_service_level_type: null,
    previous: null,
    ...extra,
  }
}

const fill = { override_service_level: 0.95, override_service_level_type: "fill_rate" as const }

describe("ChunkComputer: the nightly job's policies", () => {
  it("plans a fill-rate target of an intermittent series with the compound model, a cycle target with the bootstrap", () => {
    const out = new ChunkComputer().compute(ctx, [
      slowMover("fill", 9, (k) => 1 + (k % 3), fill),
      slowMover("cycle", 9, (k) => 1 + (k % 3), { override_service_level: 0.95, override_service_level_type: "cycle" }),
    ])
    expect(out.failures).toEqual([])
    const [f, c] = out.policies
    expect(f.demand_class).toBe("intermittent")
    expect(f.service_level_type).toBe("fill_rate")
    expect(f.metadata.approach).toBe("compound")
    expect(c.metadata.approach).toBe("bootstrap")
  })

  it("a fill-rate level grows when the series' own orders come in larger lots", () => {
    const level = (size: (k: number) => number) =>
      new ChunkComputer().compute(ctx, [slowMover("a", 9, size, fill)]).policies[0].order_up_to
    // Same days and the same mean lot (2 units) per sale, but every fourth one 5 units instead of 1.
    const even = level(() => 2)
    const lumpy = level((k) => (k % 4 === 3 ? 5 : 1))
    expect(lumpy).toBeGreaterThan(even)
  })
})
