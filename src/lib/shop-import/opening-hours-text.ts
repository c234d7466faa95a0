import { validateOpeningHours, WEEKDAYS, type OpeningHours, type TimeInterval, type ValidationIssue, type ValidationResult, type Weekday } from "../opening-hours"

const CLOSED = "closed"
const DAILY = "daily"

// Spreadsheets typed with a Chinese input method often carry full-width punctuation.
const FULL_WIDTH: Record<string, string> = { "；": ";", "，": ",", "：": ":", "－": "-", "–": "-", "—": "-", "～": "-", "~": "-" }

function normalize(text: string): string {
  return text
    .replace(/[；，：－–—～~]/g, (c) => FULL_WIDTH[c] ?? c)
    .toLowerCase()
    .replace(/\s*([-,;])\s*/g, "$1")
    .replace(/\s+/g, " ")
    .trim()
}

function isWeekday(word: string): word is Weekday {
  return (WEEKDAYS as readonly string[]).includes(word)
}

/** `mon`, `daily`, `mon-fri`, `fri-mon` (wraps the week), or a comma list of these. */
function parseDays(token: string): Weekday[] | string {
  const days = new Set<Weekday>()
  for (const part of token.split(",")) {
    if (part === DAILY) {
      WEEKDAYS.forEach((d) => days.add(d))
      continue
    }
    const [from, to, ...rest] = part.split("-")
    if (rest.length > 0 || !from) return `"${part}" is not a day or a day range`
    if (!isWeekday(from)) return `unknown day "${from}"; use ${WEEKDAYS.join(" ")} or ${DAILY}`
    if (to === undefined) {
      days.add(from)
      continue
    }
    if (!isWeekday(to)) return `unknown day "${to}"; use ${WEEKDAYS.join(" ")} or ${DAILY}`
    for (let i = WEEKDAYS.indexOf(from); ; i = (i + 1) % WEEKDAYS.length) {
      days.add(WEEKDAYS[i]!)
      if (WEEKDAYS[i] === to) break
    }
  }
  return WEEKDAYS.filter((d) => days.has(d))
}

const INTERVAL = /^(\d{1,2}:\d{2})-(\d{1,2}:\d{2})$/

// "9:00" is how people type it; the validator then holds the padded time to HH:MM.
const padHour = (time: string) => (time.length === 4 ? `0${time}` : time)

function parseIntervals(token: string): TimeInterval[] | string {
  const intervals: TimeInterval[] = []
  for (const part of token.split(",")) {
    const match = INTERVAL.exec(part)
    if (!match) return `"${part}" is not a time range HH:MM-HH:MM`
    intervals.push({ open: padHour(match[1]!), close: padHour(match[2]!) })
  }
  return intervals
}

/**
 * Parses the compact text used in the CSV: `;`-separated groups of `<days> <ranges>`,
 * e.g. `mon-fri 09:00-21:30; sat-sun 10:00-22:00`, `daily 10:00-22:00`,
 * `mon 09:00-12:00,14:00-20:00`, `fri-sat 18:00-02:00` (overnight), or `closed`.
 * A day named in several groups gets all their ranges. The result is then held to
 * validateOpeningHours, so its errors carry paths like `opening_hours.mon[1].close`.
 */
export function parseOpeningHoursText(text: string, path = "opening_hours"): ValidationResult<OpeningHours> {
  const normalized = normalize(text)
  if (normalized === "") return { ok: false, errors: [{ path, message: `is empty; write "${CLOSED}" for a shop that never opens` }] }
  if (normalized === CLOSED) return { ok: true, value: {} }

  const errors: ValidationIssue[] = []
  const hours: Record<Weekday, TimeInterval[]> = Object.fromEntries(WEEKDAYS.map((d) => [d, []])) as unknown as Record<Weekday, TimeInterval[]>
  for (const group of normalized.split(";")) {
    if (group === "") continue
    const match = /^(\S+) (\S+)$/.exec(group)
    if (!match) {
      errors.push({ path, message: `"${group}" should be <days> <HH:MM-HH:MM>[,HH:MM-HH:MM…], e.g. "mon-fri 09:00-21:30"` })
      continue
    }
    const days = parseDays(match[1]!)
    const intervals = parseIntervals(match[2]!)
    if (typeof days === "string") errors.push({ path, message: `in "${group}": ${days}` })
    if (typeof intervals === "string") errors.push({ path, message: `in "${group}": ${intervals}` })
    if (typeof days === "string" || typeof intervals === "string") continue
    for (const day of days) hours[day].push(...intervals.map((interval) => ({ ...interval })))
  }
  if (errors.length > 0) return { ok: false, errors }

  const used: OpeningHours = {}
  for (const day of WEEKDAYS) if (hours[day].length > 0) used[day] = hours[day]
  return validateOpeningHours(used, path)
}

/**
 * The inverse of parseOpeningHoursText, for exports and examples: consecutive days with
 * the same ranges share a group, and a week of identical days is `daily`.
 * Blank for unknown hours, `closed` for a shop with none.
 */
export function formatOpeningHours(hours: OpeningHours | null | undefined): string {
  if (!hours) return ""
  const signatureOf = (day: Weekday) =>
    [...(hours[day] ?? [])]
      .sort((a, b) => (a.open < b.open ? -1 : a.open > b.open ? 1 : 0))
      .map((i) => `${i.open}-${i.close}`)
      .join(",")
  const signatures = WEEKDAYS.map(signatureOf)
  if (signatures.every((s) => s === "")) return CLOSED
  if (signatures.every((s) => s === signatures[0])) return `${DAILY} ${signatures[0]}`

  const groups: string[] = []
  let start = 0
  for (let i = 1; i <= WEEKDAYS.length; i++) {
    if (i < WEEKDAYS.length && signatures[i] === signatures[start]) continue
    if (signatures[start] !== "") {
      const days = i - 1 === start ? WEEKDAYS[start] : `${WEEKDAYS[start]}-${WEEKDAYS[i - 1]}`
      groups.push(`${days} ${signatures[start]}`)
    }
    start = i
  }
  return groups.join("; ")
}
