import { balanceDue, balanceState, checkLimits, cumulativeCap, orderedWindows, validateTerms, windowFor, windowsView, type TierWindow } from ".."

const T0 = new Date("2026-12-01T02:00:00Z")
const h = (hours: number) => new Date(T0.getTime() + hours * 3_600_000)
// The example: 钻石 from T0 with 40 %, 金卡 from T0+2h with 30 % plus what 钻石 left, everyone from T0+6h with the rest.
const windows: TierWindow[] = [
  { id: "everyone", opens_at: h(6), min_priority: 0, share: null },
  { id: "diamond", opens_at: T0, min_priority: 20, share: 0.4 },
  { id: "gold", opens_at: h(2), min_priority: 10, share: 0.3 },
]

describe("tier windows", () => {
  it("the cap grows with each window that opens; unused quota rolls forward", () => {
    expect(cumulativeCap(100, windows, h(-1))).toBe(0)
    expect(cumulativeCap(100, windows, T0)).toBe(40)
    expect(cumulativeCap(100, windows, h(3))).toBe(70)
    expect(cumulativeCap(100, windows, h(7))).toBe(100)
    // 钻石 bought 25 of their 40: 金卡's window can sell 70 − 25 = 45
    expect(windowsView(100, 25, windows, h(3)).map((w) => [w.id, w.open, w.remaining])).toEqual([
      ["diamond", true, 15],
      ["gold", true, 45],
      ["everyone", false, 75],
    ])
  })

  it("a member outside their window is told when it opens; higher tiers may buy in later windows", () => {
    expect(() => windowFor(windows, 10, h(1))).toThrow(`Your window opens at ${h(2).toISOString()}`)
    expect(windowFor(windows, 10, h(2)).id).toBe("gold")
    expect(windowFor(windows, 20, h(7)).id).toBe("diamond")
    expect(() => windowFor(windows, 0, h(5))).toThrow(/opens at/)
    expect(windowFor(windows, 0, h(6)).id).toBe("everyone")
  })

  it("refuses windows that do not add up", () => {
    expect(() => orderedWindows([{ id: "a", opens_at: T0, min_priority: 0, share: 0.7 }, { id: "b", opens_at: h(1), min_priority: 0, share: 0.4 }])).toThrow(/110 %/)
    expect(() => orderedWindows([{ id: "a", opens_at: T0, min_priority: 0, share: null }, { id: "b", opens_at: h(1), min_priority: 0, share: 0.4 }])).toThrow(/only the last/)
    expect(() => orderedWindows([{ id: "a", opens_at: T0, min_priority: 0, share: 0.5 }, { id: "b", opens_at: h(1), min_priority: 10, share: 0.4 }])).toThrow(/higher tier/)
    // without a "rest" window the unsold shares stay unsold
    expect(cumulativeCap(10, [{ id: "a", opens_at: T0, min_priority: 0, share: 0.55 }], h(1))).toBe(5)
  })
})

describe("deposit and balance", () => {
  const terms = { deposit: 50, deposit_value: 100, balance_opens_at: h(48), balance_closes_at: h(72) }
  it("定金膨胀: ¥50 paid takes ¥100 off each unit's balance", () => {
    validateTerms(599, terms)
    expect(balanceDue(599, 2, terms)).toBe(998)
    expect(() => validateTerms(80, terms)).toThrow(/at most the price/)
    expect(() => validateTerms(599, { ...terms, deposit_value: 40 })).toThrow(/at least the deposit/)
  })
  it("the balance window: not yet, open, then the deposit is forfeited", () => {
    expect(balanceState(terms, h(47))).toBe("not_yet")
    expect(balanceState(terms, h(60))).toBe("open")
    expect(balanceState(terms, h(73))).toBe("forfeited")
  })
})

describe("limits", () => {
  it("counts what the member and the phone already hold", () => {
    const limits = { per_member: 2, per_phone: 3 }
    checkLimits(limits, { member: 1, phone: 1 }, 1)
    expect(() => checkLimits(limits, { member: 2, phone: 2 }, 1)).toThrow(/per member/)
    expect(() => checkLimits(limits, { member: 0, phone: 3 }, 1)).toThrow(/per phone/)
    expect(() => checkLimits(limits, { member: 0, phone: 0 }, 0)).toThrow(/at least 1/)
  })
})
