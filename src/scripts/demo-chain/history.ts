/**
 * Generated daily demand history per variant × shop (issue 3): what a year of till and online
 * sales looks like to the forecaster, without placing a million orders.
 *
 * Shapes, all multiplicative on the expected demand of a day:
 * - weekly seasonality by shop kind (mall flagships and street shops sell more at weekends,
 *   convenience minis less; online, served by warehouses, peaks on Sunday evening orders) and a
 *   weekend lean by category;
 * - Chinese public holidays from the shipped table (src/lib/forecast/holidays-cn.ts): rest days
 *   behave like weekend days plus a festival effect (春节 empties street shops and stops
 *   delivery, 国庆 and 劳动节 fill the malls), the fortnight before 春节 sells gift groceries
 *   (年货) and new clothes, mooncakes before 中秋, 粽子 before 端午; 调休 make-up working days
 *   behave like ordinary weekdays even when they fall on a Saturday or Sunday;
 * - a per-series trend (log-linear, a few tens of percent a year either way);
 * - chain-wide promotions (年货节, 38 女王节, 618, 双11, 双12; each covers about a third of the
 *   SKUs of its categories) and a few shop-local promotions a year, flagged on the days they run;
 * - stock-out runs of a few days: sales 0 and the stock-out flag set (censored demand); a pair
 *   whose shelf is empty today ends in a stock-out run;
 * - returns on a few percent of sale days (more for apparel), a few days after the sale.
 *
 * Each series draws from its own stream (seed, shop code, SKU), so it does not depend on the
 * order of generation or on the other series: the seed can be resumed or split across workers.
 *
 * Demand classes (Syntetos–Boylan): each series gets an intended class. Occurrence probability
 * sets the average demand interval (smooth and erratic sell on ≥ 85 % of days, intermittent and
 * lumpy on 2–45 %), the size distribution sets CV² (1 + Poisson for smooth and intermittent,
 * 1 + Poisson with a log-normal mean for erratic and lumpy). Fast classes are more common for
 * groceries and beauty, in flagships and online, and rare for electronics and home goods in minis.
 */
import { summarize, type DayRun, type DemandSeriesData, type DemandSummary } from "../../lib/demand-codec"
import { CN_HOLIDAYS, isoToDay } from "../../lib/forecast/holidays-cn"
import { formatCalendarDate } from "../../lib/opening-hours"
import type { TopCategory } from "./catalog"
import { DEFAULT_SEED, deriveSeed, hashString, mix32 } from "./rng"
import type { ShopKind, ShopStatus } from "./shops"
import { mulberry32 } from "../../lib/random"

export type HistoryClass = "smooth" | "erratic" | "intermittent" | "lumpy"
export const HISTORY_CLASSES: readonly HistoryClass[] = ["smooth", "erratic", "intermittent", "lumpy"]

/** Categories that have stock (services keep none, so they have no series). */
type StockCategory = Exclude<TopCategory, "services">
const CATEGORIES: readonly StockCategory[] = ["apparel", "beauty", "electronics", "grocery", "home"]
const CAT_INDEX: Record<TopCategory, number> = { apparel: 0, beauty: 1, electronics: 2, grocery: 3, home: 4, services: 3 }

/** The day before `now` in Asia/Shanghai (UTC+8, no DST), as a day number since 1970-01-01. */
export function yesterdayInShanghai(now: Date = new Date()): number {
  return Math.floor((now.getTime() + 8 * 3_600_000) / 86_400_000) - 1
}

// ---------------------------------------------------------------- shape parameters

/** Weekday factors Monday … Sunday per shop kind. */
export const WEEKLY: Record<ShopKind, readonly number[]> = {
  flagship: [0.85, 0.85, 0.88, 0.92, 1.05, 1.55, 1.5], // malls
  standard: [0.9, 0.9, 0.92, 0.95, 1.05, 1.3, 1.25], // street shops
  mini: [1.05, 1.05, 1.05, 1.05, 1.08, 0.85, 0.8], // convenience, office districts
  warehouse: [1.05, 1.0, 1.0, 1.0, 0.95, 0.95, 1.1], // online orders served from warehouses
}
/** Extra weekend lean by category (Saturday, Sunday and holiday rest days). */
const WEEKEND_LEAN: Record<StockCategory, number> = { apparel: 1.12, beauty: 1.0, electronics: 1.05, grocery: 0.95, home: 1.1 }

