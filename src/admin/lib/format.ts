/** Money in major units (Medusa v2 amounts), e.g. 12345.5 CNY → "¥12,345.50". */
export const formatMoney = (amount: number, currencyCode: string, locale: string): string => {
  try {
    return new Intl.NumberFormat(locale, {
      style: "currency",
      currency: currencyCode.toUpperCase(),
      currencyDisplay: "narrowSymbol",
    }).format(amount)
  } catch {
    return `${currencyCode.toUpperCase()} ${amount.toFixed(2)}`
  }
}

export const formatNumber = (value: number, locale: string): string =>
  new Intl.NumberFormat(locale).format(value)

export const formatDateTime = (iso: string | null | undefined, locale: string): string => {
  if (!iso) return "–"
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return "–"
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(date)
}

/** A calendar date "YYYY-MM-DD" with its weekday, read as a date (no time zone shift). */
export const formatCalendarDate = (date: string, locale: string): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) return date
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    weekday: "short",
    timeZone: "UTC",
  }).format(utc)
}

export const userDisplayName = (u: { email: string; first_name: string | null; last_name: string | null }) => {
  const name = [u.first_name, u.last_name].filter(Boolean).join(" ").trim()
  return name || u.email
}
