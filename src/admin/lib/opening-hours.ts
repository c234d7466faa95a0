import { WEEKDAYS, type OpeningHours, type TimeInterval, type Weekday } from "./types"

/** Same limit as the API (src/lib/opening-hours). */
export const MAX_INTERVALS_PER_DAY = 4

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/

/** Minutes after midnight for "HH:MM"; "24:00" only as a closing time. */
export const parseTime = (value: string, isClose = false): number | null => {
  if (isClose && value === "24:00") return 24 * 60
  const m = TIME.exec(value)
  return m ? Number(m[1]) * 60 + Number(m[2]) : null
}

/** close <= open: the interval belongs to its opening day and runs into the next one. */
export const isOvernight = (interval: TimeInterval): boolean => {
  const open = parseTime(interval.open)
  const close = parseTime(interval.close, true)
  return open !== null && close !== null && close <= open && close !== 0
}

/**
 * How a closing time reads: an interval closing at 00:00 ends at midnight, which a
 * merchant reads as 24:00, not as "the next day at 00:00".
 */
export const displayClose = (close: string) => (close === "00:00" ? "24:00" : close)

export type DayIssue = { index: number; field: "open" | "close"; problem: IntervalProblem }
export type IntervalProblem = "format" | "same" | "overlap" | "too_many"

/**
 * Checks one weekday's intervals as the merchant types them; the API checks the whole week
 * again (overnight tails meeting the next morning) and its message is shown if that fails.
 */
export const checkDay = (intervals: TimeInterval[]): DayIssue[] => {
  const issues: DayIssue[] = []
  if (intervals.length > MAX_INTERVALS_PER_DAY) {
    issues.push({ index: MAX_INTERVALS_PER_DAY, field: "open", problem: "too_many" })
  }
  const spans: { index: number; start: number; end: number }[] = []
  intervals.forEach((iv, index) => {
    const open = parseTime(iv.open)
    const close = parseTime(iv.close, true)
    if (open === null) issues.push({ index, field: "open", problem: "format" })
    if (close === null) issues.push({ index, field: "close", problem: "format" })
    if (open === null || close === null) return
    if (open === close) {
      issues.push({ index, field: "close", problem: "same" })
      return
    }
    spans.push({ index, start: open, end: close > open ? close : close + 24 * 60 })
  })
  spans.sort((a, b) => a.start - b.start)
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].start < spans[i - 1].end) {
      issues.push({ index: spans[i].index, field: "open", problem: "overlap" })
    }
  }
  return issues
}

/** The weekdays in order with their intervals (a missing day is an empty list: closed). */
export const weekdaysOf = (hours: OpeningHours | null | undefined): [Weekday, TimeInterval[]][] =>
  WEEKDAYS.map((d) => [d, hours?.[d] ?? []])
