import type { DemandClass } from "../../forecast"
import { mulberry32 } from "../../random"
import {
  buildSizePool,
  compoundFillLevels,
  compoundPowers,
  demandSizes,
  gridStep,
  leadTimePoints,
  lossCurve,
  planPolicy,
  sizeDistribution,
  SIZE_POOL_WEIGHT,
  type PolicyInput,
} from ".."

/** A flat-forecast plan with a given error sample (cumulative over h periods). */
function plan(cls: DemandClass, perPeriod: number, h: number, sample: number[]): PolicyInput["plan"] {
  const n = sample.length
  const mean = sample.reduce((s, v) => s + v, 0) / n
  const hSd = Math.sqrt(sample.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1))
  return {
    class: cls,
    forecast: new Array(28).fill(perPeriod),
    error: { mean: 0, sd: hSd / Math.sqrt(h), n, h, hMean: mean, hSd, sample: Float64Array.from(sample), sampleForecast: new Float64Array(n).fill(perPeriod * h) },
  }
}

const near = (a: ArrayLike<number>, b: number[]) => {
  expect(a.length).toBe(b.length)
  for (let i = 0; i < b.length; i++) expect(a[i]).toBeCloseTo(b[i], 12)
}

describe("compound (occurrence × size) demand", () => {
  it("takes the sizes of observed baseline periods only", () => {
    // day 3 is censored (a stock-out) and day 4 a promotion: neither is a size
    near(demandSizes([0, 2, 0, 3, 1, 0], [0, 0, 0, 1, 0, 0], [0, 0, 0, 0, 1, 0]), [2])
    near(demandSizes([0, 2, 0, 3]), [2, 3])
  })

  it("pools sizes scaled by each series' mean size, per class, from series with two sizes or more", () => {
    const pool = buildSizePool([
      { class: "intermittent", sizes: [1, 3] }, // mean 2 → 0.5, 1.5
      { class: "intermittent", sizes: [4] }, // one size: no shape
      { class: "smooth", sizes: [5, 10] }, // not pooled
      { class: "lumpy", sizes: [2, 2, 8] }, // mean 4 → 0.5, 0.5, 2
    ])
    near(pool.intermittent!, [0.5, 1.5])
    near(pool.lumpy!, [0.5, 0.5, 2])
    expect(pool.smooth).toBeUndefined()
  })

  it("mixes own and pooled sizes on the integers, the pool with weight SIZE_POOL_WEIGHT", () => {
    near(sizeDistribution([1, 3], null).pmf, [0, 0.5, 0, 0.5, 0])
    expect(sizeDistribution([1, 3], null).mean).toBeCloseTo(2, 12)
    // own size 2 (weight 1); pooled 0.5 and 1.5 times the mean size 2 → 1 and 3, weight W / 2 each
    const W = SIZE_POOL_WEIGHT
    const d = sizeDistribution([2], Float64Array.of(0.5, 1.5))
    near(d.pmf, [0, W / 2 / (1 + W), 1 / (1 + W), W / 2 / (1 + W), 0])
    // a scaled size between two integers is split between them, keeping its mean
    near(sizeDistribution([2.25], null).pmf, [0, 0, 0.75, 0.25, 0])
  })

  it("computes the demand over n periods exactly", () => {
    // p = 0.5, size always 1: Binomial(2, ½) = ¼ ½ ¼
    const pw = compoundPowers(0.5, Float64Array.of(0, 1), 2)
    near(pw[0], [1])
    near(pw[1], [0.5, 0.5])
    near(pw[2], [0.25, 0.5, 0.25])
    // p = 0.5, size 1 or 2 with ½ each: one period 0.5, 0.25, 0.25
    near(compoundPowers(0.5, Float64Array.of(0, 0.5, 0.5), 1)[1], [0.5, 0.25, 0.25])
    // E[(D − S)⁺] of ¼ ½ ¼: 1, ¼, 0, 0
    near(lossCurve(Float64Array.of(0.25, 0.5, 0.25), 4), [1, 0.25, 0, 0])
  })

  it("spreads a random lead time over whole periods", () => {
    expect(leadTimePoints(2, 0)).toEqual([{ lead: 2, weight: 1 }])
    expect(leadTimePoints(2.5, 0)).toEqual([
      { lead: 2, weight: 0.5 },
      { lead: 3, weight: 0.5 },
    ])
    const pts = leadTimePoints(6, 1)
    expect(pts.reduce((s, p) => s + p.weight, 0)).toBeCloseTo(1, 12)
    expect(pts.reduce((s, p) => s + p.lead * p.weight, 0)).toBeCloseTo(6, 6)
    // the mass below 0.5 goes to a lead time of 0
    expect(leadTimePoints(0.2, 1)[0].lead).toBe(0)
  })

  it("solves the fill-rate levels by hand", () => {
    // forecast 0.5 a period, every size 1 → p = 0.5; L = 1, R = 1.
    // D(L) ~ Bin(1, ½): E[(D(L) − S)⁺] = ½, 0; D(L+R) ~ Bin(2, ½): E[(D(L+R) − S)⁺] = 1, ¼, 0.
    // Shortage per cycle: ½ at S = 0, ¼ at S = 1, 0 at S = 2.
    // β = 0.9 → allowed 0.05 → S = 2, s = 1; β = 0.5 → allowed 0.25 → S = 1, s = 1.
    expect(compoundFillLevels(0.5, [1, 1], null, 1, 0, 1, 0.05)).toEqual({ orderUpTo: 2, reorderPoint: 1 })
    expect(compoundFillLevels(0.5, [1, 1], null, 1, 0, 1, 0.25)).toEqual({ orderUpTo: 1, reorderPoint: 1 })
    // not intermittent (forecast ≥ mean size), no sizes, or no whole review period: no model
    expect(compoundFillLevels(2, [1, 1], null, 1, 0, 1, 0.1)).toBeNull()
    expect(compoundFillLevels(0.5, [], null, 1, 0, 1, 0.1)).toBeNull()
    expect(compoundFillLevels(0.5, [1], null, 1, 0, 0, 0.1)).toBeNull()
    // through planPolicy: a fill target of an intermittent series with its sizes
    const p = plan("intermittent", 0.5, 2, [-1, -1, -1, 0, 0, 1, 1, 1, 2, 3])
    const fill = planPolicy({ plan: p, leadTime: { mean: 1 }, reviewPeriod: 1, target: { kind: "fill", level: 0.9 }, sizes: [1, 1] })
    expect(fill.approach).toBe("compound")
    expect(fill.orderUpTo).toBe(2)
    expect(fill.reorderPoint).toBe(1)
    expect(fill.safetyStock).toBe(1)
    // a cycle target keeps the bootstrap; without sizes the fill target does too
    expect(planPolicy({ plan: p, leadTime: { mean: 1 }, reviewPeriod: 1, target: { kind: "cycle", level: 0.9 }, sizes: [1, 1] }).approach).toBe("bootstrap")
    expect(planPolicy({ plan: p, leadTime: { mean: 1 }, reviewPeriod: 1, target: { kind: "fill", level: 0.9 } }).approach).toBe("bootstrap")
  })

  it("sees the pooled tail: a series with only small orders still stocks for a rare large one", () => {
    const own = [1, 1, 1, 1, 2]
    const pooled = Float64Array.from({ length: 100 }, (_, i) => (i < 95 ? 0.8 : 6)) // 5 % of orders are 6× the mean
    const alone = compoundFillLevels(0.3, own, null, 1, 0, 1, 0.05 * 0.3)!
    const withPool = compoundFillLevels(0.3, own, pooled, 1, 0, 1, 0.05 * 0.3)!
    expect(withPool.orderUpTo).toBeGreaterThan(alone.orderUpTo)
  })

  it("grows with the fill target and with lead-time spread", () => {
    const r = mulberry32(99)
    const totals = [0, 0, 0, 0]
    for (let i = 0; i < 40; i++) {
      const sizes = Array.from({ length: 5 + Math.floor(r() * 40) }, () => 1 + Math.floor(r() * r() * 12))
      const mean = sizes.reduce((s, v) => s + v, 0) / sizes.length
      const perPeriod = mean * (0.02 + r() * 0.5)
      const L = 1 + Math.floor(r() * 10)
      const R = r() < 0.5 ? 1 : 7
      let prev = -1
      for (const beta of [0.8, 0.9, 0.95, 0.98, 0.995]) {
        const lv = compoundFillLevels(perPeriod, sizes, null, L, 1, R, (1 - beta) * perPeriod * R)!
        expect(lv.orderUpTo).toBeGreaterThanOrEqual(prev)
        prev = lv.orderUpTo
      }
      const spreads = [0, L / 4, L / 2, L]
      const levels = spreads.map((sd) => compoundFillLevels(perPeriod, sizes, null, L, sd, R, 0.05 * perPeriod * R)!.orderUpTo)
      for (let k = 1; k < levels.length; k++) expect(levels[k]).toBeGreaterThanOrEqual(levels[k - 1] - 1)
      expect(levels[3]).toBeGreaterThanOrEqual(levels[0])
      levels.forEach((v, k) => (totals[k] += v))
    }
    for (let k = 1; k < totals.length; k++) expect(totals[k]).toBeGreaterThan(totals[k - 1])
  })
})

