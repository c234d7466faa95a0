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

  describe("cycle-service targets met per location (group scope)", () => {
    // 40 series of one location under its territory's 95 % cycle target: slow movers of different
    // paces and lot sizes, and a few faster ones
    const territory = [{ id: "st_1", level: 0.95, type: "cycle" as const, abc: null, xyz: null, source: "territory:ter_1" }]
    const chunk = (extra: (k: number) => Partial<SeriesTask> = () => ({})) =>
      Array.from({ length: 40 }, (_, k) => slowMover(`s${k}`, k < 30 ? 3 + (k % 9) : 1, (j) => 1 + ((j + k) % (1 + (k % 4))), { targets: territory, ...extra(k) }))
    const sum = (rows: { order_up_to: number }[]) => rows.reduce((a, r) => a + r.order_up_to, 0)

    it("meets the location's target together with less stock than series by series, none below the floor", () => {
      const group = new ChunkComputer().compute(ctx, chunk())
      const item = new ChunkComputer().compute({ ...ctx, serviceScope: "item" }, chunk())
      expect(group.failures).toEqual([])
      expect(item.policies.every((p) => !p.metadata.service_group)).toBe(true)
      const shares = group.policies.map((p) => p.metadata.service_group as Record<string, number>)
      expect(shares.every(Boolean)).toBe(true)
      for (const p of group.policies) {
        const g = p.metadata.service_group as Record<string, number>
        expect(p.service_level_target).toBeCloseTo(0.95, 6)
        expect(g.size).toBe(40)
        expect(g.expected).toBeGreaterThanOrEqual(0.95 - 1e-4)
        expect(g.item_level).toBeGreaterThanOrEqual(0.8 - 1e-4)
        expect(g.lambda_source).toBe("allocated")
      }
      // the group's expected service is the mean of its members' own
      const mean = shares.reduce((a, g) => a + g.item_level, 0) / shares.length
      expect(mean).toBeCloseTo(shares[0].expected, 3)
      expect(sum(group.policies)).toBeLessThan(sum(item.policies))
    })

    it("leaves a series with the merchant's own target, or its own levels, out of the group", () => {
      const out = new ChunkComputer().compute(
        ctx,
        chunk((k) => (k === 0 ? { override_service_level: 0.95, override_service_level_type: "cycle" } : k === 1 ? { override_min: 3 } : {}))
      )
      expect(out.policies[0].metadata.service_group).toBeUndefined()
      expect(out.policies[0].overrides_applied).toEqual(["target"])
      expect(out.policies[1].metadata.service_group).toBeUndefined()
      expect(out.policies[1].reorder_point).toBe(3)
      expect(out.policies[2].metadata.service_group).toBeDefined()
    })

    it("a run too narrow to form the group plans a series at its level from the last run", () => {
      const full = new ChunkComputer().compute(ctx, chunk())
      const k = full.policies.findIndex((p) => (p.metadata.service_group as Record<string, number>).item_level < p.service_level_target)
      expect(k).toBeGreaterThanOrEqual(0)
      const g = full.policies[k].metadata.service_group as Record<string, number>
      const alone = new ChunkComputer().compute(ctx, [chunk()[k]]).policies[0]
      expect(alone.metadata.service_group).toBeUndefined()
      const stored = { level: full.policies[k].service_level_target, item_level: g.item_level, expected: g.expected, size: g.size, lambda: g.lambda }
      const again = new ChunkComputer().compute(ctx, [{ ...chunk()[k], stored_group: stored }]).policies[0]
      expect(again.metadata.service_group).toMatchObject({ size: 40, lambda_source: "stored" })
      // planned at (at least) the same own service as in the group — alone, its error pool is its
      // own, so the curve differs a little; for this series the levels come out the nightly ones,
      // below its own 95 %
      const level = (again.metadata.service_group as Record<string, number>).item_level
      expect(level).toBeGreaterThanOrEqual(g.item_level)
      expect(level - g.item_level).toBeLessThan(0.02)
      expect([again.reorder_point, again.order_up_to]).toEqual([full.policies[k].reorder_point, full.policies[k].order_up_to])
      expect(again.order_up_to).toBeLessThan(alone.order_up_to)
      // a share stored for another target does not apply
      const other = new ChunkComputer().compute(ctx, [{ ...chunk()[k], stored_group: { ...stored, level: 0.9 } }]).policies[0]
      expect(other.metadata.service_group).toBeUndefined()
    })
  })
})
