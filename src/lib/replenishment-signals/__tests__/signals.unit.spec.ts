import { parseCalendarDate } from "../../opening-hours"
import {
  ancestorDistances,
  availableUnits,
  campaignWindow,
  FuturePromotionIndex,
  isOutOfStock,
  locationsForChannelRules,
  orderCandidates,
  pickTarget,
  type ServiceTargetRow,
} from ".."

describe("availability", () => {
  const levels = new Map([
    ["iitem_a", { stocked_quantity: 5, reserved_quantity: 5 }],
    ["iitem_b", { stocked_quantity: 7, reserved_quantity: 1 }],
    ["iitem_c", { stocked_quantity: "3", reserved_quantity: "0" }],
  ])
  const at = (id: string) => levels.get(id)

  it("is stocked − reserved for a plain variant; reserved stock is not available", () => {
    expect(availableUnits([{ inventory_item_id: "iitem_b" }], at)).toBe(6)
    expect(isOutOfStock([{ inventory_item_id: "iitem_a" }], at)).toBe(true)
    expect(isOutOfStock([{ inventory_item_id: "iitem_b" }], at)).toBe(false)
  })

  it("counts kits: the scarcest item over its required quantity, rounded down", () => {
    expect(availableUnits([{ inventory_item_id: "iitem_b", required_quantity: 2 }, { inventory_item_id: "iitem_c", required_quantity: 2 }], at)).toBe(1)
    expect(isOutOfStock([{ inventory_item_id: "iitem_c", required_quantity: 4 }], at)).toBe(true)
  })

  it("treats a missing level as nothing there, and oversold levels as out", () => {
    expect(isOutOfStock([{ inventory_item_id: "iitem_missing" }], at)).toBe(true)
    expect(isOutOfStock([{ inventory_item_id: "x" }], () => ({ stocked_quantity: 2, reserved_quantity: 3 }))).toBe(true)
  })
})

describe("campaignWindow", () => {
  const asOf = parseCalendarDate("2027-03-10")!
  const tz = "Asia/Shanghai"

  it("covers every local business day the campaign is live, clipped to the horizon", () => {
    // 2027-03-12 00:00 Shanghai is 03-11 16:00 UTC; the campaign ends 03-15 23:59 Shanghai.
    expect(campaignWindow({ starts_at: "2027-03-11T16:00:00Z", ends_at: "2027-03-15T15:59:00Z" }, asOf, 28, tz)).toEqual([2, 6])
    // Started before the run, ends inside the horizon.
    expect(campaignWindow({ starts_at: "2027-01-01T00:00:00Z", ends_at: "2027-03-11T04:00:00Z" }, asOf, 28, tz)).toEqual([0, 2])
    // Runs past the horizon.
    expect(campaignWindow({ starts_at: "2027-04-01T00:00:00Z", ends_at: "2027-06-01T00:00:00Z" }, asOf, 28, tz)).toEqual([22, 28])
  })

  it("uses the timezone: 20:00 UTC is already the next day in Shanghai", () => {
    expect(campaignWindow({ starts_at: "2027-03-11T20:00:00Z", ends_at: "2027-03-12T20:00:00Z" }, asOf, 28, tz)).toEqual([2, 4])
    expect(campaignWindow({ starts_at: "2027-03-11T20:00:00Z", ends_at: "2027-03-12T20:00:00Z" }, asOf, 28, "UTC")).toEqual([1, 3])
  })

  it("does not reach into a day the campaign ends at the very start of", () => {
    expect(campaignWindow({ starts_at: "2027-03-11T16:00:00Z", ends_at: "2027-03-12T16:00:00Z" }, asOf, 28, tz)).toEqual([2, 3])
  })

  it("treats open ends as reaching the horizon's edge, and no dates or a miss as null", () => {
    expect(campaignWindow({ starts_at: "2027-03-20T00:00:00Z", ends_at: null }, asOf, 28, tz)).toEqual([10, 28])
    expect(campaignWindow({ starts_at: null, ends_at: "2027-03-12T00:00:00Z" }, asOf, 28, tz)).toEqual([0, 3])
    expect(campaignWindow({ starts_at: null, ends_at: null }, asOf, 28, tz)).toBeNull()
    expect(campaignWindow(null, asOf, 28, tz)).toBeNull()
    expect(campaignWindow({ starts_at: "2026-01-01T00:00:00Z", ends_at: "2027-03-01T00:00:00Z" }, asOf, 28, tz)).toBeNull()
    expect(campaignWindow({ starts_at: "2027-05-01T00:00:00Z", ends_at: "2027-06-01T00:00:00Z" }, asOf, 28, tz)).toBeNull()
  })
})

