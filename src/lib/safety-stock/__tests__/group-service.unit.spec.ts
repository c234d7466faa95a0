import type { DemandClass } from "../../forecast"
import { mulberry32 } from "../../random"
import { allocateGroupService, curveLevel, planPolicy, serviceCurve, type PolicyInput } from ".."

const curve = (...v: number[]) => Float64Array.from(v)

function flatPlan(cls: DemandClass, perPeriod: number, hSd: number, h: number, sample: number[] = []): PolicyInput["plan"] {
  return {
    class: cls,
    forecast: new Array(28).fill(perPeriod),
    error: { mean: 0, sd: hSd / Math.sqrt(h), n: 100, h, hMean: 0, hSd, sample: Float64Array.from(sample), sampleForecast: new Float64Array(sample.length).fill(perPeriod * h) },
  }
}

describe("allocateGroupService", () => {
  it("spends units where they buy the most service (hand-computed)", () => {
    // A: a slow mover whose 1st unit buys 0.5 and 2nd 0.3; B: a faster one, 0.1 a unit
    const A = curve(0.4, 0.9, 0.98, 1)
    const B = curve(0, 0, 0, 0, 0, 0, 0.55, 0.7, 0.8, 0.9, 0.95, 0.98, 1)
    // floor 0.5 puts A at 1 (0.9) and B at 6 (0.55): mean 0.725; a 0.85 target needs 0.25 more
    // service in total: B's 7th and 8th units (0.15, 0.1) buy more than A's 2nd (0.08)
    const g = allocateGroupService([A, B], 0.85, 0.5)
    expect(Array.from(g.levels)).toEqual([1, 8])
    expect(g.expected).toBeCloseTo(0.85, 12)
    expect(g.lambda).toBeCloseTo(0.1, 9)
    // at 0.92 the group needs 1.84: B's 9th unit (0.1), then A's 2nd (0.08) before B's 10th (0.05)
    const g9 = allocateGroupService([A, B], 0.92, 0.5)
    expect(Array.from(g9.levels)).toEqual([2, 9])
    expect(g9.expected).toBeCloseTo(0.94, 12)
  })

  it("never goes below the floor or an empty shelf, and meets the target with no more stock than per-series targets", () => {
    const r = mulberry32(7)
    for (let trial = 0; trial < 200; trial++) {
      const curves = Array.from({ length: 2 + Math.floor(r() * 30) }, () => {
        const n = 2 + Math.floor(r() * 25)
        const v = Array.from({ length: n }, () => r()).sort((a, b) => a - b)
        v[n - 1] = 1
        return Float64Array.from(v)
      })
      const target = 0.6 + r() * 0.39
      const floor = 0.5 + r() * 0.45
      const g = allocateGroupService(curves, target, floor)
      expect(g.expected).toBeGreaterThanOrEqual(target - 1e-12)
      let own = 0
      let group = 0
      curves.forEach((F, i) => {
        expect(F[g.levels[i]]).toBeGreaterThanOrEqual(Math.min(floor, target))
        if (F[0] < 1) expect(g.levels[i]).toBeGreaterThanOrEqual(1)
        expect(g.service[i]).toBe(F[g.levels[i]])
        // on its own: the target's level, and one unit for a series that can sell
        let S = 0
        while (F[S] < target) S++
        if (S === 0 && F[0] < 1) S = 1
        own += S
        group += g.levels[i]
      })
      expect(group).toBeLessThanOrEqual(own)
    }
  })

  it("is monotone: a higher target never lowers a level", () => {
    const r = mulberry32(11)
    const curves = Array.from({ length: 40 }, () => {
      const v = Array.from({ length: 12 }, () => r()).sort((a, b) => a - b)
      v[11] = 1
      return Float64Array.from(v)
    })
    let prev = allocateGroupService(curves, 0.6, 0.5).levels
    for (const t of [0.7, 0.8, 0.9, 0.95, 0.99]) {
      const next = allocateGroupService(curves, t, 0.5).levels
      next.forEach((S, i) => expect(S).toBeGreaterThanOrEqual(prev[i]))
      prev = next
    }
  })

  it("keeps one unit for a series that can sell, even when no unit is needed for the floor", () => {
    // P(no demand) 0.9: the floor alone would allow an empty shelf
    const slow = curve(0.9, 0.99, 1)
    const many = Array.from({ length: 5 }, () => curve(0.5, 0.97, 1))
    const g = allocateGroupService([slow, ...many], 0.8, 0.8)
    expect(g.levels[0]).toBe(1)
    // a series that cannot sell (its curve starts at 1) takes nothing
    expect(allocateGroupService([curve(1)], 0.95).levels[0]).toBe(0)
  })

  it("rejects what it cannot use", () => {
    expect(() => allocateGroupService([curve(0.5, 1)], 1, 0.8)).toThrow(/target/)
    expect(() => allocateGroupService([curve(0.5, 1)], 0.95, 0.2)).toThrow(/floor/)
    expect(() => allocateGroupService([curve(0.5, 0.9)], 0.95)).toThrow(/full service/)
    expect(allocateGroupService([], 0.95).expected).toBe(1)
  })
})

