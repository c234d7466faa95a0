import { isOpenAt, nextOpening, validateOpeningHours, WEEKDAYS, type Closure, type OpeningHours, type TimeInterval } from ".."
import { mulberry32, randomInt } from "../../random"

const at = (iso: string) => new Date(iso)
const iso = (d: Date | null) => (d === null ? null : d.toISOString())

function everyDay(open: string, close: string): OpeningHours {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, [{ open, close }]]))
}

describe("nextOpening", () => {
  it("returns the instant itself while the shop is open", () => {
    const instant = at("2026-03-30T03:00:00Z") // 11:00 in Shanghai
    expect(iso(nextOpening(everyDay("09:00", "21:00"), [], "Asia/Shanghai", instant))).toBe(instant.toISOString())
  })

  it("returns this morning's opening before it, and tomorrow's after closing", () => {
    const hours = everyDay("09:00", "21:00")
    expect(iso(nextOpening(hours, [], "Asia/Shanghai", at("2026-03-29T23:00:00Z")))).toBe("2026-03-30T01:00:00.000Z") // 07:00 → 09:00
    expect(iso(nextOpening(hours, [], "Asia/Shanghai", at("2026-03-30T13:00:00Z")))).toBe("2026-03-31T01:00:00.000Z") // 21:00 → tomorrow 09:00
  })

  it("picks the afternoon shift during a lunch break", () => {
    const hours: OpeningHours = { mon: [{ open: "09:00", close: "12:00" }, { open: "14:00", close: "20:00" }] }
    expect(iso(nextOpening(hours, [], "Asia/Shanghai", at("2026-03-30T05:00:00Z")))).toBe("2026-03-30T06:00:00.000Z")
  })

  it("skips closed weekdays, wrapping the week", () => {
    const hours: OpeningHours = { mon: [{ open: "10:00", close: "18:00" }] }
    // Tuesday 2026-03-31 → next Monday 2026-04-06 10:00 Shanghai.
    expect(iso(nextOpening(hours, [], "Asia/Shanghai", at("2026-03-31T02:00:00Z")))).toBe("2026-04-06T02:00:00.000Z")
  })

  it("counts yesterday's overnight interval that is still running", () => {
    const hours: OpeningHours = { sun: [{ open: "22:00", close: "02:00" }] }
    const monday0100 = at("2026-03-29T17:00:00Z")
    expect(iso(nextOpening(hours, [], "Asia/Shanghai", monday0100))).toBe(monday0100.toISOString())
    // At Monday 02:00 it has just closed: next Sunday 22:00.
    expect(iso(nextOpening(hours, [], "Asia/Shanghai", at("2026-03-29T18:00:00Z")))).toBe("2026-04-05T14:00:00.000Z")
  })

  it("jumps over a run of closure days (春节)", () => {
    const closures: Closure[] = ["2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11"].map((date) => ({ date, reason: "春节" }))
    // Friday 2027-02-05 22:00 Shanghai: closed until Friday 2027-02-12 10:00.
    expect(iso(nextOpening(everyDay("10:00", "22:00"), closures, "Asia/Shanghai", at("2027-02-05T14:00:00Z")))).toBe("2027-02-12T02:00:00.000Z")
  })

  it("gives the Berlin opening in local time on both sides of DST", () => {
    const hours = everyDay("09:00", "18:00")
    // Saturday 2026-03-28 19:00 CET → Sunday 09:00 CEST = 07:00Z.
    expect(iso(nextOpening(hours, [], "Europe/Berlin", at("2026-03-28T18:00:00Z")))).toBe("2026-03-29T07:00:00.000Z")
    // Saturday 2026-10-24 19:00 CEST → Sunday 09:00 CET = 08:00Z.
    expect(iso(nextOpening(hours, [], "Europe/Berlin", at("2026-10-24T17:00:00Z")))).toBe("2026-10-25T08:00:00.000Z")
  })

  it("opens a shop whose opening time falls in the spring gap when the clock jumps past it", () => {
    const hours: OpeningHours = { sun: [{ open: "02:30", close: "12:00" }] }
    const opening = nextOpening(hours, [], "Europe/Berlin", at("2026-03-28T22:00:00Z"))
    expect(iso(opening)).toBe("2026-03-29T01:00:00.000Z") // 03:00 CEST
    expect(isOpenAt(hours, [], "Europe/Berlin", opening!)).toBe(true)
    expect(isOpenAt(hours, [], "Europe/Berlin", at("2026-03-29T00:59:59Z"))).toBe(false)
  })

  it("returns null when the shop stays closed for 14 days or has no hours", () => {
    const closures: Closure[] = Array.from({ length: 20 }, (_, i) => ({ date: `2027-03-${String(i + 1).padStart(2, "0")}` }))
    expect(nextOpening(everyDay("10:00", "22:00"), closures, "Asia/Shanghai", at("2027-02-28T15:00:00Z"))).toBeNull()
    expect(nextOpening(null, [], "Asia/Shanghai", at("2027-02-28T15:00:00Z"))).toBeNull()
    expect(nextOpening({}, [], "Asia/Shanghai", at("2027-02-28T15:00:00Z"))).toBeNull()
  })

  it("still finds an opening 13 days ahead but not one beyond 14 days", () => {
    const hours: OpeningHours = { mon: [{ open: "10:00", close: "18:00" }] }
    const closures: Closure[] = [{ date: "2026-04-06" }]
    // Monday 2026-03-30 18:00 Shanghai; the 6 April Monday is closed; 13 April 10:00 is 13d16h away.
    expect(iso(nextOpening(hours, closures, "Asia/Shanghai", at("2026-03-30T10:00:00Z")))).toBe("2026-04-13T02:00:00.000Z")
    closures.push({ date: "2026-04-13" })
    expect(nextOpening(hours, closures, "Asia/Shanghai", at("2026-03-30T10:00:00Z"))).toBeNull()
  })

  describe("agrees with isOpenAt on random schedules", () => {
    // Berlin times avoid 02:00–03:00, the hour that is skipped or repeated at a DST switch,
    // where "open" follows the wall clock and an opening follows the instant.
    const berlinSafeSlots = Array.from({ length: 48 }, (_, i) => i * 30).filter((m) => m < 120 || m >= 180)
    const anySlot = Array.from({ length: 48 }, (_, i) => i * 30)
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`

    function randomHours(random: () => number, slots: number[]): OpeningHours {
      for (;;) {
        const hours: OpeningHours = {}
        for (const day of WEEKDAYS) {
          const count = randomInt(random, 0, 2)
          const intervals: TimeInterval[] = []
          for (let i = 0; i < count; i++) {
            const open = slots[randomInt(random, 0, slots.length - 1)]!
            let close = slots[randomInt(random, 0, slots.length - 1)]!
            if (close === open) close = 24 * 60
            intervals.push({ open: hhmm(open), close: close === 24 * 60 ? "24:00" : hhmm(close) })
          }
          hours[day] = intervals
        }
        if (validateOpeningHours(hours).ok) return hours
      }
    }

    for (const [timeZone, slots, seed] of [
      ["Asia/Shanghai", anySlot, 1],
      ["Europe/Berlin", berlinSafeSlots, 2],
    ] as const) {
      it(`in ${timeZone}`, () => {
        const random = mulberry32(seed)
        const start = Date.parse("2026-03-20T00:00:00Z") // spans the March and (below) October switches
        for (let c = 0; c < 60; c++) {
          const hours = randomHours(random, [...slots])
          const closures: Closure[] = random() < 0.5 ? [{ date: c % 2 ? "2026-03-29" : "2026-10-25" }] : []
          const offsetDays = c % 2 ? randomInt(random, 0, 12) : 214 + randomInt(random, 0, 4)
          const instant = new Date(start + offsetDays * 86_400_000 + randomInt(random, 0, 24 * 60 - 1) * 60_000)
          const opening = nextOpening(hours, closures, timeZone, instant)
          const label = `${timeZone} ${JSON.stringify(hours)} ${JSON.stringify(closures)} from ${instant.toISOString()}`

          expect({ label, open: isOpenAt(hours, closures, timeZone, instant) }).toEqual({ label, open: opening?.getTime() === instant.getTime() })
          if (opening === null) continue
          expect({ label, open: isOpenAt(hours, closures, timeZone, opening) }).toEqual({ label, open: true })
          // Closed at every step (15 min) between the instant and the opening.
          for (let t = instant.getTime(); t < opening.getTime(); t += 15 * 60_000) {
            expect({ label, t: new Date(t).toISOString(), open: isOpenAt(hours, closures, timeZone, new Date(t)) }).toEqual({ label, t: new Date(t).toISOString(), open: false })
          }
        }
      })
    }
  })
})