/** Festival effect on rest days by shop kind. 春节: street shops close early and customers go home. */
const FESTIVAL: Record<string, Record<ShopKind, number>> = {
  "spring-festival": { flagship: 0.7, standard: 0.35, mini: 0.4, warehouse: 0.3 },
  "national-day": { flagship: 1.8, standard: 1.4, mini: 1.1, warehouse: 0.9 },
  "national-mid-autumn": { flagship: 1.8, standard: 1.4, mini: 1.1, warehouse: 0.9 },
  "labour-day": { flagship: 1.5, standard: 1.3, mini: 1.0, warehouse: 0.95 },
  other: { flagship: 1.2, standard: 1.1, mini: 1.0, warehouse: 0.95 },
}
/** Days before a festival when a category sells more (gifts): [festival, days before, factor per category]. */
const PRE_FESTIVAL: ReadonlyArray<[string, number, Partial<Record<StockCategory, number>>]> = [
  ["spring-festival", 14, { grocery: 2.4, apparel: 1.4, beauty: 1.3, home: 1.2 }], // 年货, new clothes
  ["mid-autumn", 7, { grocery: 1.8 }], // mooncakes
  ["national-mid-autumn", 7, { grocery: 1.8 }],
  ["dragon-boat", 5, { grocery: 1.4 }], // 粽子
]

interface ChainPromo {
  name: string
  /** Month (1–12) and day of the first and last day; "spring-festival" windows are placed from the table. */
  from: [number, number]
  to: [number, number]
  categories: readonly StockCategory[]
}
export const CHAIN_PROMOS: readonly ChainPromo[] = [
  { name: "womens-day", from: [3, 1], to: [3, 8], categories: ["beauty", "apparel"] }, // 38 女王节
  { name: "618", from: [6, 1], to: [6, 18], categories: ["electronics", "beauty", "apparel", "home"] },
  { name: "double-11", from: [11, 1], to: [11, 11], categories: ["apparel", "beauty", "electronics", "grocery", "home"] },
  { name: "double-12", from: [12, 10], to: [12, 12], categories: ["apparel", "beauty", "electronics", "grocery", "home"] },
]
/** 年货节: the 14 days before 春节's first rest day, groceries and home goods. */
const NEW_YEAR_GOODS: readonly StockCategory[] = ["grocery", "home"]
/** Share of a promotion's categories' SKUs that are on it. */
export const PROMO_SKU_SHARE = 0.35
/** Promotion uplift by category. */
const PROMO_UPLIFT: Record<StockCategory, number> = { apparel: 1.8, beauty: 2.2, electronics: 2.5, grocery: 1.6, home: 1.8 }

/** Share of a category's series in the fast classes (smooth or erratic), before the shop-kind factor. */
const FAST_SHARE: Record<StockCategory, number> = { apparel: 0.12, beauty: 0.28, electronics: 0.1, grocery: 0.5, home: 0.1 }
const KIND_SPEED: Record<ShopKind, number> = { flagship: 1.5, standard: 1.0, mini: 0.6, warehouse: 2.0 }
/** Within fast series, the erratic share; within slow series, the lumpy share. */
const ERRATIC_SHARE: Record<StockCategory, number> = { apparel: 0.35, beauty: 0.3, electronics: 0.5, grocery: 0.3, home: 0.5 }
const LUMPY_SHARE: Record<StockCategory, number> = { apparel: 0.35, beauty: 0.3, electronics: 0.5, grocery: 0.25, home: 0.45 }
/** Probability a sale day brings a return (of 1–2 units) a few days later. */
const RETURN_RATE: Record<StockCategory, number> = { apparel: 0.06, beauty: 0.015, electronics: 0.03, grocery: 0.005, home: 0.02 }
/** Stock-out runs per year by class. */
const STOCKOUTS_PER_YEAR: Record<HistoryClass, number> = { smooth: 4, erratic: 5, intermittent: 2, lumpy: 3 }

// ---------------------------------------------------------------- calendar (shared by all series)

export interface HistoryCalendar {
  /** First and last day (inclusive), days since 1970-01-01. */
  from: number
  to: number
  days: number
  /** Weekday index Monday = 0 … Sunday = 6 to use for the weekly factor (调休 days count as Wednesday, rest days as Saturday). */
  weekday: Uint8Array
  /** 1 on public-holiday rest days, 2 on 调休 make-up working days. */
  holiday: Uint8Array
  /** Index into FESTIVAL keys of the rest day's festival (-1 none). */
  festival: Int8Array
  /** Pre-festival factor per category for each day (1 elsewhere): [cat * days + i]. */
  preFestival: Float32Array
  /** Chain promotion windows inside the range: [start, end] indices and categories. */
  chainPromos: Array<{ name: string; start: number; end: number; categories: readonly StockCategory[] }>
}

const FESTIVAL_KEYS = Object.keys(FESTIVAL)

