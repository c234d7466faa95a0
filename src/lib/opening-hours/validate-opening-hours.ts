import { intervalEndMinute, MINUTES_PER_DAY, parseTimeOfDay } from "./time-of-day"
import { WEEKDAYS, type OpeningHours, type TimeInterval, type ValidationIssue, type ValidationResult, type Weekday } from "./types"

export const MAX_INTERVALS_PER_DAY = 4

const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY

interface PlacedInterval {
  path: string
  label: string
  /** Minutes after Monday 00:00; `end` may pass the end of the week (Sunday overnight). */
  start: number
  end: number
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x)
}

function isWeekday(key: string): key is Weekday {
  return (WEEKDAYS as readonly string[]).includes(key)
}

/**
 * Checks untrusted opening hours (an API body, a parsed CSV cell) and returns a clean copy
 * with each day's intervals sorted by opening time, or every problem found with its path.
 */
export function validateOpeningHours(
  x: unknown,
  path = "opening_hours"
): ValidationResult<OpeningHours> {
  if (!isPlainObject(x)) {
    return { ok: false, errors: [{ path, message: "must be an object keyed by weekday (mon … sun)" }] }
  }

  const errors: ValidationIssue[] = []
  const value: OpeningHours = {}
  const placed: PlacedInterval[] = []

  for (const [key, day] of Object.entries(x)) {
    const dayPath = `${path}.${key}`
    if (!isWeekday(key)) {
      errors.push({ path: dayPath, message: `unknown weekday "${key}"; use ${WEEKDAYS.join(", ")}` })
      continue
    }
    if (day === undefined || day === null) continue
    if (!Array.isArray(day)) {
      errors.push({ path: dayPath, message: "must be an array of { open, close } intervals" })
      continue
    }
    if (day.length > MAX_INTERVALS_PER_DAY) {
      errors.push({ path: dayPath, message: `at most ${MAX_INTERVALS_PER_DAY} intervals a day, got ${day.length}` })
    }

    const intervals: Array<TimeInterval & { openMinute: number }> = []
    day.forEach((interval: unknown, i: number) => {
      const intervalPath = `${dayPath}[${i}]`
      if (!isPlainObject(interval)) {
        errors.push({ path: intervalPath, message: "must be an object { open, close }" })
        return
      }
      for (const field of Object.keys(interval)) {
        if (field !== "open" && field !== "close") {
          errors.push({ path: `${intervalPath}.${field}`, message: "unknown field; an interval has only open and close" })
        }
      }
      const open = parseTimeOfDay(interval.open)
      const close = parseTimeOfDay(interval.close, true)
      if (open === null) {
        errors.push({ path: `${intervalPath}.open`, message: 'must be a time "HH:MM" from 00:00 to 23:59' })
      }
      if (close === null) {
        errors.push({ path: `${intervalPath}.close`, message: 'must be a time "HH:MM" from 00:00 to 24:00' })
      }
      if (open === null || close === null) return
      if (open === close) {
        errors.push({
          path: `${intervalPath}.close`,
          message: "must differ from open; for a shop open around the clock use 00:00–24:00",
        })
        return
      }
      const openText = interval.open as string
      const closeText = interval.close as string
      intervals.push({ open: openText, close: closeText, openMinute: open })
      const dayStart = WEEKDAYS.indexOf(key) * MINUTES_PER_DAY
      placed.push({
        path: intervalPath,
        label: `${openText}–${closeText}`,
        start: dayStart + open,
        end: dayStart + intervalEndMinute(open, close),
      })
    })
    value[key] = intervals
      .sort((a, b) => a.openMinute - b.openMinute)
      .map(({ open, close }) => ({ open, close }))
  }

  errors.push(...findOverlaps(placed))
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value }
}

/**
 * Sweeps the week in opening order. Sunday's overnight tail wraps to Monday morning, so
 * it is also placed one week earlier to meet Monday's first intervals.
 */
function findOverlaps(placed: PlacedInterval[]): ValidationIssue[] {
  const wrapped = placed
    .filter((p) => p.end > MINUTES_PER_WEEK)
    .map((p) => ({ ...p, start: p.start - MINUTES_PER_WEEK, end: p.end - MINUTES_PER_WEEK }))
  const sweep = [...wrapped, ...placed].sort((a, b) => a.start - b.start || a.end - b.end)

  const errors: ValidationIssue[] = []
  let reach: PlacedInterval | undefined
  for (const current of sweep) {
    if (reach && current.start < reach.end && current.path !== reach.path) {
      errors.push({
        path: `${current.path}.open`,
        message: `overlaps ${reach.path} (${reach.label})`,
      })
    }
    if (!reach || current.end > reach.end) reach = current
  }
  return errors
}

