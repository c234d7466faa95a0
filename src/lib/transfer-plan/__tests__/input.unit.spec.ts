import { solveInstance } from "../solve"
import type { TransferInstance } from "../types"
import { TransferPlanInputError } from "../validate"
import { COST } from "./helpers"

const valid = (): TransferInstance => ({
  cost: { ...COST },
  shops: [
    { id: "S1", lat: 25.04, lng: 102.71 },
    { id: "S2", lat: 25.1, lng: 102.8 },
  ],
  surplus: [{ shop: "S1", variant: "V1", quantity: 12 }],
  shortfall: [{ shop: "S2", variant: "V1", quantity: 5 }],
})

/** The error a bad instance raises (no solver is needed to reject input). */
function errorOf(mutate: (i: any) => void, options?: any): TransferPlanInputError {
  const inst = valid()
  mutate(inst)
  try {
    solveInstance(null, inst, options)
  } catch (e) {
    expect(e).toBeInstanceOf(TransferPlanInputError)
    return e as TransferPlanInputError
  }
  throw new Error("expected a TransferPlanInputError")
}

describe("bad input gets a clear error naming the field", () => {
  it.each<[string, (i: any) => void, string, RegExp]>([
    ["negative surplus", (i) => (i.surplus[0].quantity = -3), "surplus[0].quantity", /must not be negative, got -3/],
    ["negative shortfall", (i) => (i.shortfall[0].quantity = -1), "shortfall[0].quantity", /must not be negative/],
    ["fractional quantity", (i) => (i.shortfall[0].quantity = 2.5), "shortfall[0].quantity", /whole number/],
    ["quantity as a string", (i) => (i.surplus[0].quantity = "12"), "surplus[0].quantity", /whole number/],
    ["unknown shop in surplus", (i) => (i.surplus[0].shop = "S9"), "surplus[0].shop", /unknown shop "S9"/],
    ["unknown shop in shortfall", (i) => i.shortfall.push({ shop: "X", variant: "V1", quantity: 1 }), "shortfall[1].shop", /unknown shop "X"/],
    ["NaN latitude", (i) => (i.shops[1].lat = NaN), "shops[1].lat", /latitude/],
    ["missing longitude", (i) => delete i.shops[0].lng, "shops[0].lng", /longitude/],
    ["latitude out of range", (i) => (i.shops[0].lat = 91), "shops[0].lat", /latitude in \[-90, 90\]/],
    ["duplicate shop id", (i) => i.shops.push({ id: "S1", lat: 1, lng: 1 }), "shops[2].id", /duplicate shop id "S1"/],
    ["empty variant", (i) => (i.surplus[0].variant = ""), "surplus[0].variant", /non-empty string/],
    ["NaN cost", (i) => (i.cost.per_km = NaN), "cost.per_km", /finite number/],
    ["negative handling", (i) => (i.cost.per_unit = -1), "cost.per_unit", /must be >= 0/],
    ["zero detour", (i) => (i.cost.detour_factor = 0), "cost.detour_factor", /must be > 0/],
    ["no cost", (i) => delete i.cost, "cost", /must be an object/],
    ["shops not a list", (i) => (i.shops = {}), "shops", /must be an array/],
    ["negative capacity", (i) => (i.shops[0].capacity = -2), "shops[0].capacity", /must not be negative/],
    ["unknown shop in distances", (i) => (i.distances = [{ from: "S1", to: "Q", km: 3 }]), "distances[0].to", /unknown shop "Q"/],
    ["negative road km", (i) => (i.distances = [{ from: "S1", to: "S2", km: -3 }]), "distances[0].km", /must be >= 0/],
    [
      "surplus and shortfall of one variant at one shop",
      (i) => i.surplus.push({ shop: "S2", variant: "V1", quantity: 1 }),
      "shortfall",
      /shop "S2" has both surplus and shortfall of variant "V1"/,
    ],
    ["unknown method", (i) => (i.options = { method: "simplex" }), "options.method", /"colgen", "full" or "greedy"/],
    ["zero max sources", (i) => (i.options = { max_sources_per_destination: 0 }), "options.max_sources_per_destination", /integer >= 1/],
  ])("%s", (_name, mutate, field, message) => {
    const e = errorOf(mutate)
    expect(e.field).toBe(field)
    expect(e.message).toMatch(message)
    expect(e.message.startsWith(`${field}: `)).toBe(true)
  })

  it("rejects a caller's bad option as well as an instance's", () => {
    expect(errorOf(() => undefined, { time_budget_ms: -5 }).field).toBe("options.time_budget_ms")
  })

  it("merges repeated lines and drops zero ones", () => {
    const inst = valid()
    inst.surplus.push({ shop: "S1", variant: "V1", quantity: 0 }, { shop: "S1", variant: "V1", quantity: 3 })
    inst.shortfall.push({ shop: "S2", variant: "V1", quantity: 20 })
    const plan = solveInstance(null, inst)
    expect(plan.lines).toEqual([expect.objectContaining({ from: "S1", to: "S2", quantity: 15 })])
    expect(plan.unmet).toEqual([expect.objectContaining({ shop: "S2", quantity: 10 })])
  })
})
