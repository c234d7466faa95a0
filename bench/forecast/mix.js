// Seeded retail shop × SKU mix of daily series (365 days of history + 28 days ahead), the shapes
// a chain's shop-level demand has: mostly slow and intermittent, some smooth weekly-seasonal
// fast movers, erratic and lumpy items, stock-out runs (censored days), promotions and the
// Chinese public holidays of the shipped table.
const { mulberry32 } = require("../lib/stats")
const { cnHolidayFlags, EVENT_PROMO, EVENT_HOLIDAY } = require("../../src/lib/forecast")

const DAYS = 365
const AHEAD = 28
const START = "2025-11-24" // the year up to 2026-11-23

function poisson(r, lambda) {
  if (lambda <= 0) return 0
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gauss(r)))
  const L = Math.exp(-lambda)
  let k = 0
  let p = 1
  do {
    k++
    p *= r()
  } while (p > L)
  return k - 1
}

function gauss(r) {
  const u = r() || 1e-12
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r())
}

function geometric(r, mean) {
  // 1 + Geometric on {0, 1, …} with the given mean ≥ 1
  const p = 1 / mean
  return 1 + Math.floor(Math.log(r() || 1e-12) / Math.log(1 - p + 1e-12))
}

const KINDS = [
  ["slow", 0.5],
  ["lumpy", 0.15],
  ["smooth", 0.25],
  ["erratic", 0.1],
]

function generateMix(count, seed) {
  const r = mulberry32(seed)
  const holidays = cnHolidayFlags(START, DAYS + AHEAD)
  const series = []
  const kinds = {}
  for (let i = 0; i < count; i++) {
    let u = r()
    let kind = KINDS[KINDS.length - 1][0]
    for (const [k, share] of KINDS) {
      if (u < share) {
        kind = k
        break
      }
      u -= share
    }
    kinds[kind] = (kinds[kind] ?? 0) + 1
    const demand = new Float64Array(DAYS)
    const censored = new Uint8Array(DAYS)
    const events = new Uint8Array(DAYS)
    const futureEvents = new Uint8Array(AHEAD)
    const weekend = 1 + r() * 0.6
    const trend = (r() - 0.5) * 0.002
    const holidayLift = 0.6 + r() * 1.2
    const promoLift = 1.5 + r() * 1.5
    // promotions: 0–4 windows of 3–7 days, maybe one ahead
    if (r() < 0.3) {
      const windows = 1 + Math.floor(r() * 4)
      for (let w = 0; w < windows; w++) {
        const s = Math.floor(r() * (DAYS - 7))
        const len = 3 + Math.floor(r() * 5)
        for (let d = s; d < s + len && d < DAYS; d++) events[d] |= EVENT_PROMO
      }
      if (r() < 0.5) for (let d = 10; d < 15; d++) futureEvents[d] |= EVENT_PROMO
    }
    for (let d = 0; d < DAYS; d++) events[d] |= holidays[d]
    for (let d = 0; d < AHEAD; d++) futureEvents[d] |= holidays[DAYS + d]
    const base = kind === "slow" ? 0.03 + r() * 0.3 : kind === "lumpy" ? 0.05 + r() * 0.3 : kind === "smooth" ? 3 + r() * 37 : 1 + r() * 8
    const size = kind === "lumpy" ? 3 + r() * 6 : 1.3
    for (let d = 0; d < DAYS; d++) {
      const dow = (d + 0) % 7 // 2025-11-24 is a Monday
      let level = base * (1 + trend * d) * (dow >= 5 ? weekend : 1)
      if (events[d] & EVENT_PROMO) level *= promoLift
      if (events[d] & EVENT_HOLIDAY) level *= holidayLift
      let v
      if (kind === "slow" || kind === "lumpy") v = r() < Math.min(0.9, level) ? (kind === "slow" ? (r() < 0.7 ? 1 : geometric(r, size)) : geometric(r, size)) : 0
      else if (kind === "smooth") v = poisson(r, level)
      else v = poisson(r, level * Math.exp(gauss(r) * 0.9 - 0.4))
      demand[d] = v
    }
    // stock-out runs: a third of the items run out once or twice for 2–14 days (sales 0, censored)
    if (r() < 0.33) {
      const runs = 1 + Math.floor(r() * 2)
      for (let k = 0; k < runs; k++) {
        const s = Math.floor(r() * (DAYS - 14))
        const len = 2 + Math.floor(r() * 13)
        for (let d = s; d < s + len; d++) {
          censored[d] = 1
          demand[d] = 0
        }
      }
    }
    series.push({
      kind,
      demand,
      censored,
      events,
      futureEvents,
      leadMean: 2 + Math.floor(r() * 9),
      leadSd: r() < 0.5 ? 0 : 0.5 + r() * 2,
      review: r() < 0.5 ? 7 : 1,
      casePack: r() < 0.5 ? 1 : [6, 12, 24][Math.floor(r() * 3)],
      moq: r() < 0.7 ? 0 : 12,
      abc: r() < 0.2 ? "A" : r() < 0.5 ? "B" : "C",
    })
  }
  return { series, kinds }
}

module.exports = { generateMix, DAYS, AHEAD, START }
