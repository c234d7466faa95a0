import {
  allocateByCost,
  cityCentroid,
  costAllocationStrategy,
  releaseParts,
  splitAmount,
  type AllocationContext,
  type AllocationLine,
  type CandidateLocation,
} from ".."
import { haversineKm } from "../../geo"
import { mulberry32 } from "../../random"

// Kunming, around 南屏街: points a few km apart along a line of latitude (1° lng ≈ 100.8 km here).
const CUSTOMER = { lat: 25.04, lng: 102.71 }
const at = (kmEast: number) => ({ lat: 25.04, lng: 102.71 + kmEast / 100.8 })
const loc = (id: string, kmEast: number, extra: Partial<CandidateLocation> = {}): CandidateLocation => ({ id, label: id, point: at(kmEast), ...extra })
const line = (id: string, quantity: number, extra: Partial<AllocationLine> = {}): AllocationLine => ({
  id,
  variant_id: `v_${id}`,
  quantity,
  allow_backorder: false,
  inventory: [{ inventory_item_id: `i_${id}`, required_quantity: 1 }],
  ...extra,
})
const ctx = (c: Partial<AllocationContext>): AllocationContext => ({
  lines: [],
  locations: [],
  available: {},
  customer: { point: CUSTOMER, source: "customer_location" },
  ...c,
})
const partsOf = (r: ReturnType<typeof allocateByCost>, lineId: string) =>
  r.lines.find((l) => l.line_id === lineId)!.parts.map((p) => [p.location_id, p.quantity])
const texts = (r: ReturnType<typeof allocateByCost>, lineId: string) => r.lines.find((l) => l.line_id === lineId)!.reasons.map((x) => x.text)

