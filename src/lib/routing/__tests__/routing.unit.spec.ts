import { haversineKm } from "../../geo"
import { mulberry32 } from "../../random"
import { clarkeWright, planRoutes, prepare, routeDuration, saving, type RoutingProblem, type RoutingResult, type RoutingStop } from ".."
import { violations } from "./check"

// Points on a line (a symmetric matrix of |x_a − x_b|), depot at x = 0: easy to check by hand.
function line(xs: number[]): number[][] {
  const all = [0, ...xs]
  return all.map((a) => all.map((b) => Math.abs(a - b)))
}

const stripTimings = (r: RoutingResult) => ({ ...r, stats: { ...r.stats, ms: 0, phaseMs: null } })

describe("savings", () => {
  it("is d(i,0) + d(0,j) − d(i,j), with λ weighting the joining edge", () => {
    expect(saving(10, 12, 5)).toBe(17)
    expect(saving(10, 12, 5, 1.5)).toBe(14.5)
    // Two stops in opposite directions save nothing by sharing a run.
    expect(saving(3, 4, 7)).toBe(0)
  })

  it("joins the pair with the largest saving first and respects capacity", () => {
    // Stops at x = 10, 11 (saving 20) and x = -5 (saving 0 with either).
    const problem: RoutingProblem = {
      depot: { id: "D", index: 0 },
      stops: [
        { id: "a", index: 1, units: 1 },
        { id: "b", index: 2, units: 1 },
        { id: "c", index: 3, units: 1 },
      ],
      vehicles: { count: 3, capacityUnits: 2 },
      distance: { kind: "matrix", matrix: line([10, 11, -5]) },
    }
    const { inst } = prepare(problem)
    const sol = clarkeWright(inst)
    const runs = sol.routes.filter((r) => r.length).map((r) => r.map((x) => problem.stops[x - 1].id).sort())
    expect(runs).toEqual([["a", "b"], ["c"]])
    expect(sol.distance()).toBe(22 + 10)
  })
})

