import { parseCalendarDate } from "./calendar-date"
import { intervalEndMinute, parseTimeOfDay } from "./time-of-day"
import { WEEKDAYS, type Closure, type OpeningHours, type Weekday } from "./types"

/** Minutes after the local midnight of the opening day; `end` > 1440 for overnight intervals. */
export interface MinuteInterval {
  open: number
  end: number
}

export type WeeklySchedule = Record<Weekday, MinuteInterval[]>

/**
 * Hours in minutes for the time arithmetic. Stored hours passed validation on the way in,
 * so malformed times here are a bug or corrupt data: fail loudly rather than guess.
 */
export function toWeeklySchedule(hours: OpeningHours | null | undefined): WeeklySchedule {
  const schedule = Object.fromEntries(WEEKDAYS.map((d) => [d, [] as MinuteInterval[]])) as WeeklySchedule
  for (const day of WEEKDAYS) {
    for (const [i, interval] of (hours?.[day] ?? []).entries()) {
      const open = parseTimeOfDay(interval.open)
      const close = parseTimeOfDay(interval.close, true)
      if (open === null || close === null || open === close) {
        throw new RangeError(`invalid opening hours at ${day}[${i}]: ${JSON.stringify(interval)}`)
      }
      schedule[day].push({ open, end: intervalEndMinute(open, close) })
    }
  }
  return schedule
}

/** Closure dates as local day numbers. */
export function toClosedDays(closures: readonly Closure[] | null | undefined): Set<number> {
  const days = new Set<number>()
  for (const closure of closures ?? []) {
    const day = parseCalendarDate(closure.date)
    if (day === null) throw new RangeError(`invalid closure date: ${JSON.stringify(closure.date)}`)
    days.add(day)
  }
  return days
}
