import { decodeDemand, encodeDemand, toDailyArrays, type DailyArrays } from "../../../lib/demand-codec"
import { classify } from "../../../lib/forecast/classify"
import { isoToDay } from "../../../lib/forecast/holidays-cn"
import type { TopCategory } from "../catalog"
import {
  generateSeries,
  historyCalendar,
  HISTORY_CLASSES,
  seriesSummaryColumns,
  shopHistoryContext,
  yesterdayInShanghai,
  type HistoryClass,
  type HistoryShop,
} from "../history"
import type { ShopKind } from "../shops"

const END = isoToDay("2026-11-23")
const DAYS = 365
const calendar = historyCalendar(END, DAYS)
const CATS: TopCategory[] = ["apparel", "beauty", "electronics", "grocery", "home"]
const KINDS: ShopKind[] = ["flagship", "standard", "mini", "warehouse"]

type Gen = { shop: HistoryShop; sku: string; cat: TopCategory; intended: HistoryClass; a: DailyArrays; text: string }

/** `shops` shops of a kind × `skus` SKUs per category, decoded to daily arrays. */
function generate(kind: ShopKind, shops: number, skus: number, prefix = kind): Gen[] {
  const out: Gen[] = []
  for (let s = 0; s < shops; s++) {
    const shop = { code: `${prefix}-${s}`, kind }
    const ctx = shopHistoryContext(calendar, shop, 871)
    for (const cat of CATS) {
      for (let k = 0; k < skus; k++) {
        const sku = `${cat}-${k}`
        const g = generateSeries(ctx, { sku, top_category: cat })
        const text = encodeDemand(g.data)
        out.push({ shop, sku, cat, intended: g.intended, a: toDailyArrays(decodeDemand(text), calendar.from, calendar.to), text })
      }
    }
  }
  return out
}

const all = KINDS.flatMap((k) => generate(k, 30, 30))
const idx = (iso: string) => isoToDay(iso) - calendar.from

/** Mean units a day over the indices, per series, over series passing the filter (stock-out days left out). */
function meanOn(gens: Gen[], days: number[]): number {
  let units = 0
  let n = 0
  for (const g of gens) {
    for (const i of days) {
      if (g.a.stockout[i]) continue
      units += g.a.sold[i]
      n++
    }
  }
  return units / n
}
const range = (from: string, to: string) => {
  const out: number[] = []
  for (let i = idx(from); i <= idx(to); i++) out.push(i)
  return out
}
/** Ordinary days (no holiday, no make-up day, no promotion window of any kind nearby) on the given weekdays. */
const ordinary = (weekdays: number[], from = "2026-03-15", to = "2026-05-20") =>
  range(from, to).filter((i) => calendar.holiday[i] === 0 && weekdays.includes((calendar.from + i + 3) % 7))

