import { checkDay, displayClose, isOvernight, weekdaysOf } from "../opening-hours"

describe("opening hours as the editor and the detail page read them", () => {
  it("calls an interval overnight when it closes at or before it opens, but not at midnight", () => {
    expect(isOvernight({ open: "22:00", close: "02:00" })).toBe(true)
    expect(isOvernight({ open: "18:00", close: "18:00" })).toBe(true)
    expect(isOvernight({ open: "09:00", close: "21:30" })).toBe(false)
    // Closing at 00:00 ends the same evening: shown as 24:00, not as "next day 00:00".
    expect(isOvernight({ open: "18:00", close: "00:00" })).toBe(false)
    expect(isOvernight({ open: "18:00", close: "24:00" })).toBe(false)
    expect(displayClose("00:00")).toBe("24:00")
    expect(displayClose("02:00")).toBe("02:00")
  })

  it("flags malformed times, equal open and close, overlaps and too many intervals", () => {
    expect(checkDay([{ open: "9:00", close: "25:00" }])).toEqual([
      { index: 0, field: "open", problem: "format" },
      { index: 0, field: "close", problem: "format" },
    ])
    expect(checkDay([{ open: "10:00", close: "10:00" }])).toEqual([{ index: 0, field: "close", problem: "same" }])
    expect(checkDay([{ open: "09:00", close: "12:00" }, { open: "11:00", close: "14:00" }])).toEqual([
      { index: 1, field: "open", problem: "overlap" },
    ])
    // An overnight interval reaches past midnight: a later one the same evening overlaps it.
    expect(checkDay([{ open: "23:30", close: "01:00" }, { open: "20:00", close: "23:45" }])).toEqual([
      { index: 0, field: "open", problem: "overlap" },
    ])
    const five = Array.from({ length: 5 }, (_, i) => ({ open: `0${i}:00`, close: `0${i}:30` }))
    expect(checkDay(five)).toContainEqual({ index: 4, field: "open", problem: "too_many" })
  })

  it("accepts a split day, 24:00 as a closing time and the whole day", () => {
    expect(checkDay([{ open: "09:00", close: "12:00" }, { open: "14:00", close: "24:00" }])).toEqual([])
    expect(checkDay([{ open: "00:00", close: "24:00" }])).toEqual([])
    expect(checkDay([])).toEqual([])
  })

  it("lists the seven weekdays in order, a missing one as closed", () => {
    const week = weekdaysOf({ mon: [{ open: "09:00", close: "21:00" }] })
    expect(week.map(([d]) => d)).toEqual(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])
    expect(week[0][1]).toHaveLength(1)
    expect(week[6][1]).toEqual([])
    expect(weekdaysOf(null).every(([, i]) => i.length === 0)).toBe(true)
  })
})
