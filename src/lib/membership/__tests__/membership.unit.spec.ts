import {
  earnPoints,
  expiresAt,
  maskPhone,
  nextAnniversary,
  normalizePhone,
  pointsToReverse,
  progressToNext,
  redeemablePoints,
  takeFromLots,
  tierAfterActivity,
  tierAtAnniversary,
  type EarnRule,
} from ".."

const ladder = [
  { id: "normal", rank: 0, qualify_spend: null, qualify_points: null },
  { id: "silver", rank: 1, qualify_spend: 2000, qualify_points: 2000 },
  { id: "gold", rank: 2, qualify_spend: 8000, qualify_points: 8000 },
  { id: "diamond", rank: 3, qualify_spend: 30000, qualify_points: null },
]

describe("phone numbers", () => {
  it.each([
    ["138 1234 5678", "+8613812345678"],
    ["+86 138-1234-5678", "+8613812345678"],
    ["008613812345678", "+8613812345678"],
    ["(+852) 9123 4567", "+85291234567"],
  ])("%s → %s", (raw, e164) => expect(normalizePhone(raw)).toBe(e164))

  it.each(["", "12812345678", "1381234567", "abc13812345678", "+86+13812345678"])("refuses %p", (raw) => {
    expect(() => normalizePhone(raw)).toThrow(/phone/)
  })

  it("masks the middle", () => expect(maskPhone("+8613812345678")).toBe("+86138****5678"))
})

describe("tiers", () => {
  it("upgrades at once on either criterion, never downgrades on activity", () => {
    expect(tierAfterActivity(ladder, "normal", { spend: 2500, points: 0 }).id).toBe("silver")
    expect(tierAfterActivity(ladder, "normal", { spend: 0, points: 8000 }).id).toBe("gold")
    expect(tierAfterActivity(ladder, "gold", { spend: 10, points: 10 }).id).toBe("gold")
    // diamond has no points criterion: points alone never reach it
    expect(tierAfterActivity(ladder, "gold", { spend: 0, points: 1e6 }).id).toBe("gold")
  })

  it("anniversary: one step down, never below what the window earns; recompute goes straight there", () => {
    expect(tierAtAnniversary(ladder, "diamond", { spend: 100, points: 0 }, "one_step").id).toBe("gold")
    expect(tierAtAnniversary(ladder, "diamond", { spend: 100, points: 0 }, "recompute").id).toBe("normal")
    expect(tierAtAnniversary(ladder, "diamond", { spend: 31000, points: 0 }, "one_step").id).toBe("diamond")
    expect(tierAtAnniversary(ladder, "silver", { spend: 9000, points: 0 }, "one_step").id).toBe("gold")
  })

  it("progress names the next rung and what is missing", () => {
    expect(progressToNext(ladder, "silver", { spend: 5000.5, points: 100 })).toEqual({ next_tier_id: "gold", spend_needed: 2999.5, points_needed: 7900 })
    expect(progressToNext(ladder, "diamond", { spend: 0, points: 0 }).next_tier_id).toBeNull()
  })

  it("anniversary dates roll to the next year and clamp 29 February", () => {
    expect(nextAnniversary(new Date("2024-02-29T03:00:00Z"), new Date("2026-11-24T00:00:00Z")).toISOString()).toBe("2027-02-28T03:00:00.000Z")
    expect(nextAnniversary(new Date("2020-12-01T00:00:00Z"), new Date("2026-11-24T00:00:00Z")).toISOString()).toBe("2026-12-01T00:00:00.000Z")
  })
})