describe("planRoutes: hand-checkable cases", () => {
  it("serves the corners of a square in one run, in tour order, and reports km saved", () => {
    // Depot at (0,0); stops at (0,10), (10,10), (10,0): the best run is the square's perimeter.
    const pts = [
      [0, 0],
      [0, 10],
      [10, 10],
      [10, 0],
    ]
    const matrix = pts.map((a) => pts.map((b) => Math.hypot(a[0] - b[0], a[1] - b[1])))
    const problem: RoutingProblem = {
      depot: { id: "DC", index: 0 },
      stops: [
        { id: "far", index: 2, units: 3 },
        { id: "left", index: 1, units: 1 },
        { id: "right", index: 3, units: 2 },
      ],
      vehicles: { count: 2, capacityUnits: 10 },
      distance: { kind: "matrix", matrix },
    }
    const r = planRoutes(problem)
    expect(r.runs).toHaveLength(1)
    const run = r.runs[0]
    const ids = run.stops.map((s) => s.id)
    expect([["left", "far", "right"], ["right", "far", "left"]]).toContainEqual(ids)
    expect(run.km).toBe(40)
    expect(run.stops.map((s) => s.legKm)).toEqual([10, 10, 10])
    expect(run.stops.map((s) => s.cumulativeKm)).toEqual([10, 20, 30])
    expect(run.returnKm).toBe(10)
    expect(run.stops.map((s) => s.unitsOnBoard)).toEqual(ids[0] === "left" ? [5, 2, 0] : [4, 1, 0])
    // One trip per transfer: 20 + 2·√200 + 20 = 68.284 km; the run saves 28.284 km (41.4 %).
    expect(r.baseline).toEqual({ trips: 3, km: 68.284, savedKm: 28.284, savedPercent: 41.421 })
    expect(r.totals).toMatchObject({ runs: 1, stops: 3, units: 6, km: 40 })
    expect(r.unassigned).toEqual([])
  })

  it("uses as many runs as capacity needs and saves nothing when each stop fills a vehicle", () => {
    const problem: RoutingProblem = {
      depot: { id: "DC", index: 0 },
      stops: [1, 2, 3].map((i) => ({ id: `s${i}`, index: i, units: 5 })),
      vehicles: { count: 3, capacityUnits: 5 },
      distance: { kind: "matrix", matrix: line([1, 2, 3]) },
    }
    const r = planRoutes(problem)
    expect(r.runs).toHaveLength(3)
    expect(r.totals.km).toBe(12)
    expect(r.baseline.savedKm).toBe(0)
  })

  it("orders stops by their receiving windows, waits for an opening, and leaves as late as it can", () => {
    // 60 km/h = 1 km a minute. A is open 100–110, B 20–30; depot–A 10, depot–B 10, A–B 5.
    const problem: RoutingProblem = {
      depot: { id: "DC", index: 0 },
      stops: [
        { id: "A", index: 1, units: 1, windows: [{ start: 100, end: 110 }] },
        { id: "B", index: 2, units: 1, windows: [{ start: 20, end: 30 }] },
      ],
      vehicles: { count: 1, capacityUnits: 10, speedKmh: 60 },
      distance: {
        kind: "matrix",
        matrix: [
          [0, 10, 10],
          [10, 0, 5],
          [10, 5, 0],
        ],
      },
    }
    const r = planRoutes(problem)
    expect(r.runs).toHaveLength(1)
    const run = r.runs[0]
    expect(run.stops.map((s) => s.id)).toEqual(["B", "A"])
    // Back at 110 at the earliest; the latest departure keeping that return is 20.
    expect(run.departure).toBe(20)
    expect(run.stops[0]).toMatchObject({ arrival: 30, serviceStart: 30, waitMinutes: 0, departure: 30 })
    expect(run.stops[1]).toMatchObject({ arrival: 35, serviceStart: 100, waitMinutes: 65 })
    expect(run.return).toBe(110)
    expect(run.durationMinutes).toBe(90)
    expect(violations(problem, r)).toEqual([])
  })

  it("meets a second window when the first cannot be reached, and counts service time", () => {
    const problem: RoutingProblem = {
      depot: { id: "DC", index: 0 },
      stops: [{ id: "A", index: 1, units: 1, serviceMinutes: 15, windows: [{ start: 0, end: 5 }, { start: 60, end: 90 }] }],
      vehicles: { count: 1, capacityUnits: 10, speedKmh: 60 },
      distance: { kind: "matrix", matrix: line([30]) },
    }
    const r = planRoutes(problem)
    expect(r.runs[0].stops[0]).toMatchObject({ arrival: 60, serviceStart: 60, departure: 75 })
    expect(r.runs[0]).toMatchObject({ departure: 30, return: 105, durationMinutes: 75 })
  })

  it("splits a stop larger than a vehicle into full loads and a remainder, each routed", () => {
    const problem: RoutingProblem = {
      depot: { id: "DC", index: 0 },
      stops: [
        { id: "big", index: 1, units: 250, volume: 5 },
        { id: "small", index: 2, units: 30, volume: 0.6 },
      ],
      vehicles: { count: 4, capacityUnits: 100, capacityVolume: 10 },
      distance: { kind: "matrix", matrix: line([10, 11]) },
    }
    const r = planRoutes(problem)
    const parts = r.runs.flatMap((run) => run.stops).filter((s) => s.id === "big")
    expect(parts.map((s) => [s.part, s.units]).sort()).toEqual([
      [1, 100],
      [2, 100],
      [3, 50],
    ])
    expect(parts.reduce((a, s) => a + s.volume, 0)).toBeCloseTo(5, 9)
    expect(r.runs).toHaveLength(3)
    // The remainder (50) and the small stop (30) share a run.
    expect(r.runs.some((run) => run.stops.length === 2)).toBe(true)
    // Baseline: three separate trips are needed for 250 units, plus one for the small stop.
    expect(r.baseline.trips).toBe(4)
    expect(violations(problem, r)).toEqual([])
  })

  it("splits by volume when the volume, not the units, is over capacity", () => {
    const problem: RoutingProblem = {
      depot: { id: "DC", index: 0 },
      stops: [{ id: "bulky", index: 1, units: 10, volume: 25 }],
      vehicles: { count: 5, capacityUnits: 100, capacityVolume: 10 },
      distance: { kind: "matrix", matrix: line([4]) },
    }
    const r = planRoutes(problem)
    expect(r.runs.map((run) => run.stops[0].units).sort()).toEqual([2, 4, 4])
    expect(violations(problem, r)).toEqual([])
  })
})

