import { formatCalendarDate } from "./calendar-date"
import { wallTimeAt } from "./time-zone"

/** The shop's local calendar date "YYYY-MM-DD" at `instant`; demand and KPIs are bucketed by it. */
export function localBusinessDate(timeZone: string, instant: Date): string {
  return formatCalendarDate(wallTimeAt(timeZone, instant).days)
}
