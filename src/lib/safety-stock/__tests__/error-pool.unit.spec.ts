import type { DemandClass } from "../../forecast"
import { mulberry32 } from "../../random"
import { buildErrorPool, nearest, planPolicy, POOL_NEIGHBOURS, POOL_WEIGHT, pooledSample, type PolicyInput } from ".."

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

/** Series of Poisson(λ·h) lead-time demand with errors against the true mean λ·h. */
function poissonPlans(count: number, lambda: number, h: number, errors: number, seed: number) {
  const r = mulberry32(seed)
  const out: PolicyInput["plan"][] = []
  for (let i = 0; i < count; i++) {
    const s: number[] = []
    for (let j = 0; j < errors; j++) s.push(poisson(r, lambda * h) - lambda * h)
    if (s.every((v) => v === s[0])) s[0] += 1 // keep a positive sd
    out.push(plan("intermittent", lambda, h, s))
  }
  return out
}

describe("error pool", () => {
  it("finds nearest keys by hand", () => {
    const keys = Float64Array.from([0, 1, 2, 3, 10])
    const seen: number[] = []
    expect(nearest(keys, 2.2, 3, (i) => seen.push(i))).toBe(3)
    expect(seen).toEqual([2, 3, 1])
    const all: number[] = []
    expect(nearest(keys, -5, 10, (i) => all.push(i))).toBe(5)
    expect(all).toEqual([0, 1, 2, 3, 4])
  })

  it("pools standardised errors per class, sorted by signal-to-noise ratio", () => {
    // hand-computable: errors [-1, 1] have sd √2; forecast over h = 2 is 2
    const p = plan("intermittent", 1, 2, [-1, 1])
    const pool = buildErrorPool([p, plan("smooth", 5, 2, [-2, 2])])
    expect(pool.smooth).toBeUndefined()
    const c = pool.intermittent!
    expect(Array.from(c.z)).toEqual([-1 / Math.SQRT2, 1 / Math.SQRT2])
    expect(c.snrKey[0]).toBeCloseTo(Math.log(2 / Math.SQRT2), 12)
    expect(Array.from(c.e)).toEqual([-1, 1])
    expect(c.levelKey[0]).toBeCloseTo(Math.log(2), 12)
  })

  it("leaves the own sample alone without a pool, and mixes with weight POOL_WEIGHT with one", () => {
    const p = plan("intermittent", 1, 2, [-1, 1, -1, 1, -1, 1, -1, 1, -1, 3])
    expect(pooledSample(p.error, "intermittent", 2, null)).toBe(p.error.sample)
    expect(pooledSample(p.error, "lumpy", 2, buildErrorPool([p]))).toBe(p.error.sample)
    const pool = buildErrorPool(poissonPlans(200, 0.5, 2, 30, 7))
    const s = pooledSample(p.error, "intermittent", 2, pool)
    const rep = POOL_NEIGHBOURS / POOL_WEIGHT
    expect(s.length).toBe(10 * rep + POOL_NEIGHBOURS)
    // own share n / (n + POOL_WEIGHT)
    expect((10 * rep) / s.length).toBeCloseTo(10 / (10 + POOL_WEIGHT), 12)
    // from POOL_WEIGHT own errors on: own once + POOL_WEIGHT pooled
    const big = plan("intermittent", 1, 2, Array.from({ length: 40 }, (_, i) => (i % 4) - 1.5))
    expect(pooledSample(big.error, "intermittent", 2, pool).length).toBe(40 + POOL_WEIGHT)
  })

  it.each([
    [13, "a small own sample: the pool lowers the shortfall", false],
    [400, "a large own sample: the loss-function level meets the target", true],
  ])("fill-rate level on Poisson slow movers, %i errors (%s)", (errors, _what, large) => {
    // 300 series, Poisson λ = 0.4 per period, R = 1, L = 1 (h = 2). The loss-function condition
    // is E[(D − S)⁺] ≤ (1 − β)·E[demand per cycle] = 0.05 · 0.4 on the true Poisson(0.8), met
    // from S = 3 on (E[(D − 2)⁺] ≈ 0.058, E[(D − 3)⁺] ≈ 0.011).
    const lambda = 0.4
    const plans = poissonPlans(300, lambda, 2, errors as number, 11)
    const pool = buildErrorPool(plans)
    // true expected shortage of D ~ Poisson(0.8) at level S
    const shortage = (S: number) => {
      let p = Math.exp(-0.8)
      let es = 0
      for (let k = 0; k < 60; k++) {
        if (k > S) es += (k - S) * p
        p *= 0.8 / (k + 1)
      }
      return es
    }
    let metPooled = 0
    let metOwn = 0
    let sumPooled = 0
    let sumOwn = 0
    for (const p of plans) {
      const target = { kind: "fill" as const, level: 0.95 }
      const withPool = planPolicy({ plan: p, leadTime: { mean: 1 }, reviewPeriod: 1, target, pool })
      const own = planPolicy({ plan: p, leadTime: { mean: 1 }, reviewPeriod: 1, target })
      sumPooled += shortage(withPool.orderUpTo)
      sumOwn += shortage(own.orderUpTo)
      if (shortage(withPool.orderUpTo) <= 0.05 * lambda + 1e-12) metPooled++
      if (shortage(own.orderUpTo) <= 0.05 * lambda + 1e-12) metOwn++
    }
    expect(shortage(2)).toBeGreaterThan(0.02)
    expect(shortage(3)).toBeLessThanOrEqual(0.02)
    if (large) {
      expect(metPooled / plans.length).toBeGreaterThan(0.95)
      expect(metOwn / plans.length).toBeGreaterThan(0.95)
    } else {
      expect(metPooled).toBeGreaterThan(metOwn)
      expect(sumPooled).toBeLessThan(sumOwn)
    }
  })

  it("fill-rate and cycle levels grow with the target when pooled", () => {
    const plans = poissonPlans(100, 1.5, 3, 15, 3)
    const pool = buildErrorPool(plans)
    for (const p of plans.slice(0, 20)) {
      for (const kind of ["fill", "cycle"] as const) {
        let last = -1
        for (const level of [0.5, 0.8, 0.9, 0.95, 0.99]) {
          const s = planPolicy({ plan: p, leadTime: { mean: 2 }, reviewPeriod: 1, target: { kind, level }, pool }).orderUpTo
          expect(s).toBeGreaterThanOrEqual(last)
          last = s
        }
      }
    }
  })

  it("is deterministic and ignores plans without spread", () => {
    const plans = poissonPlans(50, 0.3, 2, 12, 5)
    const flat = plan("intermittent", 1, 2, [0, 0, 0])
    const a = buildErrorPool([...plans, { ...flat, error: { ...flat.error, hSd: 0 } }])
    const b = buildErrorPool(plans)
    expect(Array.from(a.intermittent!.z)).toEqual(Array.from(b.intermittent!.z))
    const p = plans[0]
    const x = planPolicy({ plan: p, leadTime: { mean: 1, sd: 0.5 }, reviewPeriod: 1, target: { kind: "fill", level: 0.95 }, pool: a, seed: 9 })
    const y = planPolicy({ plan: p, leadTime: { mean: 1, sd: 0.5 }, reviewPeriod: 1, target: { kind: "fill", level: 0.95 }, pool: b, seed: 9 })
    expect(x.orderUpTo).toBe(y.orderUpTo)
  })
})
