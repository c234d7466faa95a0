import {
  actorId,
  actorKind,
  customerName,
  parseDayList,
  programBody,
  programForm,
  progressShare,
  ruleBody,
  ruleForm,
  signedPoints,
  tierBody,
  tierForm,
  tierName,
} from "../membership-format"
import type { Program, Tier } from "../membership-types"

const gold: Tier = {
  id: "mtier_gold",
  code: "gold",
  name: "金卡",
  name_en: "Gold",
  rank: 2,
  qualify_spend: 5000,
  qualify_points: null,
  points_multiplier: 1.5,
  customer_group_id: "cusgroup_1",
  free_shipping_threshold: 99,
  presale_priority: 2,
  birthday_promotion_id: null,
}

describe("membership admin formatting", () => {
  it("names a tier in the admin's language", () => {
    expect(tierName(gold, "en")).toBe("Gold")
    expect(tierName(gold, "zhCN")).toBe("金卡")
    expect(tierName({ name: "普通", name_en: null }, "en")).toBe("普通")
    expect(tierName(null, "en")).toBe("–")
  })

  it("signs points and splits actors", () => {
    expect(signedPoints(1200, "en-US")).toBe("+1,200")
    expect(signedPoints(-300, "en-US")).toBe("−300")
    expect(actorKind("user:usr_01")).toBe("user")
    expect(actorKind("api-key:apk_1")).toBe("api-key")
    expect(actorKind("weird")).toBe("unknown")
    expect(actorId("user:usr_01")).toBe("usr_01")
    expect(actorId("system")).toBe("")
  })

  it("names a customer family name first in Chinese", () => {
    expect(customerName({ id: "c", email: "a@b.cn", first_name: "芳", last_name: "王" })).toBe("王芳")
    expect(customerName({ id: "c", email: "a@b.cn", first_name: "Ann", last_name: "Lee" })).toBe("Ann Lee")
    expect(customerName({ id: "c", email: "a@b.cn", first_name: null, last_name: null })).toBe("a@b.cn")
  })

  it("reads day lists and refuses days out of range", () => {
    expect(parseDayList("8, 18，8 28", 1, 31)).toEqual([8, 18, 28])
    expect(parseDayList("  ", 1, 31)).toBeNull()
    expect(parseDayList("0", 1, 31)).toBe(false)
    expect(parseDayList("32", 1, 31)).toBe(false)
    expect(parseDayList("1.5", 1, 31)).toBe(false)
  })

  it("round-trips a tier and names the wrong fields", () => {
    expect(tierBody(tierForm(gold))).toEqual({
      body: { code: "gold", name: "金卡", name_en: "Gold", rank: 2, qualify_spend: 5000, qualify_points: null, points_multiplier: 1.5, free_shipping_threshold: 99, presale_priority: 2 },
    })
    const bad = tierBody({ ...tierForm(null, 4), code: "Gold!", rank: "x", points_multiplier: "30", qualify_points: "1.5" })
    expect("errors" in bad && bad.errors).toEqual({ code: "code", name: "required", rank: "rank", points_multiplier: "multiplier", qualify_points: "integer" })
    expect(tierForm(null, 4).rank).toBe("4")
  })

  it("builds an earn rule body: rate for base, multiplier for bonus, whole China days", () => {
    const bonus = ruleBody({ ...ruleForm(null), name: "会员日", multiplier: "2", month_days: "8", weekdays: [6, 3], starts_at: "2026-01-01", ends_at: "2026-12-31" })
    expect("body" in bonus && bonus.body).toEqual({
      name: "会员日",
      kind: "bonus",
      points_per_yuan: null,
      multiplier: 2,
      sales_channel_id: null,
      category_id: null,
      shop_id: null,
      weekdays: [3, 6],
      month_days: [8],
      starts_at: "2026-01-01T00:00:00+08:00",
      ends_at: "2026-12-31T23:59:59+08:00",
      active: true,
    })
    const base = ruleBody({ ...ruleForm(null), kind: "base", name: "x", points_per_yuan: "", ends_at: "2026-01-01", starts_at: "2026-02-01" })
    expect("errors" in base && base.errors).toEqual({ points_per_yuan: "rate", ends_at: "endsAt" })
    expect("errors" in ruleBody({ ...ruleForm(null), name: "x", multiplier: "0.5" })).toBe(true)
  })

  it("round-trips the programme, keeps empty channel windows out and reads the share in percent", () => {
    const program: Program = {
      downgrade_policy: "one_step",
      grace_days: 30,
      return_window_days: { default: 7, sc_pos: 0 },
      expiry: { kind: "end_of_year_after_next" },
      redeem_points_per_yuan: 100,
      redeem_block: 100,
      redeem_max_share: 0.5,
      consent_version: "2026-01",
    }
    const form = programForm(program)
    expect(form.redeem_max_share).toBe("50")
    expect(programBody({ ...form, return_window_days: { ...form.return_window_days, sc_web: "" } })).toEqual({ body: program })
    const days = programBody({ ...form, expiry_kind: "days", expiry_days: "730", redeem_max_share: "30" })
    expect("body" in days && [days.body.expiry, days.body.redeem_max_share]).toEqual([{ kind: "days", days: 730 }, 0.3])
    const bad = programBody({ ...form, grace_days: "-1", return_window_days: { default: "x" }, redeem_max_share: "0", consent_version: " " })
    expect("errors" in bad && bad.errors).toEqual({ grace_days: "days365", "return_window_days.default": "days365", redeem_max_share: "share", consent_version: "required" })
  })

  it("measures progress by whichever measure is nearer", () => {
    expect(progressShare({ spend_12m: 750, spend_needed: 250, points_12m: 100, points_needed: 900 })).toBe(0.75)
    expect(progressShare({ spend_12m: 0, spend_needed: null, points_12m: 0, points_needed: null })).toBeNull()
  })
})