describe("planRoutes: unassigned stops and their reasons", () => {
  const base = (stops: RoutingStop[], vehicles: Partial<RoutingProblem["vehicles"]> = {}): RoutingProblem => ({
    depot: { id: "DC", location: { lat: 25.04, lng: 102.71 } },
    stops,
    vehicles: { count: 2, capacityUnits: 100, capacityVolume: 10, ...vehicles },
    distance: { kind: "haversine", detourFactor: 1.3 },
    options: { splitOversize: false },
  })
  const near = { lat: 25.05, lng: 102.72 }
  const far = { lat: 26.5, lng: 103.5 } // ~180 km

  it.each<[string, RoutingStop, Partial<RoutingProblem["vehicles"]>, string]>([
    ["no coordinates", { id: "x", units: 1 }, {}, "invalid_location"],
    ["bad coordinates", { id: "x", units: 1, location: { lat: 95, lng: 0 } }, {}, "invalid_location"],
    ["closed that day", { id: "x", units: 1, location: near, windows: [] }, {}, "closed"],
    ["too many units", { id: "x", units: 101, location: near }, {}, "units_over_capacity"],
    ["too much volume", { id: "x", units: 1, volume: 11, location: near }, {}, "volume_over_capacity"],
    ["too far", { id: "x", units: 1, location: far }, { maxRouteKm: 300 }, "beyond_max_route_length"],
    ["window closes before the van can arrive", { id: "x", units: 1, location: far, windows: [{ start: 480, end: 600 }] }, { availableFrom: 420, speedKmh: 60 }, "window_unreachable"],
    ["cannot be back before the vehicles' hours end", { id: "x", units: 1, location: far }, { availableFrom: 420, availableUntil: 600, speedKmh: 60 }, "window_unreachable"],
    ["longer than a shift", { id: "x", units: 1, location: far }, { maxDurationMinutes: 240, speedKmh: 60 }, "beyond_max_duration"],
  ])("%s", (_label, stop, vehicles, reason) => {
    const ok: RoutingStop = { id: "ok", units: 1, location: near }
    const problem = base([ok, stop], vehicles)
    const r = planRoutes(problem)
    expect(r.unassigned).toEqual([expect.objectContaining({ id: "x", reason, units: stop.units })])
    expect(r.unassigned[0].detail.length).toBeGreaterThan(0)
    expect(r.runs.flatMap((run) => run.stops.map((s) => s.id))).toEqual(["ok"])
    expect(violations(problem, r)).toEqual([])
  })

  it("a volume of one unit above capacity cannot be split", () => {
    const problem = { ...base([{ id: "x", units: 2, volume: 30, location: near }]), options: { splitOversize: true } }
    expect(planRoutes(problem).unassigned).toEqual([expect.objectContaining({ id: "x", reason: "volume_over_capacity" })])
  })

  it("when the fleet is used up the rest is unassigned as no_vehicle_available, never dropped", () => {
    const stops: RoutingStop[] = [0, 1, 2, 3].map((i) => ({ id: `s${i}`, units: 60, location: { lat: 25.05 + i * 0.01, lng: 102.72 } }))
    const problem = base(stops, { count: 2 })
    const r = planRoutes(problem)
    expect(r.runs).toHaveLength(2)
    expect(r.unassigned.map((u) => u.reason)).toEqual(["no_vehicle_available", "no_vehicle_available"])
    expect(violations(problem, r)).toEqual([])
  })

  it("no vehicles: everything unassigned", () => {
    const problem = base([{ id: "a", units: 1, location: near }], { count: 0 })
    const r = planRoutes(problem)
    expect(r.runs).toEqual([])
    expect(r.unassigned).toEqual([expect.objectContaining({ id: "a", reason: "no_vehicle_available" })])
    expect(r.baseline).toMatchObject({ trips: 0, km: 0 })
  })

  it("rejects malformed input with a clear error", () => {
    expect(() => planRoutes(base([{ id: "a", units: -1, location: near }]))).toThrow(/units/)
    expect(() => planRoutes(base([{ id: "a", units: 1, location: near }, { id: "a", units: 1, location: near }]))).toThrow(/repeated/)
    expect(() => planRoutes({ ...base([]), vehicles: { count: 1, capacityUnits: -3 } })).toThrow(/capacityUnits/)
    expect(() => planRoutes({ ...base([]), distance: { kind: "matrix", matrix: [[0, 1]] } })).toThrow(/square/)
  })
})