describe("FuturePromotionIndex", () => {
  const index = new FuturePromotionIndex(
    [
      { id: "promo_clearance", window: [3, 6], locations: new Set(["loc_a"]), conditions: [{ op: "in", variants: new Set(["v1", "v2"]) }] },
      { id: "promo_all", window: [5, 8], locations: null, conditions: [] },
      { id: "promo_not_v2", window: [20, 40], locations: new Set(["loc_b"]), conditions: [{ op: "not_in", variants: new Set(["v2"]) }] },
      {
        id: "promo_both",
        window: [0, 1],
        locations: null,
        conditions: [
          { op: "in", variants: new Set(["v1", "v3"]) },
          { op: "in", variants: new Set(["v3"]) },
        ],
      },
    ],
    28
  )

  it("gives each series the days of every promotion that reaches it, merged", () => {
    expect(index.daysFor("v1", "loc_a")).toEqual([3, 4, 5, 6, 7])
    expect(index.matching("v1", "loc_a").sort()).toEqual(["promo_all", "promo_clearance"])
    expect(index.daysFor("v2", "loc_b")).toEqual([5, 6, 7])
    expect(index.daysFor("v9", "loc_b")).toEqual([5, 6, 7, 20, 21, 22, 23, 24, 25, 26, 27])
    // All conditions must hold.
    expect(index.daysFor("v3", "loc_c")).toEqual([0, 5, 6, 7])
  })

  it("shares one array between series with the same promotions", () => {
    expect(index.daysFor("v7", "loc_a")).toBe(index.daysFor("v8", "loc_c"))
  })

  it("answers null without promotions", () => {
    expect(new FuturePromotionIndex([], 28).daysFor("v1", "loc_a")).toBeNull()
  })
})

describe("locationsForChannelRules", () => {
  const channels = new Map([
    ["loc_a", ["sc_pos_a"]],
    ["loc_b", ["sc_pos_b", "sc_online"]],
    ["loc_c", ["sc_online"]],
  ])
  it("admits locations selling in a listed channel (in, eq), or in one not excluded (ne)", () => {
    expect([...locationsForChannelRules([{ operator: "in", values: ["sc_pos_a", "sc_pos_b"] }], channels)!].sort()).toEqual(["loc_a", "loc_b"])
    expect([...locationsForChannelRules([{ operator: "ne", values: ["sc_online"] }], channels)!].sort()).toEqual(["loc_a", "loc_b"])
    expect([...locationsForChannelRules([{ operator: "eq", values: ["sc_online"] }, { operator: "ne", values: ["sc_online"] }], channels)!]).toEqual(["loc_b"])
    expect(locationsForChannelRules([], channels)).toBeNull()
  })
})

describe("service targets", () => {
  const t = (id: string, x: Partial<ServiceTargetRow>): ServiceTargetRow => ({
    id,
    territory_id: null,
    category_id: null,
    abc_class: null,
    xyz_class: null,
    level: 0.9,
    type: "cycle",
    ...x,
  })
  const targets = [
    t("svct_hq", { territory_id: "terr_hq", level: 0.91 }),
    t("svct_region", { territory_id: "terr_region", level: 0.92 }),
    t("svct_region_a", { territory_id: "terr_region", abc_class: "A", level: 0.97 }),
    t("svct_drinks", { category_id: "pcat_drinks", level: 0.93 }),
    t("svct_tea", { category_id: "pcat_tea", level: 0.94, type: "fill_rate" }),
    t("svct_tea_hq", { category_id: "pcat_tea", territory_id: "terr_hq", level: 0.95 }),
    t("svct_other", { territory_id: "terr_other", level: 0.5 }),
  ]
  const parents = new Map<string, string | null>([
    ["terr_district", "terr_region"],
    ["terr_region", "terr_hq"],
    ["terr_hq", null],
    ["pcat_green", "pcat_tea"],
    ["pcat_tea", "pcat_drinks"],
  ])

  it("walks up trees, keeping the shortest distance", () => {
    expect([...ancestorDistances(["terr_district"], parents)]).toEqual([
      ["terr_district", 0],
      ["terr_region", 1],
      ["terr_hq", 2],
    ])
    expect(ancestorDistances(["pcat_green", "pcat_tea"], parents).get("pcat_tea")).toBe(0)
  })

  it("orders category-and-territory, then category (nearest first), then territory (nearest first)", () => {
    const cats = ancestorDistances(["pcat_green"], parents)
    const terrs = ancestorDistances(["terr_district"], parents)
    const order = orderCandidates(targets, cats, terrs)
    expect(order.map((c) => c.id)).toEqual(["svct_tea_hq", "svct_tea", "svct_drinks", "svct_region_a", "svct_region", "svct_hq"])
    expect(order[0].source).toBe("category:pcat_tea|territory:terr_hq")
    expect(order[1]).toMatchObject({ source: "category:pcat_tea", type: "fill_rate", level: 0.94 })
  })

  it("lets the nearest territory win, and a class-limited target only fit its class", () => {
    const order = orderCandidates(targets, new Map(), ancestorDistances(["terr_district"], parents))
    expect(pickTarget(order, "A", "Z")).toMatchObject({ id: "svct_region_a", level: 0.97, source: "territory:terr_region" })
    expect(pickTarget(order, "B", "X")).toMatchObject({ id: "svct_region", level: 0.92 })
    expect(pickTarget(orderCandidates(targets, new Map(), ancestorDistances(["terr_hq"], parents)), "A", "X")?.id).toBe("svct_hq")
  })

  it("gives nothing when no target reaches the series (the ABC–XYZ default applies)", () => {
    expect(orderCandidates(targets, new Map([["pcat_food", 0]]), new Map([["terr_elsewhere", 0]]))).toEqual([])
    expect(pickTarget([], "A", "X")).toBeNull()
    expect(pickTarget(null, "A", "X")).toBeNull()
  })
})
