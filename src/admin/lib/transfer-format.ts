/** Times and names on the transfer pages. */

/**
 * A moment in a shop's own time zone ("Nov 25, 09:00 GMT+8"): an expected arrival is a promise
 * about the destination's receiving hours, so it reads in that shop's clock, wherever the
 * merchant sits. Without a zone, the browser's.
 */
export const formatInZone = (iso: string | null | undefined, timeZone: string | null | undefined, locale: string): string => {
  if (!iso) return "–"
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return "–"
  const options: Intl.DateTimeFormatOptions = { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: timeZone || undefined, timeZoneName: "short" }).format(date)
  } catch {
    // An unknown zone name: the browser's own clock, still marked with its offset.
    return new Intl.DateTimeFormat(locale, { ...options, timeZoneName: "short" }).format(date)
  }
}

/** "user:user_01…" (the API's actor) → the user id, or null for the system. */
export const actorUserId = (actor: string | null | undefined): string | null => {
  if (!actor) return null
  const [type, id] = actor.includes(":") ? actor.split(":", 2) : ["user", actor]
  return type === "user" && id ? id : null
}

/** A signed delta ("+3", "−2", "0") for the movement log. */
export const formatDelta = (v: number | null | undefined, locale: string): string => {
  if (typeof v !== "number" || !Number.isFinite(v) || v === 0) return "–"
  const abs = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.abs(v))
  return v > 0 ? `+${abs}` : `−${abs}`
}