// Random instances around Kunming: volumes, windows, length and duration limits, a small fleet.
function randomProblem(seed: number): RoutingProblem {
  const rnd = mulberry32(seed)
  const n = 5 + Math.floor(rnd() * 60)
  const stops: RoutingStop[] = []
  for (let i = 0; i < n; i++) {
    const windows = rnd() < 0.6 ? (() => {
      const open = 420 + Math.floor(rnd() * 300)
      const ws = [{ start: open, end: open + 30 + Math.floor(rnd() * 180) }]
      if (rnd() < 0.3) ws.push({ start: open + 300, end: open + 360 })
      return ws
    })() : undefined
    stops.push({
      id: `s${i}`,
      units: Math.floor(rnd() * 120),
      volume: Math.round(rnd() * 40) / 10,
      location: { lat: 25.04 + (rnd() - 0.5) * 0.8, lng: 102.71 + (rnd() - 0.5) * 0.8 },
      windows,
      serviceMinutes: rnd() < 0.5 ? Math.floor(rnd() * 20) : undefined,
    })
  }
  return {
    depot: { id: "DC", location: { lat: 25.04 + (rnd() - 0.5) * 0.2, lng: 102.71 + (rnd() - 0.5) * 0.2 } },
    stops,
    vehicles: {
      count: 1 + Math.floor(rnd() * 8),
      capacityUnits: 100 + Math.floor(rnd() * 300),
      capacityVolume: rnd() < 0.7 ? 6 + rnd() * 10 : undefined,
      maxRouteKm: rnd() < 0.5 ? 80 + rnd() * 150 : undefined,
      maxDurationMinutes: rnd() < 0.5 ? 240 + rnd() * 300 : undefined,
      speedKmh: 25 + rnd() * 30,
      serviceMinutes: 10,
      availableFrom: 360 + Math.floor(rnd() * 120),
      availableUntil: rnd() < 0.5 ? 1080 + Math.floor(rnd() * 240) : undefined,
    },
    distance: { kind: "haversine", detourFactor: 1 + rnd() * 0.5 },
    options: { seed, iterations: 300, splitOversize: rnd() < 0.7 },
  }
}

