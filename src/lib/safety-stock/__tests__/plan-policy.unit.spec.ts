import { planSeries } from "../../forecast"
import type { DemandClass } from "../../forecast"
import { mulberry32 } from "../../random"
import {
  abcClasses,
  cumulative,
  DEFAULT_SERVICE_TARGETS,
  defaultTarget,
  inverseNormalLoss,
  normalCdf,
  normalLoss,
  normalQuantile,
  orderQuantity,
  planPolicy,
  select,
  xyzClass,
  type PolicyInput,
} from ".."

/** A plan as planSeries returns it, with a flat forecast and a given error distribution. */
function flatPlan(cls: DemandClass, perPeriod: number, horizon: number, hSd: number, h: number, sample: number[] = []): PolicyInput["plan"] {
  return {
    class: cls,
    forecast: new Array(horizon).fill(perPeriod),
    error: { mean: 0, sd: hSd / Math.sqrt(h), n: 100, h, hMean: 0, hSd, sample: Float64Array.from(sample), sampleForecast: new Float64Array(sample.length).fill(perPeriod * h) },
  }
}

function poisson(r: () => number, lambda: number): number {
  const L = Math.exp(-lambda)
  let k = 0
  let p = 1
  do {
    k++
    p *= r()
  } while (p > L)
  return k - 1
}

function poissonCdf(k: number, lambda: number): number {
  let p = Math.exp(-lambda)
  let c = p
  for (let i = 1; i <= k; i++) {
    p *= lambda / i
    c += p
  }
  return c
}

describe("normal distribution helpers", () => {
  it("match tabulated values", () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021, 7)
    expect(normalCdf(-1.644854)).toBeCloseTo(0.05, 6)
    expect(normalCdf(0)).toBeCloseTo(0.5, 7)
    expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 6)
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9)
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5)
    expect(normalLoss(0)).toBeCloseTo(0.398942, 6)
    expect(normalLoss(1)).toBeCloseTo(0.083315, 5)
    expect(inverseNormalLoss(0.083315)).toBeCloseTo(1, 4)
    expect(() => normalQuantile(1)).toThrow()
  })
})

