import { EVENT_PROMO, planSeries, type SeriesPlan } from ".."
import { mulberry32 } from "../../random"

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

/** A seeded daily series: weekly season, optional trend, Poisson noise. */
function smoothSeries(r: () => number, n: number, base: number, weekend = 1.5, trend = 0): Float64Array {
  const y = new Float64Array(n)
  for (let t = 0; t < n; t++) y[t] = poisson(r, Math.max(0.1, base * (1 + trend * t) * (t % 7 >= 5 ? weekend : 1)))
  return y
}

function intermittentSeries(r: () => number, n: number, p: number, maxSize: number): Float64Array {
  const y = new Float64Array(n)
  for (let t = 0; t < n; t++) y[t] = r() < p ? 1 + Math.floor(r() * maxSize) : 0
  return y
}

describe("planSeries: hand-computed cases", () => {
  it("SES with α = 0.5 on a six-period series", () => {
    // w = max(2, min(7, floor(6 / 3))) = 2 → l0 = (4 + 6) / 2 = 5, then l += 0.5 (y − l):
    // 4.5, 5.25, 5.125, 6.0625, 4.53125, 4.765625
    const plan = planSeries({ demand: [4, 6, 5, 7, 3, 5], period: 0, horizon: 3, protection: 2, methods: ["ses"], grids: { ses: [0.5] } })
    expect(plan.method).toBe("ses")
    expect(plan.params.alpha).toBe(0.5)
    expect(plan.forecast).toEqual([4.765625, 4.765625, 4.765625])
    // one-step errors from origin t0 = 2: 7 − 5.125, 3 − 6.0625, 5 − 4.53125
    expect(plan.error.n).toBe(3)
    expect(plan.error.mean).toBeCloseTo((1.875 - 3.0625 + 0.46875) / 3, 12)
    // two-period cumulative errors: (7 + 3) − 2·5.125 and (3 + 5) − 2·6.0625
    expect(Array.from(plan.error.sample)).toEqual([-0.25, -4.125])
    expect(plan.error.h).toBe(2)
  })

  it("Croston and SBA with α = 0.1", () => {
    // w = 3: first three periods [0, 0, 3] → size 3, interval 3. Demands at t = 2 (interval 3),
    // t = 6 (interval 4: z 2.9, p 3.1) and t = 8 (interval 2: z 3.01, p 2.99).
    const demand = [0, 0, 3, 0, 0, 0, 2, 0, 4, 0]
    const croston = planSeries({ demand, period: 0, horizon: 2, methods: ["croston"], grids: { croston: [0.1] } })
    expect(croston.method).toBe("croston")
    expect(croston.forecast[0]).toBeCloseTo(3.01 / 2.99, 12)
    const sba = planSeries({ demand, period: 0, horizon: 2, methods: ["sba"], grids: { croston: [0.1] } })
    expect(sba.method).toBe("sba")
    expect(sba.forecast[0]).toBeCloseTo((3.01 / 2.99) * 0.95, 12)
  })

  it("TSB with α = 0.1, β = 0.2", () => {
    // w = 3: [0, 2, 0] → size 2, probability 1/3; then per period p += β(1{y>0} − p), z += α(y − z) on demand
    const demand = [0, 2, 0, 0, 4, 0, 0, 0, 0]
    let p = 1 / 3
    let z = 2
    for (const v of demand) {
      if (v > 0) {
        p += 0.2 * (1 - p)
        z += 0.1 * (v - z)
      } else p -= 0.2 * p
    }
    const plan = planSeries({ demand, period: 0, horizon: 1, methods: ["tsb"], grids: { tsb: [[0.1, 0.2]] } })
    expect(plan.forecast[0]).toBeCloseTo(p * z, 12)
  })
})