describe("allocation by cost", () => {
  it("serves a line from the nearest location with stock and says how far it is", () => {
    const r = allocateByCost(
      ctx({
        lines: [line("a", 2)],
        locations: [loc("FAR", 10), loc("NEAR", 3.2), loc("EMPTY", 1)],
        available: { FAR: { i_a: 5 }, NEAR: { i_a: 5 }, EMPTY: { i_a: 0 } },
      })
    )
    expect(partsOf(r, "a")).toEqual([["NEAR", 2]])
    expect(texts(r, "a")).toEqual(["nearest with stock 3.2 km"])
    expect(r.unserved).toEqual([])
    expect(r.location_ids).toEqual(["NEAR"])
  })

  it("splits a line that no single location holds, deepest first, and says so", () => {
    const r = allocateByCost(
      ctx({
        lines: [line("a", 3)],
        locations: [loc("KM-001", 1), loc("KM-002", 2), loc("KM-003", 50)],
        available: { "KM-001": { i_a: 1 }, "KM-002": { i_a: 2 }, "KM-003": { i_a: 0 } },
      })
    )
    expect(partsOf(r, "a")).toEqual([["KM-002", 2], ["KM-001", 1]])
    expect(texts(r, "a")).toEqual(["splits 2+1 because no single location holds 3"])
    // Cost: 1 km + 2 km (per_km 1) + one split penalty (20).
    expect(r.cost).toBeCloseTo(haversineKm(CUSTOMER, at(1)) + haversineKm(CUSTOMER, at(2)) + 20, 2)
  })

  it("keeps a nearer shop above its safety stock when another can serve", () => {
    const r = allocateByCost(
      ctx({
        lines: [line("a", 2)],
        locations: [loc("KM-001", 1), loc("KM-002", 6)],
        available: { "KM-001": { i_a: 5 }, "KM-002": { i_a: 5 } },
        safety_stock: { "KM-001": { v_a: 4 } },
      })
    )
    expect(partsOf(r, "a")).toEqual([["KM-002", 2]])
    expect(texts(r, "a")).toEqual(["nearest with stock 6 km", "kept KM-001 above its safety stock 4"])
  })

  it("dips into safety stock only when nobody else can serve", () => {
    const r = allocateByCost(
      ctx({
        lines: [line("a", 3)],
        locations: [loc("KM-001", 1), loc("KM-002", 6)],
        available: { "KM-001": { i_a: 5 }, "KM-002": { i_a: 0 } },
        safety_stock: { "KM-001": { v_a: 4 } },
      })
    )
    expect(r.lines[0].parts).toEqual([{ location_id: "KM-001", quantity: 3, backorder_quantity: 0, below_safety: 2 }])
    expect(texts(r, "a")).toContain("takes 2 of KM-001's safety stock 4: nobody else can serve")
  })

  it("prefers a third source to dipping into safety stock", () => {
    // Two shops above safety can serve 2+1; the nearest alone would dip.
    const r = allocateByCost(
      ctx({
        lines: [line("a", 3)],
        locations: [loc("A", 1), loc("B", 2), loc("C", 3)],
        available: { A: { i_a: 4 }, B: { i_a: 2 }, C: { i_a: 1 } },
        safety_stock: { A: { v_a: 4 } },
      })
    )
    expect(partsOf(r, "a")).toEqual([["B", 2], ["C", 1]])
    expect(r.lines[0].parts.every((p) => p.below_safety === 0)).toBe(true)
  })

  it("lets the chosen pickup shop serve what it holds, the rest from the nearest to it", () => {
    const r = allocateByCost(
      ctx({
        lines: [line("a", 3), line("b", 1)],
        locations: [loc("PICK", 20), loc("NEAR-CUSTOMER", 0.5), loc("NEAR-PICK", 19)],
        available: { PICK: { i_a: 1, i_b: 4 }, "NEAR-CUSTOMER": { i_a: 9 }, "NEAR-PICK": { i_a: 9 } },
        // Safety stock does not stop the customer's own pickup shop.
        safety_stock: { PICK: { v_a: 5, v_b: 5 } },
        pickup_location_id: "PICK",
      })
    )
    expect(partsOf(r, "a")).toEqual([["PICK", 1], ["NEAR-PICK", 2]])
    expect(partsOf(r, "b")).toEqual([["PICK", 1]])
    expect(texts(r, "a")[0]).toBe("pickup shop PICK chosen by the customer holds 1")
    expect(texts(r, "a")).toContain("pickup shop PICK holds only 1 of 3")
    expect(texts(r, "b")).toEqual(["pickup shop PICK chosen by the customer holds 1"])
  })

  it("ships the whole order from one location when the split penalty outweighs the distance", () => {
    const r = allocateByCost(
      ctx({
        lines: [line("a", 1), line("b", 1)],
        locations: [loc("A-ONLY", 1), loc("BOTH", 5)],
        available: { "A-ONLY": { i_a: 3 }, BOTH: { i_a: 3, i_b: 3 } },
      })
    )
    expect(partsOf(r, "a")).toEqual([["BOTH", 1]])
    expect(partsOf(r, "b")).toEqual([["BOTH", 1]])
    expect(texts(r, "a")).toEqual(["ships with the rest of the order from BOTH instead of A-ONLY"])
  })

  it("weighs the split penalty against the distance", () => {
    const order = (split_penalty: number) =>
      allocateByCost(
        ctx({
          lines: [line("a", 1), line("b", 1)],
          locations: [loc("A", 1), loc("B", 2), loc("BOTH", 25)],
          available: { A: { i_a: 1 }, B: { i_b: 1 }, BOTH: { i_a: 1, i_b: 1 } },
          options: { split_penalty },
        })
      ).location_ids.sort()
    // Two near shops: 1 + 2 + 20 = 23 < 25. With a penalty of 30: 33 > 25, one far shipment.
    expect(order(20)).toEqual(["A", "B"])
    expect(order(30)).toEqual(["BOTH"])
  })

  it("reports a line nobody can serve instead of serving part of it", () => {
    const r = allocateByCost(
      ctx({ lines: [line("a", 3), line("b", 1)], locations: [loc("A", 1), loc("B", 2)], available: { A: { i_a: 1, i_b: 1 }, B: { i_a: 1 } } })
    )
    expect(r.unserved).toEqual([{ line_id: "a", variant_id: "v_a", quantity: 3, available: 2 }])
  })

  it("backorders what nobody holds at the best location when the variant allows it", () => {
    const r = allocateByCost(
      ctx({
        lines: [line("a", 3, { allow_backorder: true })],
        locations: [loc("A", 1), loc("B", 2)],
        available: { A: { i_a: 0 }, B: { i_a: 1 } },
      })
    )
    expect(r.unserved).toEqual([])
    expect(r.lines[0].parts).toEqual([{ location_id: "B", quantity: 3, backorder_quantity: 2, below_safety: 0 }])
    expect(texts(r, "a")).toContain("backorders 2 at B: nobody holds it")
  })

  it("counts a kit in whole units of its scarcest component", () => {
    const kit = line("k", 2, {
      inventory: [
        { inventory_item_id: "cup", required_quantity: 2 },
        { inventory_item_id: "lid", required_quantity: 1 },
      ],
    })
    const r = allocateByCost(
      ctx({ lines: [kit], locations: [loc("A", 1), loc("B", 2)], available: { A: { cup: 3, lid: 9 }, B: { cup: 4, lid: 2 } } })
    )
    // A holds one kit (3 cups / 2), B two.
    expect(partsOf(r, "k")).toEqual([["B", 2]])
  })

  it("ranks by shipping cost without a customer point", () => {
    const r = allocateByCost(
      ctx({
        customer: null,
        lines: [line("a", 1)],
        locations: [loc("DEAR", 1, { shipping_cost: 12 }), loc("CHEAP", 900, { shipping_cost: 6 })],
        available: { DEAR: { i_a: 1 }, CHEAP: { i_a: 1 } },
      })
    )
    expect(partsOf(r, "a")).toEqual([["CHEAP", 1]])
    expect(r.reasons.map((x) => x.code)).toEqual(["no_customer_point"])
  })

  it("follows a replaced ranking (the allocationRanking hook's costs)", () => {
    const r = allocateByCost(
      ctx({
        lines: [line("a", 1)],
        locations: [loc("NEAR", 1), loc("FLAGSHIP", 30)],
        available: { NEAR: { i_a: 5 }, FLAGSHIP: { i_a: 5 } },
        costs: { NEAR: 50, FLAGSHIP: 1 },
        costs_source: "flagships-first",
      })
    )
    expect(partsOf(r, "a")).toEqual([["FLAGSHIP", 1]])
    expect(r.reasons.map((x) => x.text)).toEqual(["locations ranked by flagships-first"])
    expect(texts(r, "a")).toEqual(["lowest cost with stock (1)"])
  })

  it("finds a far warehouse that covers a line no near shop can", () => {
    const near = Array.from({ length: 30 }, (_, i) => loc(`S${String(i).padStart(2, "0")}`, 1 + i * 0.1))
    const available: AllocationContext["available"] = Object.fromEntries(near.map((l) => [l.id, { i_a: 1 }]))
    available.DC = { i_a: 100 }
    const r = allocateByCost(ctx({ lines: [line("a", 8)], locations: [...near, loc("DC", 40)], available }))
    // 8 near shops would cost 8 × ~2 km + 7 × 20 penalty; the DC costs 40.
    expect(partsOf(r, "a")).toEqual([["DC", 8]])
  })
})