describe("planPolicy: smooth demand, normal formula", () => {
  it("computes SS = z·√(L·σd² + d²·σL²) by hand", () => {
    // d = 10/day, σd = 2 (from a 4-day cumulative sd of 4), L = 4 ± 1 days, no review period:
    // SS = 1.644854 · √(4·4 + 100·1) = 17.7157…, ROP = 40 + SS
    const plan = flatPlan("smooth", 10, 28, 4, 4)
    const p = planPolicy({ plan, leadTime: { mean: 4, sd: 1 }, reviewPeriod: 0, target: { kind: "cycle", level: 0.95 } })
    expect(p.approach).toBe("normal")
    expect(p.sigmaPerPeriod).toBeCloseTo(2, 12)
    expect(p.safetyStock).toBe(18)
    expect(p.reorderPoint).toBe(58)
    expect(p.orderUpTo).toBe(58)
    expect(p.target).toEqual({ kind: "cycle", level: 0.95, source: "input" })
    // with a 7-day review period: SS over R + L = 1.644854 · √(11·4 + 100) = 19.74 → S = 110 + 19.74
    const q = planPolicy({ plan, leadTime: { mean: 4, sd: 1 }, reviewPeriod: 7, target: { kind: "cycle", level: 0.95 } })
    expect(q.reorderPoint).toBe(58)
    expect(q.orderUpTo).toBe(130)
    expect(q.safetyStock).toBe(20)
  })

  it("solves a fill-rate target with the normal loss function", () => {
    // shortage per cycle σ·G(k) = (1 − 0.98) · 70 = 1.4 with σ over R + L = 2·√11
    const plan = flatPlan("smooth", 10, 28, 4, 4)
    const p = planPolicy({ plan, leadTime: { mean: 4 }, reviewPeriod: 7, target: { kind: "fill", level: 0.98 } })
    const sigma = 2 * Math.sqrt(11)
    const k = inverseNormalLoss(1.4 / sigma)
    expect(p.orderUpTo).toBe(Math.ceil(110 + k * sigma))
  })

  it("counts only the cycle's own shortage under a fill-rate target (normal approach)", () => {
    // d = 10, σ = 3 a period, L = 9, R = 1, β = 0.8: allowed shortage per cycle 0.2 · 10 = 2.
    // σP = 3·√10 = 9.49, σL = 9. Shortage of a cycle with level S: σP·G((S − 100)/σP) − σL·G((S − 90)/σL)
    // = 2.11 − 0.23 = 1.88 at S = 104 and 2.47 − 0.30 = 2.17 at S = 103 → S = 104. Counting the
    // backorders carried in from before the cycle as well (σP·G((S − 100)/σP) ≤ 2) gives 105.
    const plan = flatPlan("smooth", 10, 28, 3 * Math.sqrt(10), 10)
    const p = planPolicy({ plan, leadTime: { mean: 9 }, reviewPeriod: 1, target: { kind: "fill", level: 0.8 } })
    const sP = 3 * Math.sqrt(10)
    const short = (S: number) => sP * normalLoss((S - 100) / sP) - 9 * normalLoss((S - 90) / 9)
    expect(short(104)).toBeLessThanOrEqual(2)
    expect(short(103)).toBeGreaterThan(2)
    expect(p.orderUpTo).toBe(104)
    expect(Math.ceil(100 + inverseNormalLoss(2 / sP) * sP)).toBe(105)
    expect(p.reorderPoint).toBe(Math.ceil(90 + inverseNormalLoss(2 / 9) * 9))
  })

  it("counts only the cycle's own shortage under a fill-rate target (bootstrap)", () => {
    // forecast 1 a period, L = 3, R = 1, errors over h = 4 periods: D(L+R) = 4 + e,
    // D(L) = 3 + e·√(3/4) → D(L+R) 1 2 3 4 4 5 6 8 12 16, D(L) 0.40 1.27 2.13 3 3 3.87 4.73 6.46
    // 9.93 13.39. β = 0.5: allowed 0.5 a cycle. Shortage of a cycle E[(D(L+R) − S)⁺] − E[(D(L) − S)⁺]:
    // S = 8: (4 + 8 − 1.93 − 5.39) / 10 = 0.468 ≤ 0.5; S = 7: (1 + 5 + 9 − 2.93 − 6.39) / 10 = 0.568.
    // So S = 8 (E[(D(L+R) − S)⁺] alone would need S = 12); the reorder point covers D(L):
    // E[(D(L) − 10)⁺] = 0.34, E[(D(L) − 9)⁺] = 0.53 → 10, and the order-up-to level is never below it.
    const sample = [-3, -2, -1, 0, 0, 1, 2, 4, 8, 12]
    const plan = flatPlan("intermittent", 1, 10, 4, 4, sample)
    const p = planPolicy({ plan, leadTime: { mean: 3 }, reviewPeriod: 1, target: { kind: "fill", level: 0.5 } })
    expect(p.approach).toBe("bootstrap")
    expect(p.reorderPoint).toBe(10)
    expect(p.orderUpTo).toBe(10)
    // with R = 3 the cycle's demand is larger than the lead time's tail: S = 7 either way
    // (E[(D(L+R) − 7)⁺] = 1.5 = (1 − 0.5) · 3, and D(L) never exceeds 7)
    const q = planPolicy({ plan, leadTime: { mean: 1 }, reviewPeriod: 3, target: { kind: "fill", level: 0.5 } })
    expect(q.orderUpTo).toBe(7)
  })
})

