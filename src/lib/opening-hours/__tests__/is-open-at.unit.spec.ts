import { isOpenAt, WEEKDAYS, type OpeningHours } from ".."

const at = (iso: string) => new Date(iso)

function everyDay(open: string, close: string): OpeningHours {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, [{ open, close }]]))
}

describe("isOpenAt", () => {
  describe("a Berlin shop open 09:00–18:00 around the spring DST switch (2026-03-29)", () => {
    const hours = everyDay("09:00", "18:00")

    it("is open at 07:30Z, which is 09:30 CEST after the switch", () => {
      expect(isOpenAt(hours, [], "Europe/Berlin", at("2026-03-29T07:30:00Z"))).toBe(true)
    })

    it("is closed at 06:30Z, which is 08:30 CEST", () => {
      expect(isOpenAt(hours, [], "Europe/Berlin", at("2026-03-29T06:30:00Z"))).toBe(false)
    })

    it("was open at 08:30Z the day before (09:30 CET) and closed at 07:30Z (08:30 CET)", () => {
      expect(isOpenAt(hours, [], "Europe/Berlin", at("2026-03-28T08:30:00Z"))).toBe(true)
      expect(isOpenAt(hours, [], "Europe/Berlin", at("2026-03-28T07:30:00Z"))).toBe(false)
    })

    it("closes at 18:00 local: open at 17:59 CEST, closed at 18:00 CEST", () => {
      expect(isOpenAt(hours, [], "Europe/Berlin", at("2026-03-29T15:59:59Z"))).toBe(true)
      expect(isOpenAt(hours, [], "Europe/Berlin", at("2026-03-29T16:00:00Z"))).toBe(false)
    })
  })

  it("judges the same instant by each shop's own zone", () => {
    const hours = everyDay("09:00", "18:00")
    const instant = at("2026-03-29T07:30:00Z") // 15:30 in Shanghai, 09:30 in Berlin, 13:30 in Urumqi
    expect(isOpenAt(hours, [], "Asia/Shanghai", instant)).toBe(true)
    expect(isOpenAt(hours, [], "Asia/Urumqi", instant)).toBe(true)
    const late = at("2026-03-29T11:00:00Z") // 19:00 in Shanghai, 13:00 in Berlin
    expect(isOpenAt(hours, [], "Asia/Shanghai", late)).toBe(false)
    expect(isOpenAt(hours, [], "Europe/Berlin", late)).toBe(true)
  })

  it("opens at the opening minute and closes at the closing minute", () => {
    const hours = everyDay("09:00", "21:30")
    expect(isOpenAt(hours, [], "Asia/Shanghai", at("2026-03-30T00:59:59Z"))).toBe(false) // 08:59:59
    expect(isOpenAt(hours, [], "Asia/Shanghai", at("2026-03-30T01:00:00Z"))).toBe(true) // 09:00
    expect(isOpenAt(hours, [], "Asia/Shanghai", at("2026-03-30T13:29:59Z"))).toBe(true) // 21:29:59
    expect(isOpenAt(hours, [], "Asia/Shanghai", at("2026-03-30T13:30:00Z"))).toBe(false) // 21:30
  })

  it("honours split shifts", () => {
    const hours: OpeningHours = { mon: [{ open: "09:00", close: "12:00" }, { open: "14:00", close: "20:00" }] }
    // 2026-03-30 is a Monday.
    expect(isOpenAt(hours, [], "Asia/Shanghai", at("2026-03-30T03:30:00Z"))).toBe(true) // 11:30
    expect(isOpenAt(hours, [], "Asia/Shanghai", at("2026-03-30T05:00:00Z"))).toBe(false) // 13:00
    expect(isOpenAt(hours, [], "Asia/Shanghai", at("2026-03-30T06:00:00Z"))).toBe(true) // 14:00
  })

  it("runs an overnight interval past midnight into the next day", () => {
    const hours: OpeningHours = { fri: [{ open: "18:00", close: "02:00" }] }
    // Friday 2026-04-03 in Shanghai.
    expect(isOpenAt(hours, [], "Asia/Shanghai", at("2026-04-03T15:00:00Z"))).toBe(true) // fri 23:00
    expect(isOpenAt(hours, [], "Asia/Shanghai", at("2026-04-03T16:30:00Z"))).toBe(true) // sat 00:30
    expect(isOpenAt(hours, [], "Asia/Shanghai", at("2026-04-03T17:59:00Z"))).toBe(true) // sat 01:59
    expect(isOpenAt(hours, [], "Asia/Shanghai", at("2026-04-03T18:00:00Z"))).toBe(false) // sat 02:00
    expect(isOpenAt(hours, [], "Asia/Shanghai", at("2026-04-04T15:00:00Z"))).toBe(false) // sat 23:00
    expect(isOpenAt(hours, [], "Asia/Shanghai", at("2026-04-02T16:30:00Z"))).toBe(false) // fri 00:30: thu has no hours
  })

  it("runs Sunday's overnight interval into Monday across the week boundary", () => {
    const hours: OpeningHours = { sun: [{ open: "22:00", close: "02:00" }] }
    // Sunday 2026-03-29 → Monday 2026-03-30 in Shanghai.
    expect(isOpenAt(hours, [], "Asia/Shanghai", at("2026-03-29T14:30:00Z"))).toBe(true) // sun 22:30
    expect(isOpenAt(hours, [], "Asia/Shanghai", at("2026-03-29T17:00:00Z"))).toBe(true) // mon 01:00
    expect(isOpenAt(hours, [], "Asia/Shanghai", at("2026-03-29T18:00:00Z"))).toBe(false) // mon 02:00
    expect(isOpenAt(hours, [], "Asia/Shanghai", at("2026-03-29T13:59:00Z"))).toBe(false) // sun 21:59
  })

  it("treats a 24:00 close as open until midnight and not a minute past", () => {
    const hours: OpeningHours = { sat: [{ open: "10:00", close: "24:00" }] }
    // Saturday 2026-04-04 in Shanghai.
    expect(isOpenAt(hours, [], "Asia/Shanghai", at("2026-04-04T15:59:59Z"))).toBe(true) // sat 23:59:59
    expect(isOpenAt(hours, [], "Asia/Shanghai", at("2026-04-04T16:00:00Z"))).toBe(false) // sun 00:00
  })

  it("is always open with 00:00–24:00 every day", () => {
    const hours = everyDay("00:00", "24:00")
    for (const iso of ["2026-03-29T16:00:00Z", "2026-03-29T15:59:59Z", "2026-12-31T23:59:59Z", "2026-03-29T01:30:00Z"]) {
      expect(isOpenAt(hours, [], "Asia/Shanghai", at(iso))).toBe(true)
      expect(isOpenAt(hours, [], "Europe/Berlin", at(iso))).toBe(true)
    }
  })

  describe("closures", () => {
    const hours: OpeningHours = {
      ...everyDay("10:00", "22:00"),
      fri: [{ open: "18:00", close: "02:00" }],
      sat: [{ open: "18:00", close: "02:00" }],
    }
    const springFestival = [{ date: "2027-02-06", reason: "春节" }]

    it("keeps the shop closed all day on a closure date", () => {
      expect(isOpenAt(hours, springFestival, "Asia/Shanghai", at("2027-02-06T11:00:00Z"))).toBe(false) // sat 19:00
      expect(isOpenAt(hours, [], "Asia/Shanghai", at("2027-02-06T11:00:00Z"))).toBe(true)
    })

    it("lets Friday's overnight interval run into the closure day", () => {
      expect(isOpenAt(hours, springFestival, "Asia/Shanghai", at("2027-02-05T17:00:00Z"))).toBe(true) // sat 01:00
    })

    it("does not run the closure day's own overnight interval into the next day", () => {
      expect(isOpenAt(hours, springFestival, "Asia/Shanghai", at("2027-02-06T17:00:00Z"))).toBe(false) // sun 01:00
      expect(isOpenAt(hours, [], "Asia/Shanghai", at("2027-02-06T17:00:00Z"))).toBe(true)
    })

    it("reopens the day after the closure", () => {
      expect(isOpenAt(hours, springFestival, "Asia/Shanghai", at("2027-02-07T03:00:00Z"))).toBe(true) // sun 11:00
    })

    it("uses the shop's local date, not the UTC date", () => {
      const monday = [{ date: "2027-02-08" }]
      // 2027-02-07T16:30Z is 00:30 on Monday the 8th in Shanghai but still Sunday in Berlin.
      const allDay = everyDay("00:00", "24:00")
      expect(isOpenAt(allDay, monday, "Asia/Shanghai", at("2027-02-07T16:30:00Z"))).toBe(false)
      expect(isOpenAt(allDay, monday, "Europe/Berlin", at("2027-02-07T16:30:00Z"))).toBe(true)
    })
  })

  it("counts unknown or empty hours as closed", () => {
    for (const hours of [null, undefined, {}, { mon: [] }]) {
      expect(isOpenAt(hours, null, "Asia/Shanghai", at("2026-03-30T03:00:00Z"))).toBe(false)
    }
  })

  it("fails loudly on corrupt hours, closures or time zone", () => {
    const instant = at("2026-03-30T03:00:00Z")
    expect(() => isOpenAt({ mon: [{ open: "9", close: "18:00" }] }, [], "Asia/Shanghai", instant)).toThrow(RangeError)
    expect(() => isOpenAt({}, [{ date: "2027-02-30" }], "Asia/Shanghai", instant)).toThrow(RangeError)
    expect(() => isOpenAt({}, [], "Mars/Base", instant)).toThrow(RangeError)
  })
})