describe("allocation properties", () => {
  const rng = mulberry32(20261124)
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1))

  it("never over-allocates and never leaves a servable line unserved (500 random orders)", () => {
    for (let t = 0; t < 500; t++) {
      const locations = Array.from({ length: int(1, 25) }, (_, i) => loc(`L${i}`, int(0, 300) / 10, { shipping_cost: rng() < 0.3 ? int(0, 20) : null }))
      const lines = Array.from({ length: int(1, 4) }, (_, i) =>
        line(`l${i}`, int(1, 8), { allow_backorder: rng() < 0.15, inventory: [{ inventory_item_id: `i${i}`, required_quantity: int(1, 2) }] })
      )
      const available: AllocationContext["available"] = {}
      const safety: Record<string, Record<string, number>> = {}
      for (const l of locations) {
        available[l.id] = Object.fromEntries(lines.map((ln) => [ln.inventory[0].inventory_item_id, rng() < 0.5 ? 0 : int(0, 6)]))
        safety[l.id] = Object.fromEntries(lines.map((ln) => [ln.variant_id, rng() < 0.3 ? int(0, 3) : 0]))
      }
      const pickup = rng() < 0.2 ? locations[int(0, locations.length - 1)].id : null
      const r = allocateByCost(ctx({ lines, locations, available, safety_stock: safety, pickup_location_id: pickup, customer: rng() < 0.8 ? { point: CUSTOMER, source: "city" } : null }))

      for (const ln of lines) {
        const a = r.lines.find((x) => x.line_id === ln.id)!
        const inv = ln.inventory[0]
        const total = locations.reduce((s, l) => s + Math.floor(available[l.id][inv.inventory_item_id] / inv.required_quantity), 0)
        const served = a.parts.reduce((s, p) => s + p.quantity, 0)
        const unserved = r.unserved.find((u) => u.line_id === ln.id)
        if (total >= ln.quantity) {
          expect(unserved).toBeUndefined()
          expect(served).toBe(ln.quantity)
        } else if (ln.allow_backorder) {
          expect(served).toBe(ln.quantity)
          expect(a.parts.reduce((s, p) => s + p.backorder_quantity, 0)).toBe(ln.quantity - total)
        } else {
          expect(unserved).toBeDefined()
        }
        for (const p of a.parts) {
          expect(p.quantity).toBeGreaterThan(0)
          const physical = (p.quantity - p.backorder_quantity) * inv.required_quantity
          expect(physical).toBeLessThanOrEqual(available[p.location_id][inv.inventory_item_id])
        }
        // One part per location per line.
        expect(new Set(a.parts.map((p) => p.location_id)).size).toBe(a.parts.length)
      }
    }
  })

  it("is deterministic", () => {
    const c = ctx({
      lines: [line("a", 3), line("b", 2)],
      locations: [loc("A", 1), loc("B", 1), loc("C", 2)],
      available: { A: { i_a: 2, i_b: 1 }, B: { i_a: 2, i_b: 1 }, C: { i_b: 2 } },
    })
    expect(allocateByCost(c)).toEqual(allocateByCost(c))
  })
})