/** The calendar of `days` days ending on `endDay` (inclusive). */
export function historyCalendar(endDay: number, days: number): HistoryCalendar {
  if (!Number.isInteger(endDay) || !Number.isInteger(days) || days < 1) throw new RangeError("historyCalendar: bad range")
  const from = endDay - days + 1
  const weekday = new Uint8Array(days)
  const holiday = new Uint8Array(days)
  const festival = new Int8Array(days).fill(-1)
  const preFestival = new Float32Array(days * CATEGORIES.length).fill(1)
  for (let i = 0; i < days; i++) weekday[i] = (from + i + 3) % 7 // 1970-01-01 was a Thursday
  const inRange = (d: number) => d >= from && d <= endDay
  const chainPromos: HistoryCalendar["chainPromos"] = []
  for (const year of CN_HOLIDAYS) {
    for (const block of year.blocks) {
      const start = isoToDay(block.from)
      const end = isoToDay(block.to)
      const key = FESTIVAL[block.name] ? block.name : "other"
      for (let d = start; d <= end; d++) {
        if (!inRange(d)) continue
        holiday[d - from] = 1
        weekday[d - from] = 5
        festival[d - from] = FESTIVAL_KEYS.indexOf(key)
      }
      for (const w of block.makeUpWorkdays) {
        const d = isoToDay(w)
        if (!inRange(d)) continue
        holiday[d - from] = 2
        weekday[d - from] = 2
      }
      for (const [name, before, factors] of PRE_FESTIVAL) {
        if (name !== block.name) continue
        for (let d = start - before; d < start; d++) {
          if (!inRange(d) || holiday[d - from] === 1) continue
          // Ramps up towards the festival: half the uplift at the start of the window, all of it at the end.
          const ramp = 0.5 + (0.5 * (d - (start - before) + 1)) / before
          for (const [cat, f] of Object.entries(factors)) {
            const c = CAT_INDEX[cat as StockCategory]
            preFestival[c * days + d - from] = 1 + (f! - 1) * ramp
          }
        }
      }
      if (block.name === "spring-festival") {
        const s = Math.max(start - 14, from)
        const e = Math.min(start - 1, endDay)
        if (s <= e) chainPromos.push({ name: "new-year-goods", start: s - from, end: e - from, categories: NEW_YEAR_GOODS })
      }
    }
  }
  const firstYear = new Date(from * 86_400_000).getUTCFullYear()
  const lastYear = new Date(endDay * 86_400_000).getUTCFullYear()
  for (let y = firstYear; y <= lastYear; y++) {
    for (const p of CHAIN_PROMOS) {
      const s = Math.max(Date.UTC(y, p.from[0] - 1, p.from[1]) / 86_400_000, from)
      const e = Math.min(Date.UTC(y, p.to[0] - 1, p.to[1]) / 86_400_000, endDay)
      if (s <= e) chainPromos.push({ name: `${p.name}-${y}`, start: s - from, end: e - from, categories: p.categories })
    }
  }
  chainPromos.sort((a, b) => a.start - b.start)
  return { from, to: endDay, days, weekday, holiday, festival, preFestival, chainPromos }
}

// ---------------------------------------------------------------- per shop

export interface HistoryShop {
  code: string
  kind: ShopKind
  status?: ShopStatus
}

export interface ShopHistoryContext {
  calendar: HistoryCalendar
  shop: HistoryShop
  seed: number
  /** Base multiplier per category and day (weekly × festival × pre-festival): [cat * days + i]. */
  base: Float32Array
  /** Shop-local promotion windows: [start, end] indices, categories. */
  shopPromos: Array<{ start: number; end: number; categories: readonly StockCategory[] }>
  /** Index after which a closed shop sold nothing (days when open). */
  closedFrom: number
  // Scratch buffers reused by every series of the shop (generation is synchronous).
  sold: Int32Array
  returned: Int32Array
  stockout: Uint8Array
  promo: Float32Array
}