describe("planPolicy: properties", () => {
  it("safety stock grows with the service target and with lead-time spread", () => {
    const r = mulberry32(77)
    const totals = [0, 0, 0, 0]
    for (let i = 0; i < 40; i++) {
      const n = 365
      const y = new Float64Array(n)
      const intermittent = i % 2 === 0
      const rate = intermittent ? 0.05 + r() * 0.4 : 3 + r() * 20
      for (let t = 0; t < n; t++) y[t] = intermittent ? (r() < rate ? 1 + Math.floor(r() * 5) : 0) : poisson(r, rate)
      const L = 2 + Math.floor(r() * 10)
      const R = r() < 0.5 ? 1 : 7
      const plan = planSeries({ demand: y, protection: L + R })
      let prev = -1
      for (const level of [0.8, 0.9, 0.95, 0.98, 0.995]) {
        const p = planPolicy({ plan, leadTime: { mean: L, sd: 1 }, reviewPeriod: R, target: { kind: "cycle", level }, seed: i })
        expect(p.orderUpTo).toBeGreaterThanOrEqual(prev)
        expect(p.reorderPoint).toBeLessThanOrEqual(p.orderUpTo)
        prev = p.orderUpTo
      }
      const spreads = [0, L / 4, L / 2, L]
      const ss = spreads.map((sd) => planPolicy({ plan, leadTime: { mean: L, sd }, reviewPeriod: R, target: { kind: "cycle", level: 0.95 }, seed: i }).safetyStock)
      if (!intermittent) {
        // normal approach: the formula grows with σL
        for (let k = 1; k < ss.length; k++) expect(ss[k]).toBeGreaterThanOrEqual(ss[k - 1])
      } else {
        // bootstrap: jittering the lead time can move a sample value across a rounding boundary,
        // so a small spread may cost one unit; a spread as large as the lead time never does
        for (let k = 1; k < ss.length; k++) expect(ss[k]).toBeGreaterThanOrEqual(ss[k - 1] - 1)
        expect(ss[3]).toBeGreaterThanOrEqual(ss[0])
      }
      totals.forEach((_, k) => (totals[k] += ss[k]))
      const fillLow = planPolicy({ plan, leadTime: { mean: L }, reviewPeriod: R, target: { kind: "fill", level: 0.9 } })
      const fillHigh = planPolicy({ plan, leadTime: { mean: L }, reviewPeriod: R, target: { kind: "fill", level: 0.99 } })
      expect(fillHigh.orderUpTo).toBeGreaterThanOrEqual(fillLow.orderUpTo)
    }
    // summed over the items, safety stock rises strictly with every step of lead-time spread
    for (let k = 1; k < totals.length; k++) expect(totals[k]).toBeGreaterThan(totals[k - 1])
  })

  it("bootstraps intermittent demand to about the promised service on Poisson slow movers", () => {
    const r = mulberry32(4242)
    let covered = 0
    const cases = 40
    for (let i = 0; i < cases; i++) {
      const lambda = 0.1 + r() * 0.4
      const y = new Float64Array(365)
      for (let t = 0; t < 365; t++) y[t] = poisson(r, lambda)
      const plan = planSeries({ demand: y, protection: 8 })
      expect(plan.class === "intermittent" || plan.class === "lumpy").toBe(true)
      const p = planPolicy({ plan, leadTime: { mean: 7 }, reviewPeriod: 1, target: { kind: "cycle", level: 0.95 } })
      expect(p.approach).toBe("bootstrap")
      covered += poissonCdf(p.orderUpTo, 8 * lambda)
    }
    // the true probability that 8 days of demand fit under S, averaged over the items
    expect(covered / cases).toBeGreaterThan(0.93)
    expect(covered / cases).toBeLessThan(0.995)
  })

  it("bootstrap quantile converges as replicates grow", () => {
    const r = mulberry32(5)
    const y = new Float64Array(365)
    for (let t = 0; t < 365; t++) y[t] = r() < 0.2 ? 1 + Math.floor(r() * 6) : 0
    const plan = planSeries({ demand: y, protection: 8 })
    const spread = (B: number) => {
      const levels: number[] = []
      for (let seed = 1; seed <= 12; seed++) {
        levels.push(planPolicy({ plan, leadTime: { mean: 7, sd: 3 }, reviewPeriod: 1, target: { kind: "cycle", level: 0.95 }, seed, replicates: B }).orderUpTo)
      }
      return Math.max(...levels) - Math.min(...levels)
    }
    const small = spread(50)
    const large = spread(40000)
    expect(small).toBeGreaterThan(large)
    expect(large).toBeLessThanOrEqual(1)
    // same seed, same answer
    const a = planPolicy({ plan, leadTime: { mean: 7, sd: 3 }, reviewPeriod: 1, seed: 9 })
    const b = planPolicy({ plan, leadTime: { mean: 7, sd: 3 }, reviewPeriod: 1, seed: 9 })
    expect(b).toEqual(a)
  })

  it("with a fixed lead time uses the error sample exactly (continuity-corrected quantile)", () => {
    // 20 cumulative errors −4 … 15 around a 4-unit forecast over R + L: values 0 … 19,
    // 95 % → the 19th smallest = 18, minus ½ rounded up → 18
    const sample = Array.from({ length: 20 }, (_, i) => i - 4)
    const plan = flatPlan("intermittent", 1, 10, 6, 4, sample)
    const p = planPolicy({ plan, leadTime: { mean: 3 }, reviewPeriod: 1, target: { kind: "cycle", level: 0.95 } })
    expect(p.approach).toBe("bootstrap")
    expect(p.orderUpTo).toBe(18)
    expect(p.protectionDemand).toBe(4)
    expect(p.safetyStock).toBe(14)
  })
})