describe("planSeries: classification gates the menu", () => {
  it("classifies by ADI and CV² over observed periods", () => {
    expect(planSeries({ demand: new Array(60).fill(3) }).class).toBe("smooth")
    expect(planSeries({ demand: new Array(60).fill(0) }).class).toBe("none")
    expect(planSeries({ demand: new Array(60).fill(0) }).method).toBe("zero")
    // a sale every other day: ADI 2 → intermittent
    expect(planSeries({ demand: Array.from({ length: 60 }, (_, i) => (i % 2 ? 2 : 0)) }).class).toBe("intermittent")
  })

  it("never fits Holt or Holt-Winters to intermittent or lumpy series, even with a trend", () => {
    const r = mulberry32(11)
    for (let i = 0; i < 60; i++) {
      const n = 200 + Math.floor(r() * 200)
      const y = intermittentSeries(r, n, 0.05 + r() * 0.4, 1 + Math.floor(r() * 12))
      for (let t = 0; t < n; t++) if (y[t] > 0) y[t] += Math.floor((t / n) * 5) // growing sizes
      const plan = planSeries({ demand: y })
      if (plan.class === "intermittent" || plan.class === "lumpy") {
        expect(["ses", "croston", "sba", "tsb"]).toContain(plan.method)
      }
    }
  })

  it("finds the weekly season of a smooth seasonal series", () => {
    const r = mulberry32(5)
    const y = smoothSeries(r, 365, 20, 2.0)
    const plan = planSeries({ demand: y, period: 7, horizon: 14 })
    expect(plan.class).toBe("smooth")
    expect(plan.method === "hw-add" || plan.method === "hw-mul").toBe(true)
    // periods 365 … : day 365 % 7 = 1 → weekend days are k = 4, 5 (t % 7 = 5, 6)
    const weekday = plan.forecast[0]
    const weekendDay = plan.forecast[4]
    expect(weekendDay / weekday).toBeGreaterThan(1.6)
    expect(weekendDay / weekday).toBeLessThan(2.4)
  })
})

describe("planSeries: properties over seeded series", () => {
  it("forecasts are never negative, whatever the method", () => {
    const r = mulberry32(99)
    for (let i = 0; i < 80; i++) {
      const n = 60 + Math.floor(r() * 300)
      const kind = i % 3
      const y =
        kind === 0
          ? smoothSeries(r, n, 1 + r() * 30, 1 + r(), -1 / n) // falling to nothing
          : kind === 1
            ? intermittentSeries(r, n, 0.02 + r() * 0.5, 1 + Math.floor(r() * 20))
            : smoothSeries(r, n, 5, 1.2, 0.01)
      if (kind === 0) for (let t = Math.floor(n * 0.8); t < n; t++) y[t] = 0
      const plan = planSeries({ demand: y, horizon: 56 })
      for (const v of plan.forecast) expect(v).toBeGreaterThanOrEqual(0)
      for (const v of plan.baseline) expect(v).toBeGreaterThanOrEqual(0)
    }
  })

  it("censored stock-out days do not pull the level down", () => {
    const r = mulberry32(2024)
    for (let i = 0; i < 40; i++) {
      const n = 180
      const intermittent = i % 2 === 1
      const y = intermittent ? intermittentSeries(r, n, 0.3, 4) : smoothSeries(r, n, 4 + r() * 20, 1)
      // a stock-out run near the end: nothing sold, flagged as censored
      const start = n - 20 - Math.floor(r() * 20)
      const len = 5 + Math.floor(r() * 10)
      const censored = new Uint8Array(n)
      const sales = Float64Array.from(y)
      for (let t = start; t < start + len; t++) {
        sales[t] = 0
        censored[t] = 1
      }
      // the same days removed from the history altogether
      const kept = Array.from(y).filter((_, t) => !censored[t])
      const methods = intermittent ? (["croston"] as const) : (["ses"] as const)
      const grids = { ses: [0.2], croston: [0.2] }
      const asCensored = planSeries({ demand: sales, censored, period: 0, methods, grids })
      const asZeros = planSeries({ demand: sales, period: 0, methods, grids })
      const asRemoved = planSeries({ demand: kept, period: 0, methods, grids })
      expect(asCensored.forecast[0]).toBeCloseTo(asRemoved.forecast[0], 9)
      expect(asCensored.forecast[0]).toBeGreaterThan(asZeros.forecast[0])
      expect(asCensored.censored).toBe(len)
    }
  })

  it("is deterministic", () => {
    const r = mulberry32(3)
    const y = intermittentSeries(r, 365, 0.2, 5)
    const a = planSeries({ demand: y })
    const b = planSeries({ demand: Float64Array.from(y) })
    expect(b).toEqual(a)
  })
})

