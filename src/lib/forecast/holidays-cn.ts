/**
 * Chinese public holidays (法定节假日) with their make-up working days (调休上班), 2025–2027,
 * shipped as a table because a nightly job has no network to ask.
 *
 * Sources:
 * - 2025: 国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号, 2024-11-12
 *   (the first year under the 2024 revision of 《全国年节及纪念日放假办法》: 春节 and 劳动节
 *   each gain a day).
 * - 2026: 国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04 (Xinhua).
 * - 2027: PROVISIONAL. The State Council's 2027 notice was not available when this table was
 *   written, so 2027 holds only the statutory rest days fixed by 《全国年节及纪念日放假办法》
 *   (2024 revision) on the 2027 calendar — 元旦 1 day, 春节 除夕 + 初一 to 初三 (4 days),
 *   清明 1 day, 劳动节 May 1–2, 端午 1 day, 中秋 1 day, 国庆 Oct 1–3 — and no 调休 days.
 *   Lunar dates: 春节 2027-02-06, 端午 2027-06-09, 中秋 2027-09-15; 清明 2027-04-05.
 *   Replace the 2027 block with the notice (usually published in November) when it appears.
 *
 * Dates are business dates in China (Asia/Shanghai), ISO `YYYY-MM-DD`.
 */

export interface HolidayBlock {
  /** English key of the festival. */
  name: string
  /** Chinese name, as in the notice. */
  nameZh: string
  /** First and last rest day (inclusive) of the block, including weekend days inside it. */
  from: string
  to: string
  /** Weekend days that are working days to make up for the block (调休上班). */
  makeUpWorkdays: string[]
}

export interface HolidayYear {
  year: number
  source: string
  /** True when the table holds only the statutory days, not the State Council's arrangement. */
  provisional: boolean
  blocks: HolidayBlock[]
}

export const CN_HOLIDAYS: readonly HolidayYear[] = [
  {
    year: 2025,
    source: "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）",
    provisional: false,
    blocks: [
      { name: "new-year", nameZh: "元旦", from: "2025-01-01", to: "2025-01-01", makeUpWorkdays: [] },
      { name: "spring-festival", nameZh: "春节", from: "2025-01-28", to: "2025-02-04", makeUpWorkdays: ["2025-01-26", "2025-02-08"] },
      { name: "qingming", nameZh: "清明节", from: "2025-04-04", to: "2025-04-06", makeUpWorkdays: [] },
      { name: "labour-day", nameZh: "劳动节", from: "2025-05-01", to: "2025-05-05", makeUpWorkdays: ["2025-04-27"] },
      { name: "dragon-boat", nameZh: "端午节", from: "2025-05-31", to: "2025-06-02", makeUpWorkdays: [] },
      { name: "national-mid-autumn", nameZh: "国庆节、中秋节", from: "2025-10-01", to: "2025-10-08", makeUpWorkdays: ["2025-09-28", "2025-10-11"] },
    ],
  },
  {
    year: 2026,
    source: "国务院办公厅关于2026年部分节假日安排的通知（2025-11-04，新华社）",
    provisional: false,
    blocks: [
      { name: "new-year", nameZh: "元旦", from: "2026-01-01", to: "2026-01-03", makeUpWorkdays: ["2026-01-04"] },
      { name: "spring-festival", nameZh: "春节", from: "2026-02-15", to: "2026-02-23", makeUpWorkdays: ["2026-02-14", "2026-02-28"] },
      { name: "qingming", nameZh: "清明节", from: "2026-04-04", to: "2026-04-06", makeUpWorkdays: [] },
      { name: "labour-day", nameZh: "劳动节", from: "2026-05-01", to: "2026-05-05", makeUpWorkdays: ["2026-05-09"] },
      { name: "dragon-boat", nameZh: "端午节", from: "2026-06-19", to: "2026-06-21", makeUpWorkdays: [] },
      { name: "mid-autumn", nameZh: "中秋节", from: "2026-09-25", to: "2026-09-27", makeUpWorkdays: [] },
      { name: "national-day", nameZh: "国庆节", from: "2026-10-01", to: "2026-10-07", makeUpWorkdays: ["2026-09-20", "2026-10-10"] },
    ],
  },
  {
    year: 2027,
    source: "《全国年节及纪念日放假办法》（2024年修订）statutory days only; State Council 2027 arrangement not yet in this table",
    provisional: true,
    blocks: [
      { name: "new-year", nameZh: "元旦", from: "2027-01-01", to: "2027-01-01", makeUpWorkdays: [] },
      { name: "spring-festival", nameZh: "春节", from: "2027-02-05", to: "2027-02-08", makeUpWorkdays: [] },
      { name: "qingming", nameZh: "清明节", from: "2027-04-05", to: "2027-04-05", makeUpWorkdays: [] },
      { name: "labour-day", nameZh: "劳动节", from: "2027-05-01", to: "2027-05-02", makeUpWorkdays: [] },
      { name: "dragon-boat", nameZh: "端午节", from: "2027-06-09", to: "2027-06-09", makeUpWorkdays: [] },
      { name: "mid-autumn", nameZh: "中秋节", from: "2027-09-15", to: "2027-09-15", makeUpWorkdays: [] },
      { name: "national-day", nameZh: "国庆节", from: "2027-10-01", to: "2027-10-03", makeUpWorkdays: [] },
    ],
  },
]

