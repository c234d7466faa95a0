import { formatCalendarDate, parseCalendarDate, weekdayOfDays } from ".."

describe("calendar dates", () => {
  it("accepts real dates only", () => {
    expect(parseCalendarDate("1970-01-01")).toBe(0)
    expect(parseCalendarDate("2028-02-29")).not.toBeNull()
    for (const bad of ["2027-02-29", "2100-02-29", "2027-13-01", "2027-04-31", "2027-00-10", "2027-2-6", "27-02-06", "2027-02-06T00:00", "", 20270206]) {
      expect(parseCalendarDate(bad)).toBeNull()
    }
    expect(parseCalendarDate("2000-02-29")).not.toBeNull()
  })

  it("round-trips and agrees with the JavaScript calendar on weekdays", () => {
    for (let days = -1000; days < 30_000; days += 37) {
      const text = formatCalendarDate(days)
      expect(parseCalendarDate(text)).toBe(days)
      expect(text).toBe(new Date(days * 86_400_000).toISOString().slice(0, 10))
      const jsWeekday = new Date(days * 86_400_000).getUTCDay() // 0 = Sunday
      expect(weekdayOfDays(days)).toBe(["sun", "mon", "tue", "wed", "thu", "fri", "sat"][jsWeekday])
    }
  })
})
