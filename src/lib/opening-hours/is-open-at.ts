import { weekdayOfDays } from "./calendar-date"
import { MINUTES_PER_DAY } from "./time-of-day"
import { wallTimeAt } from "./time-zone"
import type { Closure, OpeningHours } from "./types"
import { toClosedDays, toWeeklySchedule } from "./weekly-schedule"

/**
 * Whether the shop is open at `instant`, judged by the shop's local wall clock: today's
 * intervals unless today is a closure, plus the tail of yesterday's overnight intervals
 * unless yesterday was a closure. Null hours (not known) count as closed.
 *
 * In the autumn hour that repeats when daylight saving ends, the clock reading decides,
 * so a shop closing at 02:30 is open again from the second 02:00 to 02:30.
 */
export function isOpenAt(
  hours: OpeningHours | null | undefined,
  closures: readonly Closure[] | null | undefined,
  timeZone: string,
  instant: Date
): boolean {
  const { days: today, minuteOfDay } = wallTimeAt(timeZone, instant)
  const schedule = toWeeklySchedule(hours)
  const closed = toClosedDays(closures)

  if (!closed.has(today)) {
    for (const interval of schedule[weekdayOfDays(today)]) {
      if (interval.open <= minuteOfDay && minuteOfDay < interval.end) return true
    }
  }
  const yesterday = today - 1
  if (!closed.has(yesterday)) {
    for (const interval of schedule[weekdayOfDays(yesterday)]) {
      if (minuteOfDay < interval.end - MINUTES_PER_DAY) return true
    }
  }
  return false
}