/** Days since 1970-01-01 of an ISO date `YYYY-MM-DD` (calendar arithmetic, no time zone). */
export function isoToDay(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) throw new Error(`invalid ISO date "${iso}" (expected YYYY-MM-DD)`)
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  const day = ms / 86_400_000
  if (new Date(ms).toISOString().slice(0, 10) !== iso) throw new Error(`invalid ISO date "${iso}"`)
  return day
}

/** ISO date of a day number (inverse of isoToDay). */
export function dayToIso(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10)
}

export const DAY_NORMAL = 0
export const DAY_HOLIDAY = 1
export const DAY_MAKEUP_WORKDAY = 2

let kindByDay: Map<number, number> | null = null
function table(): Map<number, number> {
  if (kindByDay) return kindByDay
  const map = new Map<number, number>()
  for (const year of CN_HOLIDAYS) {
    for (const block of year.blocks) {
      for (let d = isoToDay(block.from), end = isoToDay(block.to); d <= end; d++) map.set(d, DAY_HOLIDAY)
      for (const w of block.makeUpWorkdays) map.set(isoToDay(w), DAY_MAKEUP_WORKDAY)
    }
  }
  kindByDay = map
  return map
}

/** First and last year the table covers. */
export const CN_HOLIDAY_YEARS = { first: CN_HOLIDAYS[0].year, last: CN_HOLIDAYS[CN_HOLIDAYS.length - 1].year }

/** DAY_HOLIDAY, DAY_MAKEUP_WORKDAY or DAY_NORMAL for an ISO date. */
export function cnDayKind(iso: string): number {
  return table().get(isoToDay(iso)) ?? DAY_NORMAL
}

/**
 * Event flags for `days` consecutive days starting at `startIso`, as planSeries takes them:
 * `holidayBit` on public-holiday rest days, `makeUpBit` on 调休 working days, 0 elsewhere
 * (days outside 2025–2027 are 0). ORs into `out` when given, so promotion flags can be set first.
 */
export function cnHolidayFlags(
  startIso: string,
  days: number,
  out: Uint8Array = new Uint8Array(days),
  holidayBit = 2,
  makeUpBit = 4
): Uint8Array {
  if (out.length < days) throw new Error(`out has ${out.length} slots, need ${days}`)
  const map = table()
  const start = isoToDay(startIso)
  for (let i = 0; i < days; i++) {
    const kind = map.get(start + i)
    if (kind === DAY_HOLIDAY) out[i] |= holidayBit
    else if (kind === DAY_MAKEUP_WORKDAY) out[i] |= makeUpBit
  }
  return out
}
