import { weekdayOfDays } from "./calendar-date"
import { instantOfWallTime, wallTimeAt } from "./time-zone"
import type { Closure, OpeningHours } from "./types"
import { toClosedDays, toWeeklySchedule } from "./weekly-schedule"

export const NEXT_OPENING_HORIZON_DAYS = 14

const MS_PER_DAY = 86_400_000

/**
 * The earliest moment at or after `instant` when the shop is open — `instant` itself while
 * it is open — or null when it stays closed for the next 14 days (long closures, no hours).
 * For the storefront's "opens at …".
 */
export function nextOpening(
  hours: OpeningHours | null | undefined,
  closures: readonly Closure[] | null | undefined,
  timeZone: string,
  instant: Date
): Date | null {
  const from = instant.getTime()
  const horizon = from + NEXT_OPENING_HORIZON_DAYS * MS_PER_DAY
  const schedule = toWeeklySchedule(hours)
  const closed = toClosedDays(closures)
  const today = wallTimeAt(timeZone, instant).days

  let best: number | null = null
  // Yesterday too: its overnight interval may still be running.
  for (let day = today - 1; day <= today + NEXT_OPENING_HORIZON_DAYS; day++) {
    if (closed.has(day)) continue
    for (const interval of schedule[weekdayOfDays(day)]) {
      const start = instantOfWallTime(timeZone, day, interval.open).getTime()
      if (best !== null && start >= best) continue
      const end = instantOfWallTime(timeZone, day, interval.end).getTime()
      const candidate = Math.max(start, from)
      if (candidate < end && candidate <= horizon) best = candidate
    }
    if (best !== null && best === from) break
  }
  return best === null ? null : new Date(best)
}