export function shopHistoryContext(calendar: HistoryCalendar, shop: HistoryShop, seed: number = DEFAULT_SEED): ShopHistoryContext {
  const n = calendar.days
  const rand = mulberry32(deriveSeed(seed, `history-shop:${shop.code}`))
  const base = new Float32Array(n * CATEGORIES.length)
  const weekly = WEEKLY[shop.kind]
  CATEGORIES.forEach((cat, c) => {
    for (let i = 0; i < n; i++) {
      const wd = calendar.weekday[i]
      let m = weekly[wd]
      if (wd >= 5) m *= WEEKEND_LEAN[cat]
      const f = calendar.festival[i]
      if (f >= 0) m *= FESTIVAL[FESTIVAL_KEYS[f]][shop.kind]
      // Pre-festival gift buying happens in shops, not (as much) online.
      const pre = calendar.preFestival[c * n + i]
      m *= shop.kind === "warehouse" ? 1 + (pre - 1) * 0.5 : pre
      base[c * n + i] = m
    }
  })
  // A few shop-local promotions a year (anniversary, a street festival, clearance), 3–10 days.
  const shopPromos: ShopHistoryContext["shopPromos"] = []
  if (shop.kind !== "warehouse") {
    const count = Math.round((3 * n) / 365 + rand() - 0.5)
    for (let k = 0; k < count; k++) {
      const len = 3 + Math.floor(rand() * 8)
      const start = Math.floor(rand() * Math.max(1, n - len))
      const c1 = CATEGORIES[Math.floor(rand() * CATEGORIES.length)]
      const c2 = CATEGORIES[Math.floor(rand() * CATEGORIES.length)]
      shopPromos.push({ start, end: Math.min(n - 1, start + len - 1), categories: c1 === c2 ? [c1] : [c1, c2] })
    }
  }
  const closedFrom = shop.status === "closed" ? n - 20 - Math.floor(rand() * 100) : n
  return {
    calendar,
    shop,
    seed,
    base,
    shopPromos,
    closedFrom: Math.max(0, closedFrom),
    sold: new Int32Array(n),
    returned: new Int32Array(n),
    stockout: new Uint8Array(n),
    promo: new Float32Array(n),
  }
}

// ---------------------------------------------------------------- per series

export interface HistoryVariant {
  sku: string
  top_category: TopCategory
}

export interface SeriesOptions {
  /** The shelf is empty today: the history ends in a stock-out run. */
  endsOutOfStock?: boolean
}

export interface GeneratedSeries {
  data: DemandSeriesData
  /** The class the generator aimed for (the realised ADI / CV² can land across a cut-off). */
  intended: HistoryClass
}

/** Standard normal from two uniforms (Box–Muller). */
function normal(rand: () => number): number {
  const u = 1 - rand()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand())
}

/** Poisson: inversion for small means, a rounded normal for large ones. */
function poisson(rand: () => number, lambda: number): number {
  if (lambda <= 0) return 0
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(rand)))
  let k = 0
  let p = Math.exp(-lambda)
  let cdf = p
  const u = rand()
  while (u > cdf && k < 200) {
    k++
    p *= lambda / k
    cdf += p
  }
  return k
}

/** Picks the intended class of a (shop kind, category) pair from a uniform draw. */
export function pickClass(kind: ShopKind, category: TopCategory, u: number, v: number): HistoryClass {
  const cat = (category === "services" ? "grocery" : category) as StockCategory
  const speed = kind === "mini" && cat === "grocery" ? 1.2 : KIND_SPEED[kind]
  const fast = Math.min(0.85, FAST_SHARE[cat] * speed)
  if (u < fast) return v < ERRATIC_SHARE[cat] ? "erratic" : "smooth"
  return v < LUMPY_SHARE[cat] ? "lumpy" : "intermittent"
}