describe("planSeries: events, cold start, error distribution", () => {
  it("estimates a promotion factor from history and applies it to future promotion days", () => {
    const r = mulberry32(8)
    const n = 240
    const events = new Uint8Array(n)
    const y = new Float64Array(n)
    for (let t = 0; t < n; t++) {
      const promo = t % 30 >= 25 // 5 promotion days a month
      if (promo) events[t] = EVENT_PROMO
      y[t] = poisson(r, promo ? 30 : 10)
    }
    const futureEvents = new Uint8Array(14)
    futureEvents[3] = EVENT_PROMO
    const plan = planSeries({ demand: y, events, futureEvents, period: 0, horizon: 14 })
    expect(plan.eventFactors[0]).toBeGreaterThan(2.6)
    expect(plan.eventFactors[0]).toBeLessThan(3.4)
    expect(plan.forecast[3] / plan.forecast[2]).toBeCloseTo(plan.eventFactors[0], 9)
    // promotion days are not baseline: the level stays near 10, not pulled up towards 30
    expect(plan.baseline[0]).toBeGreaterThan(8.5)
    expect(plan.baseline[0]).toBeLessThan(11.5)
  })

  it("borrows a profile when the history is short, and says so", () => {
    const r = mulberry32(12)
    const profile = smoothSeries(r, 200, 10, 1.5)
    const own = Array.from(profile.subarray(190)).map((v) => 2 * v) // 10 days, twice the profile's level
    const plan = planSeries({ demand: own, profile: { demand: profile, label: "category:drinks@shop_1" } })
    expect(plan.borrowed).not.toBeNull()
    expect(plan.borrowed!.label).toBe("category:drinks@shop_1")
    expect(plan.borrowed!.ownPeriods).toBe(10)
    // 14 pseudo-periods of the profile's level shrink the own ratio (2) towards 1
    expect(plan.borrowed!.scale).toBeGreaterThan(1.2)
    expect(plan.borrowed!.scale).toBeLessThan(1.8)
    const base = planSeries({ demand: profile })
    expect(plan.forecast[0]).toBeCloseTo(base.forecast[0] * plan.borrowed!.scale, 9)
    expect(plan.error.sample.length).toBe(base.error.sample.length)

    const long = planSeries({ demand: profile, profile: { demand: profile, label: "x" } })
    expect(long.borrowed).toBeNull()
    const noProfile = planSeries({ demand: own })
    expect(noProfile.borrowed).toBeNull()
  })

  it("returns the h-step error distribution the safety stock needs", () => {
    const r = mulberry32(21)
    const y = intermittentSeries(r, 365, 0.25, 3)
    const plan: SeriesPlan = planSeries({ demand: y, protection: 10 })
    expect(plan.error.h).toBe(10)
    expect(plan.error.sample.length).toBeGreaterThan(300)
    expect(plan.error.sampleForecast.length).toBe(plan.error.sample.length)
    let s = 0
    for (const e of plan.error.sample) s += e
    expect(plan.error.hMean).toBeCloseTo(s / plan.error.sample.length, 9)
    // cumulative 10-day errors spread wider than one-day errors
    expect(plan.error.hSd).toBeGreaterThan(2 * plan.error.sd)
  })

  it("rejects a bad horizon or period", () => {
    expect(() => planSeries({ demand: [1, 2, 3], horizon: 0 })).toThrow(/horizon/)
    expect(() => planSeries({ demand: [1, 2, 3], period: -1 })).toThrow(/period/)
  })
})
