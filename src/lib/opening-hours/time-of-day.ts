export const MINUTES_PER_DAY = 24 * 60

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/

/** Minutes after local midnight for "HH:MM", or null. "24:00" only where `allowEndOfDay`. */
export function parseTimeOfDay(value: unknown, allowEndOfDay = false): number | null {
  if (typeof value !== "string") return null
  if (value === "24:00") return allowEndOfDay ? MINUTES_PER_DAY : null
  const match = TIME_OF_DAY.exec(value)
  if (!match) return null
  return Number(match[1]) * 60 + Number(match[2])
}

export function formatTimeOfDay(minutes: number): string {
  const hh = Math.floor(minutes / 60)
  const mm = minutes % 60
  return `${String(hh).padStart(2, "0")}:${String(mm).padStart(2, "0")}`
}

/**
 * Where an interval ends, in minutes after the midnight that starts its opening day:
 * beyond MINUTES_PER_DAY for an overnight interval.
 */
export function intervalEndMinute(open: number, close: number): number {
  return close > open ? close : close + MINUTES_PER_DAY
}
