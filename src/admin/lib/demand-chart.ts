import { linearScale, niceTicks, pathThrough, round } from "./chart-scales"
import type { ForecastDay, HistoryDay } from "./replenishment-types"

export type ChartBox = {
  width: number
  height: number
  margin: { top: number; right: number; bottom: number; left: number }
}

export type DemandChartModel = {
  /** One slot per day: history first, then the forecast days after the last history day. */
  dayCount: number
  /** The date of each slot. */
  dates: string[]
  slot: number
  bars: { x: number; y: number; width: number; height: number; date: string; sold: number }[]
  /** Runs of consecutive out-of-stock days, merged into one shaded rectangle each. */
  stockouts: { x: number; width: number; from: string; to: string; days: number }[]
  promotions: { x: number; date: string }[]
  forecastLine: string
  forecastBand: string
  /** Where the history ends and the forecast starts; null without a forecast. */
  todayX: number | null
  yTicks: { y: number; value: number }[]
  /** The first day of each month on the axis (or the first day, when no month starts). */
  xTicks: { x: number; date: string }[]
  plot: { left: number; right: number; top: number; bottom: number }
}

/**
 * Geometry of the demand chart: daily units sold as bars, out-of-stock days shaded, promotion
 * days marked, then the forecast's mean as a line inside its interval band. Days are slots of
 * equal width, so a date's position doesn't depend on whether anything sold that day.
 */
export const buildDemandChart = (
  history: readonly HistoryDay[],
  forecast: readonly ForecastDay[],
  box: ChartBox
): DemandChartModel => {
  const lastHistory = history.length ? history[history.length - 1].date : ""
  const future = forecast.filter((f) => f.date > lastHistory)
  const dates = [...history.map((h) => h.date), ...future.map((f) => f.date)]
  const dayCount = dates.length
  const plot = {
    left: box.margin.left,
    right: box.width - box.margin.right,
    top: box.margin.top,
    bottom: box.height - box.margin.bottom,
  }
  const slot = dayCount ? (plot.right - plot.left) / dayCount : 0
  const slotX = (i: number) => plot.left + i * slot
  const centre = (i: number) => slotX(i) + slot / 2

  const finite = (v: number) => (Number.isFinite(v) ? Math.max(0, v) : 0)
  const top = Math.max(0, ...history.map((h) => finite(h.sold)), ...future.map((f) => Math.max(finite(f.high), finite(f.mean))))
  const axis = niceTicks(top, 4)
  const y = linearScale([0, axis.max], [plot.bottom, plot.top])

  const barWidth = Math.max(1, slot * 0.7)
  const bars = history.flatMap((h, i) => {
    const sold = finite(h.sold)
    if (sold <= 0) return []
    const yTop = y(sold)
    return [{ x: round(centre(i) - barWidth / 2), y: round(yTop), width: round(barWidth), height: round(plot.bottom - yTop), date: h.date, sold }]
  })

  const stockouts: DemandChartModel["stockouts"] = []
  history.forEach((h, i) => {
    if (!h.stockout) return
    const previous = stockouts[stockouts.length - 1]
    if (previous && i > 0 && history[i - 1].stockout) {
      previous.width = round(previous.width + slot)
      previous.to = h.date
      previous.days += 1
    } else {
      stockouts.push({ x: round(slotX(i)), width: round(slot), from: h.date, to: h.date, days: 1 })
    }
  })

  const promotions = history.flatMap((h, i) => (h.promotion ? [{ x: round(centre(i)), date: h.date }] : []))

  const offset = history.length
  const meanPoints = future.map((f, i): [number, number] => [centre(offset + i), y(finite(f.mean))])
  const highPoints = future.map((f, i): [number, number] => [centre(offset + i), y(finite(f.high))])
  const lowPoints = future.map((f, i): [number, number] => [centre(offset + i), y(Math.min(finite(f.low), finite(f.high)))])
  const forecastLine = meanPoints.length ? pathThrough(meanPoints) : ""
  const forecastBand = highPoints.length ? `${pathThrough([...highPoints, ...lowPoints.reverse()])} Z` : ""

  const monthStarts = dates.flatMap((d, i) => (d.endsWith("-01") ? [{ x: round(slotX(i)), date: d }] : []))
  const xTicks = monthStarts.length || !dayCount ? monthStarts : [{ x: round(slotX(0)), date: dates[0] }]

  return {
    dayCount,
    dates,
    slot,
    bars,
    stockouts,
    promotions,
    forecastLine,
    forecastBand,
    todayX: future.length && history.length ? round(slotX(offset)) : null,
    yTicks: axis.ticks.map((value) => ({ y: round(y(value)), value })),
    xTicks,
    plot,
  }
}
