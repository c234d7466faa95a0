import { instantOfWallTime, isValidTimeZone, localBusinessDate, parseCalendarDate, wallTimeAt } from ".."

describe("isValidTimeZone", () => {
  it("accepts IANA names the shops use", () => {
    for (const tz of ["Asia/Shanghai", "Asia/Urumqi", "Asia/Hong_Kong", "Europe/Berlin", "America/Argentina/Buenos_Aires", "UTC", "Etc/GMT-8"]) {
      expect(isValidTimeZone(tz)).toBe(true)
    }
  })

  it("rejects made-up names, bare offsets and non-strings", () => {
    for (const tz of ["Mars/Base", "GMT+25", "+08:00", "UTC+8", "", " Asia/Shanghai", "Asia/Shanghai/", "Beijing"]) {
      expect(isValidTimeZone(tz)).toBe(false)
    }
    expect(isValidTimeZone(undefined as unknown as string)).toBe(false)
  })
})

describe("localBusinessDate", () => {
  it("gives each shop its own calendar date for the same instant", () => {
    const instant = new Date("2026-03-28T17:00:00Z")
    expect(localBusinessDate("Asia/Shanghai", instant)).toBe("2026-03-29") // 01:00 on the 29th
    expect(localBusinessDate("Europe/Berlin", instant)).toBe("2026-03-28") // 18:00 on the 28th
    expect(localBusinessDate("Asia/Urumqi", instant)).toBe("2026-03-28") // 23:00 (UTC+6)
  })

  it("turns the date at local midnight, not at UTC midnight", () => {
    expect(localBusinessDate("Asia/Shanghai", new Date("2026-12-31T15:59:59Z"))).toBe("2026-12-31")
    expect(localBusinessDate("Asia/Shanghai", new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01")
  })

  it("follows daylight saving in Berlin", () => {
    // CET (UTC+1) in winter, CEST (UTC+2) in summer.
    expect(localBusinessDate("Europe/Berlin", new Date("2026-01-15T22:59:00Z"))).toBe("2026-01-15")
    expect(localBusinessDate("Europe/Berlin", new Date("2026-07-15T22:00:00Z"))).toBe("2026-07-16")
  })

  it("rejects an invalid time zone or date", () => {
    expect(() => localBusinessDate("Mars/Base", new Date())).toThrow(RangeError)
    expect(() => localBusinessDate("Asia/Shanghai", new Date("nope"))).toThrow(RangeError)
  })
})

describe("wall time conversions", () => {
  const day = (date: string) => parseCalendarDate(date)!

  it("reads the local wall clock", () => {
    expect(wallTimeAt("Europe/Berlin", new Date("2026-03-29T07:30:00Z"))).toEqual({
      days: day("2026-03-29"),
      minuteOfDay: 9 * 60 + 30,
    })
  })

  it("converts a local reading back to its instant on either side of a DST switch", () => {
    expect(instantOfWallTime("Europe/Berlin", day("2026-03-28"), 9 * 60).toISOString()).toBe("2026-03-28T08:00:00.000Z")
    expect(instantOfWallTime("Europe/Berlin", day("2026-03-29"), 9 * 60).toISOString()).toBe("2026-03-29T07:00:00.000Z")
    expect(instantOfWallTime("Asia/Shanghai", day("2026-03-29"), 9 * 60).toISOString()).toBe("2026-03-29T01:00:00.000Z")
  })

  it("maps a reading inside the spring gap to the moment the clock jumps past it", () => {
    // 2026-03-29 02:00 CET jumps to 03:00 CEST at 01:00Z; 02:30 never shows.
    expect(instantOfWallTime("Europe/Berlin", day("2026-03-29"), 2 * 60 + 30).toISOString()).toBe("2026-03-29T01:00:00.000Z")
  })

  it("maps a reading inside the autumn fold to its first occurrence", () => {
    // 2026-10-25 03:00 CEST falls back to 02:00 CET at 01:00Z; 02:30 shows at 00:30Z and 01:30Z.
    expect(instantOfWallTime("Europe/Berlin", day("2026-10-25"), 2 * 60 + 30).toISOString()).toBe("2026-10-25T00:30:00.000Z")
  })

  it("accepts readings past midnight for overnight closes", () => {
    expect(instantOfWallTime("Asia/Shanghai", day("2026-03-29"), 26 * 60).toISOString()).toBe("2026-03-29T18:00:00.000Z")
  })
})
