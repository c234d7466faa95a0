import { daysFromCivil } from "./calendar-date"

export const DEFAULT_TIME_ZONE = "Asia/Shanghai"

const MS_PER_MINUTE = 60_000
const MS_PER_DAY = 86_400_000

// An IANA name ("Asia/Shanghai", "UTC", "Etc/GMT-8"). Newer ICU also accepts bare offsets
// like "+08:00"; those ignore daylight saving, so a shop must name its zone instead.
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/

// Building a formatter costs far more than using one, and a storefront asks "is it open?"
// for many shops in a handful of zones.
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    if (!IANA_NAME.test(timeZone)) throw new RangeError(`invalid time zone: ${timeZone}`)
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== "string") return false
  try {
    formatterFor(timeZone)
    return true
  } catch {
    return false
  }
}

/** A local wall-clock reading: the local calendar day (days since 1970-01-01) and the time in it. */
export interface WallTime {
  days: number
  minuteOfDay: number
}

/** The local wall clock at `instantMs`, as milliseconds on a UTC-like timeline (seconds resolution). */
function wallClockMs(timeZone: string, instantMs: number): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instantMs))
  const get = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((p) => p.type === type)
    return part ? Number(part.value) : 0
  }
  const days = daysFromCivil(get("year"), get("month"), get("day"))
  return days * MS_PER_DAY + ((get("hour") * 60 + get("minute")) * 60 + get("second")) * 1000
}

function assertValidInstant(instant: Date): number {
  const ms = instant.getTime()
  if (!Number.isFinite(ms)) throw new RangeError("invalid Date")
  return ms
}

export function wallTimeAt(timeZone: string, instant: Date): WallTime {
  const wall = wallClockMs(timeZone, assertValidInstant(instant))
  const days = Math.floor(wall / MS_PER_DAY)
  return { days, minuteOfDay: Math.floor((wall - days * MS_PER_DAY) / MS_PER_MINUTE) }
}

function offsetMsAt(timeZone: string, instantMs: number): number {
  const wholeSecond = Math.floor(instantMs / 1000) * 1000
  return wallClockMs(timeZone, wholeSecond) - wholeSecond
}

/**
 * The instant at which the shop's wall clock reads `minuteOfDay` on local day `days`
 * (`minuteOfDay` may exceed a day, e.g. 26:00 for an overnight close).
 * In an autumn fold, where the reading happens twice, the earlier instant; in a spring gap,
 * where it never happens, the moment the clock jumps past it (02:30 → the 03:00 that follows).
 */
export function instantOfWallTime(timeZone: string, days: number, minuteOfDay: number): Date {
  const wall = days * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE
  // Offsets in force a day either side cover any single transition near this reading.
  const offsets = [...new Set([-MS_PER_DAY, 0, MS_PER_DAY].map((d) => offsetMsAt(timeZone, wall + d)))]
  const exact = offsets
    .map((offset) => wall - offset)
    .filter((candidate) => wallClockMs(timeZone, candidate) === wall)
  if (exact.length > 0) return new Date(Math.min(...exact))

  // In a gap: find the first whole second whose wall clock is at or past the reading.
  let lo = (wall - Math.max(...offsets)) / 1000
  let hi = (wall - Math.min(...offsets)) / 1000
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (wallClockMs(timeZone, mid * 1000) >= wall) hi = mid
    else lo = mid
  }
  return new Date(hi * 1000)
}
