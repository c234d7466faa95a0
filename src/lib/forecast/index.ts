export type { DemandClass, ForecastError, Grids, MethodName, SeriesHistory, SeriesInput, SeriesPlan } from "./types"
export { EVENT_HOLIDAY, EVENT_MAKEUP_WORKDAY, EVENT_PROMO } from "./types"
export { ADI_CUTOFF, CV2_CUTOFF, classify, classOf, type Classification } from "./classify"
export { GRIDS, MENU, planSeries, Workspace } from "./plan-series"
export {
  CN_HOLIDAYS,
  CN_HOLIDAY_YEARS,
  cnDayKind,
  cnHolidayFlags,
  DAY_HOLIDAY,
  DAY_MAKEUP_WORKDAY,
  DAY_NORMAL,
  dayToIso,
  isoToDay,
  type HolidayBlock,
  type HolidayYear,
} from "./holidays-cn"
