import { validateOpeningHours, type ValidationIssue } from ".."

function errorsOf(x: unknown): ValidationIssue[] {
  const result = validateOpeningHours(x)
  if (result.ok) throw new Error(`expected errors for ${JSON.stringify(x)}`)
  return result.errors
}

function pathsOf(x: unknown): string[] {
  return errorsOf(x).map((e) => e.path)
}

describe("validateOpeningHours", () => {
  it("accepts ordinary, split, overnight, all-day and empty days", () => {
    const hours = {
      mon: [{ open: "14:00", close: "20:00" }, { open: "09:00", close: "12:00" }],
      tue: [{ open: "09:00", close: "12:00" }, { open: "12:00", close: "18:00" }], // touching is fine
      fri: [{ open: "18:00", close: "02:00" }],
      sat: [{ open: "10:00", close: "24:00" }],
      sun: [{ open: "00:00", close: "24:00" }],
      wed: [],
    }
    const result = validateOpeningHours(hours)
    expect(result).toEqual({
      ok: true,
      value: {
        // Sorted by opening time.
        mon: [{ open: "09:00", close: "12:00" }, { open: "14:00", close: "20:00" }],
        tue: hours.tue,
        fri: hours.fri,
        sat: hours.sat,
        sun: hours.sun,
        wed: [],
      },
    })
  })

  it("accepts a shop open around the clock every day (days touch at midnight)", () => {
    const allDay = [{ open: "00:00", close: "24:00" }]
    expect(validateOpeningHours({ mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay }).ok).toBe(true)
  })

  it("accepts an overnight interval that ends exactly when the next day opens", () => {
    expect(validateOpeningHours({ fri: [{ open: "18:00", close: "02:00" }], sat: [{ open: "02:00", close: "12:00" }] }).ok).toBe(true)
  })

  it("rejects something that is not an object", () => {
    for (const x of [null, [], "mon-fri 09:00-18:00", 42]) {
      expect(errorsOf(x)).toEqual([{ path: "opening_hours", message: expect.stringContaining("object") }])
    }
  })

  it("names unknown weekdays", () => {
    expect(errorsOf({ monday: [], Mon: [] })).toEqual([
      { path: "opening_hours.monday", message: expect.stringContaining("unknown weekday") },
      { path: "opening_hours.Mon", message: expect.stringContaining("unknown weekday") },
    ])
  })

  it("names a day that is not an array and an interval that is not an object", () => {
    expect(pathsOf({ mon: { open: "09:00", close: "18:00" }, tue: ["09:00-18:00"] })).toEqual([
      "opening_hours.mon",
      "opening_hours.tue[0]",
    ])
  })

  it("names each bad time string", () => {
    const errors = errorsOf({
      mon: [
        { open: "09:00", close: "12:00" },
        { open: "13:00", close: "25:00" },
      ],
      tue: [{ open: "9:00", close: "18:00" }],
      wed: [{ open: "24:00", close: "06:00" }],
      thu: [{ open: "09:60", close: 1800 }],
      fri: [{ close: "18:00" }],
    })
    expect(errors.map((e) => e.path)).toEqual([
      "opening_hours.mon[1].close",
      "opening_hours.tue[0].open",
      "opening_hours.wed[0].open",
      "opening_hours.thu[0].open",
      "opening_hours.thu[0].close",
      "opening_hours.fri[0].open",
    ])
    expect(errors[0]!.message).toContain("24:00")
  })

  it("rejects open == close, which could mean either nothing or all day", () => {
    expect(errorsOf({ sat: [{ open: "10:00", close: "10:00" }] })).toEqual([
      { path: "opening_hours.sat[0].close", message: expect.stringContaining("00:00–24:00") },
    ])
    expect(pathsOf({ sat: [{ open: "00:00", close: "00:00" }] })).toEqual(["opening_hours.sat[0].close"])
  })

  it("rejects unknown fields in an interval", () => {
    expect(pathsOf({ mon: [{ open: "09:00", close: "18:00", note: "lunch" }] })).toEqual(["opening_hours.mon[0].note"])
  })

  it("rejects overlapping intervals within a day, naming the later one", () => {
    expect(
      errorsOf({
        mon: [
          { open: "09:00", close: "13:00" },
          { open: "12:00", close: "18:00" },
        ],
      })
    ).toEqual([{ path: "opening_hours.mon[1].open", message: "overlaps opening_hours.mon[0] (09:00–13:00)" }])
  })

  it("rejects an interval nested in another", () => {
    expect(
      pathsOf({
        sat: [
          { open: "10:00", close: "22:00" },
          { open: "12:00", close: "13:00" },
          { open: "21:00", close: "23:00" },
        ],
      })
    ).toEqual(["opening_hours.sat[1].open", "opening_hours.sat[2].open"])
  })

  it("rejects an overnight interval running into the next day's first interval", () => {
    expect(
      errorsOf({
        fri: [{ open: "18:00", close: "03:00" }],
        sat: [{ open: "02:00", close: "12:00" }],
      })
    ).toEqual([{ path: "opening_hours.sat[0].open", message: "overlaps opening_hours.fri[0] (18:00–03:00)" }])
  })

  it("rejects Sunday's overnight interval running into Monday morning", () => {
    expect(
      errorsOf({
        mon: [{ open: "01:00", close: "12:00" }],
        sun: [{ open: "22:00", close: "02:00" }],
      })
    ).toEqual([{ path: "opening_hours.mon[0].open", message: "overlaps opening_hours.sun[0] (22:00–02:00)" }])
    expect(validateOpeningHours({ mon: [{ open: "02:00", close: "12:00" }], sun: [{ open: "22:00", close: "02:00" }] }).ok).toBe(true)
  })

  it("rejects more than 4 intervals a day", () => {
    const five = ["08", "10", "12", "14", "16"].map((h) => ({ open: `${h}:00`, close: `${h}:30` }))
    expect(errorsOf({ thu: five })).toEqual([{ path: "opening_hours.thu", message: expect.stringContaining("at most 4") }])
    expect(validateOpeningHours({ thu: five.slice(0, 4) }).ok).toBe(true)
  })

  it("reports every problem at once, under a caller-chosen path", () => {
    const result = validateOpeningHours({ mon: [{ open: "x", close: "y" }], xyz: [] }, "shops[3].opening_hours")
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.errors.map((e) => e.path)).toEqual([
        "shops[3].opening_hours.mon[0].open",
        "shops[3].opening_hours.mon[0].close",
        "shops[3].opening_hours.xyz",
      ])
    }
  })
})
