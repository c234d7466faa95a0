import {
  ADI_CUTOFF,
  CN_HOLIDAYS,
  classify,
  classOf,
  cnDayKind,
  cnHolidayFlags,
  CV2_CUTOFF,
  DAY_HOLIDAY,
  DAY_MAKEUP_WORKDAY,
  DAY_NORMAL,
  dayToIso,
  isoToDay,
} from ".."

describe("Syntetos–Boylan classification", () => {
  it("uses the cut-offs 1.32 and 0.49, a value on a cut-off counting as the high side", () => {
    expect(ADI_CUTOFF).toBe(1.32)
    expect(CV2_CUTOFF).toBe(0.49)
    expect(classOf(1.31, 0.48)).toBe("smooth")
    expect(classOf(1.32, 0.48)).toBe("intermittent")
    expect(classOf(1.31, 0.49)).toBe("erratic")
    expect(classOf(1.32, 0.49)).toBe("lumpy")
    expect(classOf(Infinity, 0)).toBe("none")
  })

  it("computes ADI and CV² by hand", () => {
    // 8 periods, demands 2, 4, 6 → ADI 8/3; sizes mean 4, population variance 8/3 → CV² 1/6
    const c = classify([0, 2, 0, 4, 0, 0, 6, 0])
    expect(c.adi).toBeCloseTo(8 / 3, 12)
    expect(c.cv2).toBeCloseTo(1 / 6, 12)
    expect(c.class).toBe("intermittent")
    expect(c.nonzero).toBe(3)
  })

  it("leaves censored periods out of the demand interval", () => {
    // the zeros at 2..5 are stock-outs: without them demand comes every period
    const demand = [3, 3, 0, 0, 0, 0, 3, 3]
    expect(classify(demand).class).toBe("intermittent")
    const observed = [1, 1, 0, 0, 0, 0, 1, 1]
    const c = classify(demand, observed)
    expect(c.adi).toBe(1)
    expect(c.class).toBe("smooth")
  })
})

describe("Chinese public holidays with make-up working days", () => {
  it("knows the 2025 and 2026 State Council arrangements", () => {
    expect(cnDayKind("2025-01-28")).toBe(DAY_HOLIDAY) // 除夕
    expect(cnDayKind("2025-02-04")).toBe(DAY_HOLIDAY)
    expect(cnDayKind("2025-01-26")).toBe(DAY_MAKEUP_WORKDAY) // a Sunday worked
    expect(cnDayKind("2025-02-08")).toBe(DAY_MAKEUP_WORKDAY)
    expect(cnDayKind("2025-10-08")).toBe(DAY_HOLIDAY) // 国庆 + 中秋, 8 days
    expect(cnDayKind("2025-10-11")).toBe(DAY_MAKEUP_WORKDAY)
    expect(cnDayKind("2026-02-15")).toBe(DAY_HOLIDAY) // 春节 2026, 9 days
    expect(cnDayKind("2026-02-23")).toBe(DAY_HOLIDAY)
    expect(cnDayKind("2026-02-14")).toBe(DAY_MAKEUP_WORKDAY)
    expect(cnDayKind("2026-02-28")).toBe(DAY_MAKEUP_WORKDAY)
    expect(cnDayKind("2026-01-04")).toBe(DAY_MAKEUP_WORKDAY)
    expect(cnDayKind("2026-03-10")).toBe(DAY_NORMAL)
    const days = (y: number) =>
      CN_HOLIDAYS.find((h) => h.year === y)!.blocks.reduce((s, b) => s + isoToDay(b.to) - isoToDay(b.from) + 1, 0)
    expect(days(2025)).toBe(1 + 8 + 3 + 5 + 3 + 8)
    expect(days(2026)).toBe(3 + 9 + 3 + 5 + 3 + 3 + 7)
  })

  it("marks 2027 as provisional: statutory days only", () => {
    const y2027 = CN_HOLIDAYS.find((h) => h.year === 2027)!
    expect(y2027.provisional).toBe(true)
    expect(cnDayKind("2027-02-06")).toBe(DAY_HOLIDAY) // 春节
    expect(y2027.blocks.every((b) => b.makeUpWorkdays.length === 0)).toBe(true)
    expect(CN_HOLIDAYS.filter((h) => h.provisional).map((h) => h.year)).toEqual([2027])
  })

  it("builds event flags for a date range, OR-ing into existing flags", () => {
    const flags = new Uint8Array(10)
    flags[0] = 1 // a promotion set by the caller
    cnHolidayFlags("2025-09-27", 10, flags)
    // 09-27 normal (promo kept), 09-28 make-up workday, 10-01 … 10-06 holiday
    expect(Array.from(flags)).toEqual([1, 4, 0, 0, 2, 2, 2, 2, 2, 2])
  })

  it("does calendar arithmetic on ISO dates and rejects bad ones", () => {
    expect(dayToIso(isoToDay("2024-02-29") + 1)).toBe("2024-03-01")
    expect(() => isoToDay("2025-02-30")).toThrow(/invalid/)
    expect(() => isoToDay("2025/02/03")).toThrow(/invalid/)
  })
})