describe("planRoutes: properties on random instances", () => {
  it("every run is feasible and every stop is served or unassigned with a reason (150 instances)", () => {
    let served = 0
    let unassigned = 0
    const reasons = new Set<string>()
    for (let seed = 1; seed <= 150; seed++) {
      const problem = randomProblem(seed)
      const r = planRoutes(problem)
      const bad = violations(problem, r)
      if (bad.length) throw new Error(`seed ${seed}: ${bad.slice(0, 5).join("; ")}`)
      served += r.totals.stops
      unassigned += r.unassigned.length
      for (const u of r.unassigned) reasons.add(u.reason)
      // Haversine obeys the triangle inequality, so a run is never longer than its stops' round trips.
      expect(r.totals.km).toBeLessThanOrEqual(r.baseline.km + 1e-2)
    }
    // The generator must exercise both outcomes, or the property says little.
    expect(served).toBeGreaterThan(2000)
    expect(unassigned).toBeGreaterThan(20)
    expect(reasons.size).toBeGreaterThanOrEqual(3)
  })

  it("asymmetric matrices: directions are respected and runs stay feasible", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rnd = mulberry32(1000 + seed)
      const n = 8 + Math.floor(rnd() * 30)
      const pts = Array.from({ length: n + 1 }, () => [rnd() * 100, rnd() * 100])
      // One-way streets: going "east" costs 30 % more.
      const matrix = pts.map((a) => pts.map((b) => Math.hypot(a[0] - b[0], a[1] - b[1]) * (b[0] > a[0] ? 1.3 : 1)))
      const problem: RoutingProblem = {
        depot: { id: "D", index: 0 },
        stops: Array.from({ length: n }, (_, i) => ({ id: `s${i}`, index: i + 1, units: 1 + Math.floor(rnd() * 20), windows: rnd() < 0.5 ? [{ start: 60 * Math.floor(rnd() * 8), end: 480 + 60 * Math.floor(rnd() * 8) }] : undefined })),
        vehicles: { count: 20, capacityUnits: 50, speedKmh: 40, maxRouteKm: 400 },
        distance: { kind: "matrix", matrix },
        options: { iterations: 200, seed },
      }
      const r = planRoutes(problem)
      expect(violations(problem, r)).toEqual([])
    }
  })

  it("matrices without the triangle inequality: runs stay feasible", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rnd = mulberry32(5000 + seed)
      const n = 8 + Math.floor(rnd() * 30)
      // Arbitrary travel distances: a detour through a third stop can be shorter than the direct leg.
      const matrix = Array.from({ length: n + 1 }, (_, a) => Array.from({ length: n + 1 }, (_, b) => (a === b ? 0 : 1 + Math.floor(rnd() * 60))))
      const problem: RoutingProblem = {
        depot: { id: "D", index: 0 },
        stops: Array.from({ length: n }, (_, i) => ({ id: `s${i}`, index: i + 1, units: 1 + Math.floor(rnd() * 20), windows: rnd() < 0.6 ? [{ start: 60 * Math.floor(rnd() * 6), end: 120 + 60 * Math.floor(rnd() * 6) }] : undefined })),
        vehicles: { count: 1 + Math.floor(rnd() * 10), capacityUnits: 60, speedKmh: 60, maxRouteKm: 150 + rnd() * 150, maxDurationMinutes: rnd() < 0.5 ? 300 : undefined },
        distance: { kind: "matrix", matrix },
        options: { iterations: 300, seed },
      }
      const r = planRoutes(problem)
      expect(violations(problem, r)).toEqual([])
    }
  })

  it("is deterministic: the same problem twice gives the same runs", () => {
    for (const seed of [3, 17, 42]) {
      const problem = randomProblem(seed)
      expect(stripTimings(planRoutes(problem))).toEqual(stripTimings(planRoutes(problem)))
    }
  })

  it("the search never ends worse than savings + local search, and both are no worse than one trip per stop", () => {
    for (let seed = 200; seed < 230; seed++) {
      const problem = randomProblem(seed)
      const r = planRoutes(problem)
      if (r.unassigned.some((u) => u.reason === "no_vehicle_available")) continue
      expect(r.stats.finalKm).toBeLessThanOrEqual(r.stats.localSearchKm + 1e-2)
      expect(r.stats.localSearchKm).toBeLessThanOrEqual(r.stats.savingsKm + 1e-2)
    }
  })

  it("the O(1) insertion check agrees with scheduling the whole run", () => {
    let checked = 0
    let feasible = 0
    const mismatches: unknown[] = []
    for (let seed = 300; seed < 340; seed++) {
      const problem = randomProblem(seed)
      const { inst } = prepare(problem)
      if (!inst.timed || inst.size < 3) continue
      const sol = clarkeWright(inst)
      for (const seq of sol.routes) {
        for (let u = 1; u < inst.size; u++) {
          if (seq.includes(u)) continue
          for (let pos = 0; pos <= seq.length; pos++) {
            const cand = [...seq.slice(0, pos), u, ...seq.slice(pos)]
            const full = routeDuration(inst, cand, cand.length) !== Infinity
            if (sol.timeOkInsert(seq, pos, u) !== full) mismatches.push({ seed, seq, pos, u, full })
            checked++
            if (full) feasible++
          }
        }
      }
    }
    expect(mismatches.slice(0, 3)).toEqual([])
    expect(checked).toBeGreaterThan(5000)
    expect(feasible).toBeGreaterThan(500)
    expect(checked - feasible).toBeGreaterThan(500)
  })

  it("haversine distances are the great-circle distance times the detour factor", () => {
    const a = { lat: 25.04, lng: 102.71 }
    const b = { lat: 24.88, lng: 102.83 }
    const { inst } = prepare({
      depot: { id: "D", location: a },
      stops: [{ id: "b", location: b, units: 1 }],
      vehicles: { count: 1, capacityUnits: 1 },
      distance: { kind: "haversine", detourFactor: 1.25 },
    })
    expect(inst.dist[1]).toBeCloseTo(1.25 * haversineKm(a, b), 9)
    expect(inst.dist[2]).toBeCloseTo(1.25 * haversineKm(b, a), 9)
  })
})