describe("release", () => {
  it("gives back backorders first, then the last part", () => {
    const parts = [
      { location_id: "A", quantity: 2, backorder_quantity: 0, below_safety: 0 },
      { location_id: "B", quantity: 3, backorder_quantity: 1, below_safety: 0 },
    ]
    expect(costAllocationStrategy.release({ parts, quantity: 1 })).toEqual([{ location_id: "B", quantity: 1 }])
    expect(releaseParts({ parts, quantity: 4 })).toEqual([{ location_id: "B", quantity: 3 }, { location_id: "A", quantity: 1 }])
    expect(releaseParts({ parts, quantity: 99 })).toEqual([{ location_id: "B", quantity: 3 }, { location_id: "A", quantity: 2 }])
  })
})

describe("splitAmount", () => {
  it("prorates to whole cents with the remainder on the first part", () => {
    expect(splitAmount("10", [2, 1])).toEqual(["6.67", "3.33"])
    expect(splitAmount(100, [1, 1, 1])).toEqual(["33.34", "33.33", "33.33"])
    expect(splitAmount("-7.5", [1, 2])).toEqual(["-2.5", "-5"])
  })

  it("adds up exactly whatever the precision", () => {
    const parts = splitAmount("3.3333333333", [1, 1, 1])
    expect(parts).toEqual(["1.1133333333", "1.11", "1.11"])
    const rng = mulberry32(7)
    for (let i = 0; i < 300; i++) {
      const amount = (rng() * 1000).toFixed(1 + Math.floor(rng() * 10))
      const q = Array.from({ length: 2 + Math.floor(rng() * 3) }, () => 1 + Math.floor(rng() * 5))
      const out = splitAmount(amount, q)
      const scaled = (v: string) => {
        const [i, f = ""] = v.replace("-", "").split(".")
        return (v.startsWith("-") ? -1n : 1n) * BigInt(i + f.padEnd(12, "0"))
      }
      expect(out.reduce((s, v) => s + scaled(v), 0n)).toBe(scaled(amount))
      for (const v of out.slice(1)) expect(v.split(".")[1]?.length ?? 0).toBeLessThanOrEqual(2)
    }
  })
})

describe("city centroids", () => {
  it("finds a city by its Chinese or English name, with or without 市", () => {
    expect(cityCentroid("昆明市")?.point).toEqual({ lat: 25.0406, lng: 102.7123 })
    expect(cityCentroid("Kunming")?.name).toBe("昆明")
    expect(cityCentroid("xi'an")?.name).toBe("西安")
    expect(cityCentroid("Atlantis")).toBeNull()
    expect(cityCentroid(undefined)).toBeNull()
  })
})