describe("demand history generator", () => {
  it("is deterministic and does not depend on the order the series are generated in", () => {
    const shop = { code: "SH-01", kind: "standard" as const }
    const a = shopHistoryContext(calendar, shop, 871)
    const b = shopHistoryContext(calendar, shop, 871)
    const x1 = encodeDemand(generateSeries(a, { sku: "A", top_category: "grocery" }).data)
    const y1 = encodeDemand(generateSeries(a, { sku: "B", top_category: "apparel" }).data)
    const y2 = encodeDemand(generateSeries(b, { sku: "B", top_category: "apparel" }).data)
    const x2 = encodeDemand(generateSeries(b, { sku: "A", top_category: "grocery" }).data)
    expect(x2).toBe(x1)
    expect(y2).toBe(y1)
    const other = shopHistoryContext(calendar, shop, 872)
    expect(encodeDemand(generateSeries(other, { sku: "A", top_category: "grocery" }).data)).not.toBe(x1)
  })

  it("ends yesterday in Asia/Shanghai", () => {
    // 2026-11-24 01:00 in Shanghai is still 2026-11-23 in UTC: yesterday there is the 23rd.
    expect(yesterdayInShanghai(new Date("2026-11-23T17:00:00Z"))).toBe(isoToDay("2026-11-23"))
    expect(yesterdayInShanghai(new Date("2026-11-23T15:59:00Z"))).toBe(isoToDay("2026-11-22"))
    const days = all.flatMap((g) => decodeDemand(g.text).days.map((d) => d.day))
    expect(days.reduce((a, b) => Math.min(a, b))).toBeGreaterThanOrEqual(calendar.from)
    expect(days.reduce((a, b) => Math.max(a, b))).toBe(END)
  })

  it("gives a class mix a forecaster sees: mostly intermittent and lumpy, every class present, the intended class realised", () => {
    const counts: Record<string, number> = {}
    let agree = 0
    const saleShare: number[] = []
    for (const g of all) {
      const observed = g.a.stockout.map((x) => 1 - x)
      const c = classify(g.a.net, observed).class
      counts[c] = (counts[c] ?? 0) + 1
      if (c === g.intended) agree++
      saleShare.push(g.a.sold.filter((x) => x > 0).length / DAYS)
    }
    const share = (c: string) => (counts[c] ?? 0) / all.length
    expect(share("intermittent") + share("lumpy")).toBeGreaterThan(0.7)
    for (const c of HISTORY_CLASSES) expect(share(c)).toBeGreaterThan(0.03)
    expect(share("none")).toBeLessThan(0.01)
    expect(agree / all.length).toBeGreaterThan(0.9)
    // Most shop × SKU pairs sell on a minority of days.
    saleShare.sort((a, b) => a - b)
    expect(saleShare[Math.floor(saleShare.length / 2)]).toBeLessThan(0.3)
  })

  it("sells faster in flagships and online than in minis, and groceries faster than electronics", () => {
    const fast = (gs: Gen[]) => gs.filter((g) => g.intended === "smooth" || g.intended === "erratic").length / gs.length
    const ofKind = (k: ShopKind) => all.filter((g) => g.shop.kind === k)
    expect(fast(ofKind("flagship"))).toBeGreaterThan(fast(ofKind("mini")))
    expect(fast(ofKind("warehouse"))).toBeGreaterThan(fast(ofKind("standard")))
    expect(fast(all.filter((g) => g.cat === "grocery"))).toBeGreaterThan(2 * fast(all.filter((g) => g.cat === "electronics")))
  })

  it("stock-out days sell nothing, carry the flag and come in runs of a few days", () => {
    let flagged = 0
    let soldWhileOut = 0
    const lengths: number[] = []
    for (const g of all) {
      for (let i = 0; i < DAYS; i++) {
        if (!g.a.stockout[i]) continue
        flagged++
        if (g.a.sold[i] !== 0) soldWhileOut++
      }
      for (const run of decodeDemand(g.text).stockout) lengths.push(run.length)
    }
    expect(flagged).toBeGreaterThan(1000)
    expect(soldWhileOut).toBe(0)
    lengths.sort((a, b) => a - b)
    expect(lengths[Math.floor(lengths.length / 2)]).toBeLessThanOrEqual(4)
    expect(lengths[Math.floor(lengths.length * 0.99)]).toBeLessThanOrEqual(10)
    // An empty shelf today ends the history in a stock-out run.
    const ctx = shopHistoryContext(calendar, { code: "SH-02", kind: "standard" }, 871)
    for (let k = 0; k < 50; k++) {
      const g = generateSeries(ctx, { sku: `X${k}`, top_category: "beauty" }, { endsOutOfStock: true })
      const last = g.data.stockout[g.data.stockout.length - 1]
      expect(last.start + last.length - 1).toBe(END)
    }
  })

  it("has weekly seasonality by shop kind: malls sell more at weekends, convenience minis less", () => {
    const weekdays = ordinary([0, 1, 2, 3])
    const weekend = ordinary([5, 6])
    const ratio = (k: ShopKind) => {
      const gs = all.filter((g) => g.shop.kind === k)
      return meanOn(gs, weekend) / meanOn(gs, weekdays)
    }
    expect(ratio("flagship")).toBeGreaterThan(1.35)
    expect(ratio("standard")).toBeGreaterThan(1.15)
    expect(ratio("mini")).toBeLessThan(0.9)
  })

  it("follows Chinese holidays: 春节 empties street shops, 年货 groceries sell before it, 国庆 fills the malls", () => {
    const street = all.filter((g) => g.shop.kind === "standard" || g.shop.kind === "mini")
    const normal = meanOn(street, range("2026-03-09", "2026-03-29").filter((i) => calendar.holiday[i] === 0))
    const springFestival = meanOn(street, range("2026-02-15", "2026-02-23"))
    expect(springFestival / normal).toBeLessThan(0.6)

    const grocery = all.filter((g) => g.cat === "grocery" && g.shop.kind !== "warehouse")
    const before = meanOn(grocery, range("2026-02-03", "2026-02-13").filter((i) => calendar.holiday[i] === 0))
    const groceryNormal = meanOn(grocery, range("2026-03-09", "2026-03-29").filter((i) => calendar.holiday[i] === 0))
    expect(before / groceryNormal).toBeGreaterThan(1.6)

    const flagship = all.filter((g) => g.shop.kind === "flagship")
    const nationalDay = meanOn(flagship, range("2026-10-01", "2026-10-07"))
    const weekends = meanOn(flagship, ordinary([5, 6], "2026-08-01", "2026-09-15"))
    expect(nationalDay / weekends).toBeGreaterThan(1.4)
  })

  it("treats 调休 make-up working days like weekdays, though they fall on a Saturday or Sunday", () => {
    const flagship = all.filter((g) => g.shop.kind === "flagship")
    // 2026-09-20 is a Sunday and 2026-10-10 a Saturday, both working days; 2026-02-28 a Saturday.
    const makeUp = meanOn(flagship, [idx("2026-09-20"), idx("2026-10-10"), idx("2026-02-28")])
    const weekday = meanOn(flagship, ordinary([0, 1, 2, 3, 4], "2026-08-01", "2026-09-15"))
    const weekend = meanOn(flagship, ordinary([5, 6], "2026-08-01", "2026-09-15"))
    expect(makeUp / weekday).toBeGreaterThan(0.75)
    expect(makeUp / weekday).toBeLessThan(1.3)
    expect(weekend / weekday).toBeGreaterThan(1.4)
  })

  it("flags promotions, the same SKUs chain-wide, and they sell more while flagged", () => {
    const d618 = range("2026-06-01", "2026-06-18")
    const onPromo = (g: Gen) => d618.every((i) => g.a.promotion[i] === 1)
    const byCat = all.filter((g) => g.cat === "electronics" && g.shop.kind !== "warehouse")
    const skusOnPromo = new Set(byCat.filter(onPromo).map((g) => g.sku))
    expect(skusOnPromo.size).toBeGreaterThan(0)
    // A SKU on 618 is on it in every shop; one not on it is on it in none (shop-local promotions aside).
    for (const g of byCat) if (skusOnPromo.has(g.sku)) expect(onPromo(g)).toBe(true)
    const promoted = byCat.filter((g) => skusOnPromo.has(g.sku))
    const others = byCat.filter((g) => !skusOnPromo.has(g.sku))
    const lift = (gs: Gen[]) => meanOn(gs, d618) / meanOn(gs, range("2026-04-13", "2026-05-24").filter((i) => calendar.holiday[i] === 0))
    expect(lift(promoted)).toBeGreaterThan(1.8)
    expect(lift(others)).toBeLessThan(1.5)
    // Promotion windows are a handful a year, not a permanent state.
    const promoShare = all.reduce((n, g) => n + g.a.promotion.reduce((a, b) => a + b, 0), 0) / (all.length * DAYS)
    expect(promoShare).toBeGreaterThan(0.01)
    expect(promoShare).toBeLessThan(0.12)
  })

  it("has returns on a few sale days, and summary columns as the service computes them", () => {
    let saleDays = 0
    let returnDays = 0
    for (const g of all) {
      saleDays += g.a.sold.filter((x) => x > 0).length
      returnDays += g.a.returned.filter((x) => x > 0).length
    }
    expect(returnDays / saleDays).toBeGreaterThan(0.003)
    expect(returnDays / saleDays).toBeLessThan(0.06)
    const g = all.find((x) => x.a.sold.some((s) => s > 0))!
    const s = seriesSummaryColumns(decodeDemand(g.text))
    expect(s.total_sold).toBe(g.a.sold.reduce((a, b) => a + b, 0))
    expect(s.sale_days).toBe(g.a.sold.filter((x) => x > 0).length)
    expect(s.last_sale_date! <= "2026-11-23").toBe(true)
  })
})
