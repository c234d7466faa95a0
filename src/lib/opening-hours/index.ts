export {
  WEEKDAYS,
  type Closure,
  type OpeningHours,
  type TimeInterval,
  type ValidationIssue,
  type ValidationResult,
  type Weekday,
} from "./types"
export { formatTimeOfDay, MINUTES_PER_DAY, parseTimeOfDay } from "./time-of-day"
export { formatCalendarDate, parseCalendarDate, weekdayOfDays } from "./calendar-date"
export {
  DEFAULT_TIME_ZONE,
  instantOfWallTime,
  isValidTimeZone,
  wallTimeAt,
  type WallTime,
} from "./time-zone"
export { localBusinessDate } from "./local-business-date"
export { MAX_INTERVALS_PER_DAY, validateOpeningHours } from "./validate-opening-hours"
export { MAX_CLOSURE_REASON_LENGTH, validateClosures } from "./validate-closures"
export { isOpenAt } from "./is-open-at"
export { NEXT_OPENING_HORIZON_DAYS, nextOpening } from "./next-opening"
