import { formatOpeningHours, parseOpeningHoursText } from ".."
import { validateOpeningHours, WEEKDAYS, type OpeningHours, type TimeInterval } from "../../opening-hours"
import { mulberry32, randomInt } from "../../random"

function parsed(text: string): OpeningHours {
  const result = parseOpeningHoursText(text)
  if (!result.ok) throw new Error(`${text}: ${JSON.stringify(result.errors)}`)
  return result.value
}

function messages(text: string): string[] {
  const result = parseOpeningHoursText(text)
  if (result.ok) throw new Error(`expected errors for ${text}`)
  return result.errors.map((e) => `${e.path}: ${e.message}`)
}

const nine = (close: string): TimeInterval[] => [{ open: "09:00", close }]

describe("parseOpeningHoursText", () => {
  it("reads weekday ranges", () => {
    expect(parsed("mon-fri 09:00-21:30; sat-sun 10:00-22:00")).toEqual({
      mon: nine("21:30"),
      tue: nine("21:30"),
      wed: nine("21:30"),
      thu: nine("21:30"),
      fri: nine("21:30"),
      sat: [{ open: "10:00", close: "22:00" }],
      sun: [{ open: "10:00", close: "22:00" }],
    })
  })

  it("reads daily, split shifts, overnight and 24:00", () => {
    const daily = parsed("daily 10:00-22:00")
    expect(Object.keys(daily)).toEqual([...WEEKDAYS])
    expect(parsed("mon 09:00-12:00,14:00-20:00")).toEqual({ mon: [{ open: "09:00", close: "12:00" }, { open: "14:00", close: "20:00" }] })
    expect(parsed("fri-sat 18:00-02:00")).toEqual({ fri: [{ open: "18:00", close: "02:00" }], sat: [{ open: "18:00", close: "02:00" }] })
    expect(parsed("sat 10:00-24:00")).toEqual({ sat: [{ open: "10:00", close: "24:00" }] })
  })

  it("reads day lists and ranges that wrap the week", () => {
    expect(Object.keys(parsed("mon,wed,fri 09:00-18:00"))).toEqual(["mon", "wed", "fri"])
    expect(Object.keys(parsed("fri-mon 09:00-18:00"))).toEqual(["mon", "fri", "sat", "sun"])
    expect(Object.keys(parsed("sun-thu 18:00-24:00"))).toEqual(["mon", "tue", "wed", "thu", "sun"])
  })

  it("merges a day named in several groups", () => {
    expect(parsed("mon-fri 09:00-12:00; mon 14:00-18:00").mon).toEqual([
      { open: "09:00", close: "12:00" },
      { open: "14:00", close: "18:00" },
    ])
  })

  it("forgives case, spacing, single-digit hours, a trailing ';' and full-width punctuation", () => {
    const expected = parsed("mon-fri 09:00-21:30; sat 10:00-12:00,14:00-22:00")
    expect(parsed("  MON - Fri   9:00 - 21:30 ;Sat 10:00-12:00 , 14:00-22:00; ")).toEqual(expected)
    expect(parsed("mon－fri 09：00～21：30；sat 10:00–12:00，14:00-22:00")).toEqual(expected)
  })

  it("reads 'closed' as a shop with no hours", () => {
    expect(parsed("closed")).toEqual({})
    expect(parsed("Closed")).toEqual({})
  })

  it("explains syntax errors with the offending group", () => {
    expect(messages("mon-fry 09:00-18:00")).toEqual(['opening_hours: in "mon-fry 09:00-18:00": unknown day "fry"; use mon tue wed thu fri sat sun or daily'])
    expect(messages("mon-fri 09:00到18:00")[0]).toContain('"09:00到18:00" is not a time range HH:MM-HH:MM')
    expect(messages("mon-fri 09:00-12:00 14:00-18:00")[0]).toContain("should be <days> <HH:MM-HH:MM>")
    expect(messages("09:00-18:00")[0]).toContain("should be <days>")
    expect(messages("mon-tue-wed 09:00-18:00")[0]).toContain('"mon-tue-wed" is not a day or a day range')
    expect(messages("   ")[0]).toContain("is empty")
  })

  it("passes the result through validateOpeningHours, with paths into it", () => {
    expect(messages("mon 09:00-13:00,12:00-18:00")).toEqual(["opening_hours.mon[1].open: overlaps opening_hours.mon[0] (09:00–13:00)"])
    expect(messages("fri 18:00-03:00; sat 02:00-12:00")).toEqual(["opening_hours.sat[0].open: overlaps opening_hours.fri[0] (18:00–03:00)"])
    expect(messages("tue 09:00-25:00")).toEqual(['opening_hours.tue[0].close: must be a time "HH:MM" from 00:00 to 24:00'])
    expect(messages("wed 10:00-10:00")[0]).toMatch(/^opening_hours\.wed\[0\]\.close: must differ from open/)
    expect(messages("thu 08:00-09:00,10:00-11:00,12:00-13:00,14:00-15:00,16:00-17:00")[0]).toMatch(/^opening_hours\.thu: at most 4/)
  })
})

describe("formatOpeningHours", () => {
  it("writes the compact text", () => {
    expect(formatOpeningHours(parsed("mon-fri 09:00-21:30; sat-sun 10:00-22:00"))).toBe("mon-fri 09:00-21:30; sat-sun 10:00-22:00")
    expect(formatOpeningHours(parsed("daily 10:00-22:00"))).toBe("daily 10:00-22:00")
    expect(formatOpeningHours({ mon: [{ open: "14:00", close: "20:00" }, { open: "09:00", close: "12:00" }] })).toBe("mon 09:00-12:00,14:00-20:00")
    expect(formatOpeningHours({ mon: nine("18:00"), wed: nine("18:00"), thu: nine("18:00"), sun: [] })).toBe("mon 09:00-18:00; wed-thu 09:00-18:00")
  })

  it("writes blank for unknown hours and 'closed' for none", () => {
    expect(formatOpeningHours(null)).toBe("")
    expect(formatOpeningHours(undefined)).toBe("")
    expect(formatOpeningHours({})).toBe("closed")
    expect(formatOpeningHours({ mon: [] })).toBe("closed")
  })

  it("round-trips random valid hours through the text", () => {
    const random = mulberry32(2027)
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`
    // Few distinct shapes, so neighbouring days often match and get grouped.
    const shapes: TimeInterval[][] = [[], [{ open: "09:00", close: "21:30" }], [{ open: "10:00", close: "12:00" }, { open: "14:00", close: "22:00" }]]
    let checked = 0
    while (checked < 300) {
      const hours: OpeningHours = {}
      for (const day of WEEKDAYS) {
        if (random() < 0.7) {
          hours[day] = shapes[randomInt(random, 0, shapes.length - 1)]!
        } else {
          const open = randomInt(random, 0, 47) * 30
          const close = randomInt(random, 1, 48) * 30
          hours[day] = [{ open: hhmm(open), close: close === 1440 ? "24:00" : hhmm(close) }]
        }
      }
      const valid = validateOpeningHours(hours)
      if (!valid.ok) continue
      checked++
      const canonical = Object.fromEntries(Object.entries(valid.value).filter(([, v]) => v.length > 0))
      const text = formatOpeningHours(hours)
      expect({ text, value: parsed(text) }).toEqual({ text, value: canonical })
    }
  })
})