describe("compound model: bounded work", () => {
  it("computes small lots exactly and puts large lots or long lead times on a coarser grid", () => {
    expect(gridStep(12, 0.2, 2)).toBe(1)
    expect(gridStep(30, 0.3, 15)).toBe(1)
    expect(gridStep(2000, 0.3, 10)).toBeGreaterThan(1)
    expect(gridStep(40, 0.3, 100)).toBeGreaterThan(1)
    // A lead time of thousands of periods (a typo in the lead-time options) gives up instead of
    // allocating thousands of convolutions.
    expect(gridStep(5, 0.3, 5000)).toBeNull()
    expect(compoundFillLevels(0.5, [1, 2, 3], null, 30, 2000, 1, 0.05)).toBeNull()
  })

  it("a coarse grid gives the exact levels scaled: lots ×100 need about 100× the stock", () => {
    const sizes = [1, 1, 2, 3, 5, 8]
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length
    const small = compoundFillLevels(0.3 * mean, sizes, null, 5, 1, 1, 0.05 * 0.3 * mean)!
    const step = gridStep(800, 0.3, 10)!
    expect(step).toBeGreaterThan(1)
    const large = compoundFillLevels(30 * mean, sizes.map((x) => x * 100), null, 5, 1, 1, 5 * 0.3 * mean)!
    expect(large.orderUpTo % step).toBe(0)
    expect(Math.abs(large.orderUpTo - 100 * small.orderUpTo)).toBeLessThanOrEqual(100 + step)
    expect(Math.abs(large.reorderPoint - 100 * small.reorderPoint)).toBeLessThanOrEqual(100 + step)
  })
})