describe("earning", () => {
  const rules: EarnRule[] = [
    { id: "r_default", kind: "base", points_per_yuan: 1 },
    { id: "r_pos", kind: "base", points_per_yuan: 2, sales_channel_id: "sc_pos" },
    { id: "r_shoes", kind: "base", points_per_yuan: 3, category_id: "pcat_shoes" },
    { id: "r_memberday", kind: "bonus", multiplier: 2, month_days: [8] },
    { id: "r_weekend", kind: "bonus", multiplier: 1.5, weekdays: [6, 7] },
  ]
  const ctx = { sales_channel_id: "sc_web", shop_id: null, business_date: "2026-11-24", at: new Date("2026-11-24T04:00:00Z"), tier_multiplier: 1 }

  it("the most specific base rule sets the rate", () => {
    const r = earnPoints(
      [
        { id: "a", amount: 99.9, category_ids: [] },
        { id: "b", amount: 100, category_ids: ["pcat_shoes"] },
      ],
      rules,
      { ...ctx, sales_channel_id: "sc_pos" }
    )
    expect(r.lines.map((l) => [l.points, l.base_rule_id])).toEqual([
      [199, "r_pos"],
      [300, "r_shoes"],
    ])
    expect(r.points).toBe(499)
  })

  it("the largest bonus applies alone, the tier multiplier on top", () => {
    // 2026-11-08 is a Sunday and a member day: ×2 wins over ×1.5, and they do not compound
    const r = earnPoints([{ id: "a", amount: 10, category_ids: [] }], rules, { ...ctx, business_date: "2026-11-08", tier_multiplier: 1.5 })
    expect(r.lines[0]).toMatchObject({ points: 30, bonus_rule_id: "r_memberday" })
  })

  it("rules outside their dates do not apply; no base rule earns nothing", () => {
    const dated: EarnRule[] = [{ id: "x", kind: "base", points_per_yuan: 5, starts_at: "2027-01-01T00:00:00Z" }]
    expect(earnPoints([{ id: "a", amount: 10, category_ids: [] }], dated, ctx).points).toBe(0)
  })

  it("floors 19.99 × 100 to 1999, not 1998", () => {
    expect(earnPoints([{ id: "a", amount: 19.99, category_ids: [] }], [{ id: "r", kind: "base", points_per_yuan: 100 }], ctx).points).toBe(1999)
  })

  it("returns reverse proportionally and cumulatively add up to what was earned", () => {
    let reversed = 0
    for (let returned = 1; returned <= 3; returned++) reversed += pointsToReverse(100, 3, returned, reversed)
    expect(reversed).toBe(100)
    expect(pointsToReverse(100, 3, 1, 0)).toBe(33)
    expect(pointsToReverse(100, 3, 5, 0)).toBe(100)
  })
})

describe("lots and expiry", () => {
  it("spends the lots that expire first, then the oldest", () => {
    const lots = [
      { id: "new", remaining: 50, expires_at: "2028-12-31T16:00:00Z", created_at: "2026-05-01" },
      { id: "never", remaining: 50, expires_at: null, created_at: "2020-01-01" },
      { id: "old", remaining: 30, expires_at: "2027-12-31T16:00:00Z", created_at: "2025-03-01" },
    ]
    expect(takeFromLots(lots, 60)).toEqual({ takes: [{ lot_id: "old", points: 30 }, { lot_id: "new", points: 30 }], short: 0 })
    expect(takeFromLots(lots, 200).short).toBe(70)
  })

  it("end of the year after next, in China time", () => {
    // 2026-12-31 20:00 UTC is already 2027-01-01 in Shanghai: those points live until the end of 2028
    expect(expiresAt(new Date("2026-12-31T20:00:00Z"), { kind: "end_of_year_after_next" })?.toISOString()).toBe("2028-12-31T16:00:00.000Z")
    expect(expiresAt(new Date("2026-06-01T00:00:00Z"), { kind: "end_of_year_after_next" })?.toISOString()).toBe("2027-12-31T16:00:00.000Z")
    expect(expiresAt(new Date(), { kind: "never" })).toBeNull()
  })
})

describe("redemption", () => {
  const cfg = { points_per_yuan: 100, block: 100, max_share: 0.5 }
  it("takes whole blocks within the balance and the cap", () => {
    expect(redeemablePoints(500, 800, 200, cfg)).toEqual({ points: 500, amount: 5 })
    expect(() => redeemablePoints(550, 800, 200, cfg)).toThrow(/blocks of 100/)
    expect(() => redeemablePoints(900, 800, 200, cfg)).toThrow(/800 available/)
    expect(() => redeemablePoints(600, 10000, 10, cfg)).toThrow(/at most 500/)
  })
})
