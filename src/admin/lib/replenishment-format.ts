/** Numbers of the replenishment tables: "–" for unknown, never "NaN". */

const known = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v)

export const formatQuantity = (v: number | null | undefined, locale: string): string =>
  known(v) ? new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(v) : "–"

/** Days or weeks of cover: one decimal below 10, whole numbers above. */
export const formatCover = (v: number | null | undefined, locale: string): string | null =>
  known(v) ? new Intl.NumberFormat(locale, { maximumFractionDigits: Math.abs(v) < 10 ? 1 : 0 }).format(v) : null

/** A share (0.125) as a percentage ("12.5%"). */
export const formatShare = (v: number | null | undefined, locale: string): string =>
  known(v) ? new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(v) : "–"

/** A forecast rate in units a day, up to two decimals. */
export const formatRate = (v: number | null | undefined, locale: string): string =>
  known(v) ? new Intl.NumberFormat(locale, { maximumFractionDigits: v < 10 ? 2 : 1 }).format(v) : "–"

/** A whole discount percentage from 1 to 90, or null. */
export const parsePercentage = (text: string): number | null => {
  const trimmed = text.trim()
  if (!/^\d{1,2}$/.test(trimmed)) return null
  const n = Number(trimmed)
  return n >= 1 && n <= 90 ? n : null
}

/**
 * An override level typed by the merchant: "" clears it (null), a whole number ≥ 0 sets it,
 * anything else is invalid (undefined).
 */
export const parseLevel = (text: string): number | null | undefined => {
  const trimmed = text.trim()
  if (trimmed === "") return null
  return /^\d{1,10}$/.test(trimmed) ? Number(trimmed) : undefined
}

/** A service target typed in percent ("97.5" → 0.975); "" clears it; outside (0, 100) is invalid. */
export const parseTargetPercent = (text: string): number | null | undefined => {
  const trimmed = text.trim().replace(",", ".")
  if (trimmed === "") return null
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(trimmed)) return undefined
  const n = Number(trimmed)
  return n > 0 && n < 100 ? Math.round(n * 100) / 10000 : undefined
}

/** A moment as a short "Nov 24, 09:49" for narrow table cells. */
export const formatShortDateTime = (iso: string | null | undefined, locale: string): string => {
  if (!iso) return "–"
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return "–"
  return new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }).format(date)
}
