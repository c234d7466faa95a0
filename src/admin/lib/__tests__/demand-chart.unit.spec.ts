import { buildDemandChart } from "../demand-chart"
import type { ForecastDay, HistoryDay } from "../replenishment-types"

const box = { width: 1000, height: 200, margin: { top: 10, right: 0, bottom: 20, left: 0 } }

const day = (date: string, sold: number, extra: Partial<HistoryDay> = {}): HistoryDay => ({
  date,
  sold,
  returned: 0,
  stockout: false,
  promotion: false,
  ...extra,
})

// 2026-01-28 … 2026-02-06: ten days of history, then five forecast days.
const dates = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, 0, from + i)).toISOString().slice(0, 10))

const history = dates(28, 10).map((d, i) =>
  day(d, i === 2 ? 9 : i % 3, { stockout: i === 5 || i === 6 || i === 8, promotion: i === 1 })
)
const forecast: ForecastDay[] = dates(38, 5).map((d) => ({ date: d, mean: 2, low: 1, high: 12 }))

describe("demand chart geometry", () => {
  const m = buildDemandChart(history, forecast, box)

  it("gives every day, history and forecast, one slot of equal width", () => {
    expect(m.dayCount).toBe(15)
    expect(m.slot).toBeCloseTo(1000 / 15, 6)
    expect(m.todayX).toBeCloseTo((1000 / 15) * 10, 1)
  })

  it("scales bars and band to a round top covering the highest bound", () => {
    expect(m.yTicks[m.yTicks.length - 1].value).toBeGreaterThanOrEqual(12)
    const tallest = m.bars.find((b) => b.sold === 9)!
    const ones = m.bars.find((b) => b.sold === 1)!
    expect(tallest.height / ones.height).toBeCloseTo(9, 1)
    expect(tallest.y + tallest.height).toBeCloseTo(180, 6) // standing on the floor
    // No bar for a day without sales.
    expect(m.bars.map((b) => b.date)).not.toContain(history[0].date)
  })

  it("merges consecutive out-of-stock days into one shaded run", () => {
    expect(m.stockouts.map((s) => [s.from, s.to, s.days])).toEqual([
      [history[5].date, history[6].date, 2],
      [history[8].date, history[8].date, 1],
    ])
    expect(m.stockouts[0].width).toBeCloseTo(2 * m.slot, 1)
  })

  it("marks promotion days and starts the month on its first day", () => {
    expect(m.promotions.map((p) => p.date)).toEqual([history[1].date])
    expect(m.xTicks.map((t) => t.date)).toEqual(["2026-02-01"])
  })

  it("draws the forecast mean through the forecast days inside a closed band", () => {
    const xs = [...m.forecastLine.matchAll(/[ML]([\d.]+) /g)].map((x) => Number(x[1]))
    expect(xs).toHaveLength(5)
    expect(xs[0]).toBeGreaterThan(m.todayX!)
    expect(m.forecastBand.endsWith("Z")).toBe(true)
    expect([...m.forecastBand.matchAll(/[ML]/g)]).toHaveLength(10)
  })

  it("skips forecast days that overlap the history and copes with an empty series", () => {
    const overlapping = buildDemandChart(history, [{ date: history[9].date, mean: 1, low: 0, high: 2 }, ...forecast], box)
    expect(overlapping.dayCount).toBe(15)
    const empty = buildDemandChart([], [], box)
    expect(empty.dayCount).toBe(0)
    expect(empty.bars).toEqual([])
    expect(empty.forecastLine).toBe("")
    expect(empty.todayX).toBeNull()
  })
})