/** The generated history of one variant at one shop, over the context's calendar. */
export function generateSeries(ctx: ShopHistoryContext, variant: HistoryVariant, opts: SeriesOptions = {}): GeneratedSeries {
  const { calendar, shop, sold, returned, stockout, promo } = ctx
  const n = calendar.days
  const cat = (variant.top_category === "services" ? "grocery" : variant.top_category) as StockCategory
  const c = CAT_INDEX[cat]
  const skuHash = hashString(variant.sku)
  const rand = mulberry32(mix32(deriveSeed(ctx.seed, `history:${shop.code}`) ^ Math.imul(skuHash, 0x9e3779b1)))

  const intended = pickClass(shop.kind, cat, rand(), rand())
  const logU = (lo: number, hi: number) => lo * Math.pow(hi / lo, rand())
  let p0: number
  let mu: number
  let sigma = 0 // log-normal spread of the size mean (erratic, lumpy)
  switch (intended) {
    case "smooth":
      p0 = 0.86 + 0.12 * rand()
      mu = logU(3, 14)
      break
    case "erratic":
      p0 = 0.85 + 0.12 * rand()
      mu = logU(3, 16)
      sigma = 0.9 + 0.4 * rand()
      break
    case "intermittent":
      p0 = logU(0.03, 0.45)
      mu = 1 + 0.6 * rand()
      break
    default:
      p0 = logU(0.02, 0.35)
      mu = logU(2.5, 10)
      sigma = 1.0 + 0.4 * rand()
  }
  const fast = intended === "smooth" || intended === "erratic"
  const yearlyTrend = 0.25 * normal(rand) // log growth per year
  const step = Math.exp(yearlyTrend / 365)
  let trend = Math.exp((-yearlyTrend * (n - 1)) / 365 / 2) // centred: mean level over the range ≈ 1

  // Promotions this SKU is on: chain-wide by SKU (the same SKUs in every shop), shop-local by pair.
  promo.fill(0)
  const uplift = PROMO_UPLIFT[cat] * (0.8 + 0.4 * rand())
  for (const p of calendar.chainPromos) {
    if (!p.categories.includes(cat)) continue
    if (mix32(skuHash ^ hashString(p.name)) / 4294967296 >= PROMO_SKU_SHARE) continue
    for (let i = p.start; i <= p.end; i++) {
      // 618 and 双11 end in a peak: the last 3 days sell half as much again.
      const peak = i > p.end - 3 && (p.name.startsWith("618") || p.name.startsWith("double-11")) ? 1.5 : 1
      promo[i] = Math.max(promo[i], uplift * peak)
    }
  }
  for (const p of ctx.shopPromos) {
    if (!p.categories.includes(cat) || rand() >= 0.5) continue
    for (let i = p.start; i <= p.end; i++) promo[i] = Math.max(promo[i], uplift * 0.85)
  }

  // Stock-out runs of a few days (censored demand); an empty shelf today ends the history in one.
  stockout.fill(0)
  const runs = poisson(rand, (STOCKOUTS_PER_YEAR[intended] * n) / 365)
  for (let k = 0; k < runs; k++) {
    const len = 1 + Math.min(9, Math.floor(-Math.log(1 - rand()) * 2.5))
    const start = Math.floor(rand() * n)
    for (let i = start; i < Math.min(n, start + len); i++) stockout[i] = 1
  }
  if (opts.endsOutOfStock) {
    const len = 1 + Math.floor(rand() * 7)
    for (let i = n - len; i < n; i++) stockout[Math.max(0, i)] = 1
  }

  sold.fill(0)
  returned.fill(0)
  const baseOff = c * n
  const returnRate = RETURN_RATE[cat]
  const closedFrom = ctx.closedFrom
  for (let i = 0; i < n; i++, trend *= step) {
    if (i >= closedFrom) {
      stockout[i] = 0
      continue
    }
    if (stockout[i]) continue
    const m = ctx.base[baseOff + i] * trend * (promo[i] > 0 ? promo[i] : 1)
    let pe: number
    let se: number
    if (fast) {
      pe = m < 1 ? p0 * Math.sqrt(m) : p0
      se = (mu * m * p0) / pe
    } else {
      pe = p0 * m
      if (pe > 0.95) pe = 0.95
      se = (mu * m * p0) / pe
    }
    if (rand() >= pe) continue
    const mean = sigma > 0 ? (se - 1) * Math.exp(sigma * normal(rand) - (sigma * sigma) / 2) : se - 1
    const q = 1 + poisson(rand, mean > 0 ? mean : 0)
    sold[i] += q
    if (rand() < returnRate) {
      const back = i + 1 + Math.floor(rand() * 14)
      if (back < n && back < closedFrom) returned[back] += q > 1 && rand() < 0.3 ? 2 : 1
    }
  }

  const from = calendar.from
  const days: DemandSeriesData["days"] = []
  const so: DayRun[] = []
  const pr: DayRun[] = []
  for (let i = 0; i < n; i++) {
    if (sold[i] !== 0 || returned[i] !== 0) days.push({ day: from + i, sold: sold[i], returned: returned[i] })
    if (stockout[i]) {
      const last = so[so.length - 1]
      if (last && last.start + last.length === from + i) last.length++
      else so.push({ start: from + i, length: 1 })
    }
    if (promo[i] > 0 && i < closedFrom) {
      const last = pr[pr.length - 1]
      if (last && last.start + last.length === from + i) last.length++
      else pr.push({ start: from + i, length: 1 })
    }
  }
  return { data: { days, stockout: so, promotion: pr }, intended }
}

/** The summary columns of a demand_series row, as ReplenishmentModuleService.recordDemand writes them. */
export function seriesSummaryColumns(data: DemandSeriesData) {
  const s: DemandSummary = summarize(data)
  const date = (day: number | null) => (day === null ? null : formatCalendarDate(day))
  return {
    origin_date: date(s.originDay),
    first_sale_date: date(s.firstSaleDay),
    last_sale_date: date(s.lastSaleDay),
    total_sold: s.totalSold,
    total_returned: s.totalReturned,
    sale_days: s.saleDays,
  }
}
