export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const

export type Weekday = (typeof WEEKDAYS)[number]

/**
 * Local wall-clock times "HH:MM" (24-hour). `close` may be "24:00". An interval whose
 * close <= open (22:00–02:00) is overnight: it belongs to the day it opens and runs into
 * the next day.
 */
export interface TimeInterval {
  open: string
  close: string
}

/** A missing or empty weekday means the shop is closed that day. */
export type OpeningHours = Partial<Record<Weekday, TimeInterval[]>>

/**
 * A whole local business day on which the shop is closed (春节, stocktaking). It closes the
 * intervals that start on that date; an overnight interval from the evening before still
 * runs into it.
 */
export interface Closure {
  /** "YYYY-MM-DD", the shop's local calendar date. */
  date: string
  reason?: string
}

export interface ValidationIssue {
  /** Where the problem is, e.g. `opening_hours.mon[1].close` or `closures[2].date`. */
  path: string
  message: string
}

export type ValidationResult<T> =
  | { ok: true; value: T }
  | { ok: false; errors: ValidationIssue[] }