describe("ABC–XYZ defaults, overrides, rounding", () => {
  it("classes items by value share and by CV", () => {
    // by value: 50 (share before 0) A, 30 (0.5) A, 10 (0.8) B, the first 5 (0.9) B, the second 5 (0.95) C
    expect(abcClasses([5, 50, 10, 30, 5])).toEqual(["B", "A", "B", "A", "C"])
    expect(xyzClass(0.5)).toBe("X")
    expect(xyzClass(0.51)).toBe("Y")
    expect(xyzClass(1.0)).toBe("Y")
    expect(xyzClass(1.2)).toBe("Z")
    expect(defaultTarget("A", "X")).toEqual({ kind: "cycle", level: 0.98 })
    expect(defaultTarget("C", "Z").level).toBe(DEFAULT_SERVICE_TARGETS.CZ)
  })

  it("takes the target from the class, a territory's table, or 95 %", () => {
    const plan = flatPlan("smooth", 10, 28, 4, 4)
    const base = { plan, leadTime: { mean: 4 }, reviewPeriod: 0 }
    expect(planPolicy({ ...base, abc: "A", xyz: "X" }).target).toEqual({ kind: "cycle", level: 0.98, source: "abc-xyz" })
    const table = { ...DEFAULT_SERVICE_TARGETS, AX: 0.995 }
    expect(planPolicy({ ...base, abc: "A", xyz: "X", targets: table }).target.level).toBe(0.995)
    expect(planPolicy(base).target).toEqual({ kind: "cycle", level: 0.95, source: "default" })
    expect(planPolicy({ ...base, abc: "A", xyz: "X" }).orderUpTo).toBeGreaterThan(planPolicy({ ...base, abc: "C", xyz: "Z" }).orderUpTo)
  })

  it("lets merchant overrides win and reports them", () => {
    const plan = flatPlan("smooth", 10, 28, 4, 4)
    const base = { plan, leadTime: { mean: 4 }, reviewPeriod: 7, target: { kind: "cycle" as const, level: 0.95 } }
    const computed = planPolicy(base)
    const o = planPolicy({ ...base, override: { min: 20, max: 200 } })
    expect(o.reorderPoint).toBe(20)
    expect(o.orderUpTo).toBe(200)
    expect(o.overrides).toEqual(["min", "max"])
    expect(o.computed).toEqual({ safetyStock: computed.safetyStock, reorderPoint: computed.reorderPoint, orderUpTo: computed.orderUpTo })
    const onlyMin = planPolicy({ ...base, override: { min: 500 } })
    expect(onlyMin.reorderPoint).toBe(500)
    expect(onlyMin.orderUpTo).toBe(500)
    const previous = { safetyStock: 1, reorderPoint: 2, orderUpTo: 3 }
    const frozen = planPolicy({ ...base, override: { frozen: true }, previous })
    expect([frozen.safetyStock, frozen.reorderPoint, frozen.orderUpTo]).toEqual([1, 2, 3])
    expect(frozen.overrides).toEqual(["frozen"])
    expect(() => planPolicy({ ...base, override: { frozen: true } })).toThrow(/previous/)
    expect(() => planPolicy({ ...base, override: { min: 10, max: 5 } })).toThrow(/below/)
    expect(planPolicy(base).overrides).toEqual([])
  })

  it("rounds orders up to case packs and the minimum order quantity", () => {
    const policy = { reorderPoint: 10, orderUpTo: 30, casePack: 12, moq: 0 }
    expect(orderQuantity(policy, 11)).toBe(0)
    expect(orderQuantity(policy, 10)).toBe(24) // 20 → 2 cases
    expect(orderQuantity(policy, 6)).toBe(24)
    expect(orderQuantity(policy, 5)).toBe(36) // 25 → 3 cases
    expect(orderQuantity({ ...policy, moq: 40 }, 10)).toBe(48)
    expect(orderQuantity({ ...policy, casePack: 1, moq: 0 }, -5)).toBe(35)
  })

  it("plans nothing for a series without demand", () => {
    const plan = planSeries({ demand: new Array(100).fill(0) })
    const p = planPolicy({ plan, leadTime: { mean: 5, sd: 2 }, reviewPeriod: 7 })
    expect(p.approach).toBe("none")
    expect([p.safetyStock, p.reorderPoint, p.orderUpTo]).toEqual([0, 0, 0])
  })

  it("has small helpers that behave", () => {
    expect(cumulative([1, 2, 3], 1.5)).toBe(2)
    expect(cumulative([1, 2, 3], 4.5)).toBe(9) // past the horizon the mean of the last days repeats
    const a = Float64Array.from([5, 1, 4, 2, 3])
    expect(select(a, 0)).toBe(1)
    expect(select(Float64Array.from([5, 1, 4, 2, 3]), 3)).toBe(4)
  })

  it("validates its input", () => {
    const plan = flatPlan("smooth", 10, 28, 4, 4)
    expect(() => planPolicy({ plan, leadTime: { mean: -1 } })).toThrow(/leadTime/)
    expect(() => planPolicy({ plan, leadTime: { mean: 1 }, target: { kind: "cycle", level: 1 } })).toThrow(/target/)
  })
})
