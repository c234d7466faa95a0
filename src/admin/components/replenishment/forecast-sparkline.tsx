import { useTranslation } from "react-i18next"
import { useLocale } from "../../hooks/use-locale"
import { formatRate } from "../../lib/replenishment-format"
import { sparkline } from "../../lib/sparkline"

const W = 96
const H = 24

/** The 28-day forecast as a tiny line over a shaded area; its total and peak in the tooltip. */
export const ForecastSparkline = ({ forecast }: { forecast: number[] | null | undefined }) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const s = sparkline(forecast, { width: W, height: H, padding: 2 })
  if (!s) return <span className="text-ui-fg-muted">–</span>
  const total = (forecast ?? []).reduce((sum, v) => sum + (Number.isFinite(v) && v > 0 ? v : 0), 0)
  const label = t("replenishment.policies.sparkline", { total: formatRate(total, locale), peak: formatRate(s.max, locale) })
  return (
    <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid="forecast-sparkline">
      <title>{label}</title>
      <path d={s.area} className="fill-ui-tag-blue-bg" stroke="none" />
      <path d={s.line} fill="none" className="stroke-ui-tag-blue-icon" strokeWidth={1.5} strokeLinejoin="round" />
      <circle cx={s.last[0]} cy={s.last[1]} r={1.8} className="fill-ui-tag-blue-icon" />
    </svg>
  )
}