describe("serviceCurve", () => {
  const base = { leadTime: { mean: 1 }, reviewPeriod: 1, target: { kind: "cycle" as const, level: 0.95 } }
  it("is the bootstrap's distribution: planPolicy at level F[S] gives order-up-to S", () => {
    const r = mulberry32(3)
    for (let k = 0; k < 120; k++) {
      const sample = Array.from({ length: 13 + Math.floor(r() * 30) }, () => (r() < 0.6 ? -r() : r() * 6))
      const input = { ...base, plan: flatPlan("intermittent", 0.4 + r() * 2, 1.5, 2, sample), leadTime: { mean: 1, sd: k % 2 ? 0.5 : 0 }, seed: k + 1 }
      const curves = serviceCurve(input)!
      const F = curves.orderUpTo
      expect(F[F.length - 1]).toBe(1)
      for (let S = 1; S < F.length; S++) expect(F[S]).toBeGreaterThanOrEqual(F[S - 1])
      for (let S = 0; S < F.length; S++) {
        if (S > 0 && F[S] === F[S - 1]) continue
        if (F[S] < 0.5) continue
        const level = curveLevel(F, S)
        const drawn = planPolicy({ ...input, target: { kind: "cycle", level } })
        expect(drawn.orderUpTo).toBe(S)
        // the curves passed back give the same policy without drawing again
        expect(planPolicy({ ...input, target: { kind: "cycle", level }, curves })).toEqual(drawn)
      }
    }
  })

  it("is the normal approach's distribution for smooth demand", () => {
    const r = mulberry32(5)
    let total = 0
    for (let k = 0; k < 300; k++) {
      const mu = 1 + r() * 40
      const input = { ...base, plan: flatPlan("smooth", mu, mu * (0.1 + r()), 2), leadTime: { mean: 2 + r() * 5, sd: r() * 2 } }
      const F = serviceCurve(input)!.orderUpTo
      for (let S = 0; S < F.length - 1; S++) {
        if (F[S] < 0.5 || F[S] > 0.999999) continue
        total++
        expect(planPolicy({ ...input, target: { kind: "cycle", level: curveLevel(F, S) } }).orderUpTo).toBe(S)
      }
    }
    expect(total).toBeGreaterThan(5000)
  })

  it("grows with the demand it covers", () => {
    const a = serviceCurve({ ...base, plan: flatPlan("smooth", 5, 3, 2) })!.orderUpTo
    const b = serviceCurve({ ...base, plan: flatPlan("smooth", 10, 3, 2) })!.orderUpTo
    for (let S = 0; S < a.length; S++) expect(b[S]).toBeLessThanOrEqual(a[S])
  })

  it("has nothing to trade for fill-rate targets or no demand", () => {
    expect(serviceCurve({ ...base, target: { kind: "fill", level: 0.95 }, plan: flatPlan("smooth", 5, 3, 2) })).toBeNull()
    expect(serviceCurve({ ...base, plan: flatPlan("none", 0, 0, 2) })).toBeNull()
  })
})
