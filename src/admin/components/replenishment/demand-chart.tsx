import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { useElementWidth } from "../../hooks/use-element-width"
import { useLocale } from "../../hooks/use-locale"
import { buildDemandChart, type ChartBox } from "../../lib/demand-chart"
import { formatRate, formatShare } from "../../lib/replenishment-format"
import type { ForecastDay, HistoryDay } from "../../lib/replenishment-types"

const HEIGHT = 220
const MARGIN: ChartBox["margin"] = { top: 14, right: 12, bottom: 24, left: 40 }

const dayLabel = (date: string, locale: string, withMonth = true) => {
  const [y, m, d] = date.split("-").map(Number)
  return new Intl.DateTimeFormat(locale, {
    month: withMonth ? "short" : undefined,
    day: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, d)))
}

const Swatch = ({ className, shape = "box" }: { className: string; shape?: "box" | "line" | "triangle" }) => (
  <svg width={14} height={10} aria-hidden className={className}>
    {shape === "box" && <rect x={1} y={1} width={12} height={8} fill="currentColor" />}
    {shape === "line" && <line x1={0} x2={14} y1={5} y2={5} stroke="currentColor" strokeWidth={2} />}
    {shape === "triangle" && <path d="M3 1 L11 1 L7 8 Z" fill="currentColor" />}
  </svg>
)

/**
 * Daily units sold (bars) with out-of-stock days shaded and promotion days marked, then the
 * forecast's mean (line) inside its interval (band). Drawn here in SVG, no chart library.
 */
export const DemandChart = ({
  history,
  forecast,
  intervalLevel,
}: {
  history: HistoryDay[]
  forecast: ForecastDay[]
  intervalLevel?: number
}) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const { ref, width } = useElementWidth(720, 320)
  const m = useMemo(() => buildDemandChart(history, forecast, { width, height: HEIGHT, margin: MARGIN }), [history, forecast, width])
  const horizon = m.dayCount - history.length
  const dates = m.dates
  const byDate = useMemo(() => new Map(forecast.map((f) => [f.date, f])), [forecast])

  const dayTitle = (i: number) => {
    if (i < history.length) {
      const h = history[i]
      const parts = [t("replenishment.chart.bar", { date: dayLabel(h.date, locale), sold: h.sold })]
      if (h.stockout) parts.push(t("replenishment.chart.stockout"))
      if (h.promotion) parts.push(t("replenishment.chart.promotion"))
      return parts.join(" · ")
    }
    const f = byDate.get(dates[i])
    return f
      ? t("replenishment.chart.band", {
          date: dayLabel(f.date, locale),
          mean: formatRate(f.mean, locale),
          low: formatRate(f.low, locale),
          high: formatRate(f.high, locale),
        })
      : dates[i]
  }

  return (
    <div className="flex flex-col gap-y-2" data-testid="demand-chart">
      <div ref={ref} className="w-full">
        <svg
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          role="img"
          aria-label={t("replenishment.chart.aria", { days: history.length, horizon })}
          className="block"
        >
          <g className="text-ui-border-base" stroke="currentColor" strokeWidth={1}>
            {m.yTicks.map((tick) => (
              <line key={tick.value} x1={m.plot.left} x2={m.plot.right} y1={tick.y} y2={tick.y} strokeDasharray={tick.value === 0 ? undefined : "2 4"} />
            ))}
          </g>
          <g className="text-ui-fg-muted" fill="currentColor" fontSize={10} textAnchor="end">
            {m.yTicks.map((tick) => (
              <text key={tick.value} x={m.plot.left - 6} y={tick.y + 3}>
                {formatRate(tick.value, locale)}
              </text>
            ))}
          </g>
          <g className="text-ui-tag-red-icon" fill="currentColor" fillOpacity={0.14} data-testid="chart-stockouts">
            {m.stockouts.map((s) => (
              <rect key={s.from} x={s.x} y={m.plot.top} width={s.width} height={m.plot.bottom - m.plot.top} data-from={s.from} data-days={s.days} />
            ))}
          </g>
          <g className="text-ui-fg-muted" fill="currentColor" fillOpacity={0.75} data-testid="chart-bars">
            {m.bars.map((b) => (
              <rect key={b.date} x={b.x} y={b.y} width={b.width} height={b.height} data-date={b.date} />
            ))}
          </g>
          <g className="text-ui-tag-orange-icon" fill="currentColor" data-testid="chart-promotions">
            {m.promotions.map((p) => (
              <path key={p.date} d={`M${p.x - 3} ${m.plot.top - 8} L${p.x + 3} ${m.plot.top - 8} L${p.x} ${m.plot.top - 2} Z`} data-date={p.date} />
            ))}
          </g>
          {m.forecastBand && (
            <g className="text-ui-tag-blue-icon" data-testid="chart-forecast">
              <path d={m.forecastBand} fill="currentColor" fillOpacity={0.16} stroke="none" />
              <path d={m.forecastLine} fill="none" stroke="currentColor" strokeWidth={2} strokeLinejoin="round" />
            </g>
          )}
          {m.todayX !== null && (
            <g className="text-ui-fg-subtle">
              <line x1={m.todayX} x2={m.todayX} y1={m.plot.top} y2={m.plot.bottom} stroke="currentColor" strokeDasharray="4 3" />
              <text x={m.todayX + 4} y={m.plot.top + 8} fontSize={10} fill="currentColor">
                {t("replenishment.chart.today")}
              </text>
            </g>
          )}
          <g className="text-ui-fg-muted" fill="currentColor" fontSize={10}>
            {m.xTicks.map((tick) => (
              <text key={tick.date} x={tick.x} y={m.plot.bottom + 15}>
                {dayLabel(tick.date, locale)}
              </text>
            ))}
          </g>
          {/* One invisible slot per day: hovering names the day and its numbers. */}
          <g fill="transparent">
            {dates.map((d, i) => (
              <rect key={d} x={m.plot.left + i * m.slot} y={m.plot.top} width={m.slot} height={m.plot.bottom - m.plot.top}>
                <title>{dayTitle(i)}</title>
              </rect>
            ))}
          </g>
        </svg>
      </div>
      <ul className="txt-compact-small text-ui-fg-subtle flex flex-wrap gap-x-4 gap-y-1">
        <li className="flex items-center gap-x-1.5">
          <Swatch className="text-ui-fg-muted" />
          {t("replenishment.chart.sold")}
        </li>
        <li className="flex items-center gap-x-1.5">
          <Swatch className="text-ui-tag-red-icon opacity-30" />
          {t("replenishment.chart.stockout")}
        </li>
        <li className="flex items-center gap-x-1.5">
          <Swatch className="text-ui-tag-orange-icon" shape="triangle" />
          {t("replenishment.chart.promotion")}
        </li>
        <li className="flex items-center gap-x-1.5">
          <Swatch className="text-ui-tag-blue-icon" shape="line" />
          {t("replenishment.chart.forecast")}
        </li>
        <li className="flex items-center gap-x-1.5">
          <Swatch className="text-ui-tag-blue-icon opacity-30" />
          {intervalLevel
            ? t("replenishment.chart.intervalLevel", { level: formatShare(intervalLevel, locale) })
            : t("replenishment.chart.interval")}
        </li>
      </ul>
    </div>
  )
}
