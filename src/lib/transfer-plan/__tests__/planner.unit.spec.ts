import loadHighs, { type Highs } from "highs"
import { solveInstance } from "../solve"
import type { TransferInstance } from "../types"
import { checkPlan, COST, laneCost, randomInstance } from "./helpers"

let highs: Highs
beforeAll(async () => {
  highs = await loadHighs()
})

describe("optimality certificate on larger random instances", () => {
  it.each([1, 2, 3, 4, 5, 6])("seed %i: every lane of the full problem prices out and the dual bound meets the cost", (seed) => {
    const inst = randomInstance(seed, { shops: 400, variants: 4, shortLines: 40, tightness: seed % 2 ? 0.85 : 0.2, capacities: seed > 3 })
    const plan = solveInstance(highs, inst, { candidates: 3 })
    const c = plan.stats.certificate!
    expect(plan.stats.status).toBe("optimal")
    expect(c.proven_optimal).toBe(true)
    // all lanes were priced, not just the restricted model's
    expect(c.lanes_priced).toBe(plan.stats.lanes_total)
    expect(plan.stats.columns).toBeLessThan(plan.stats.lanes_total)
    expect(c.min_reduced_cost).toBeGreaterThanOrEqual(-c.epsilon)
    expect(c.dual_sign_violation).toBeLessThanOrEqual(1e-6)
    // strong duality, and the Lagrangian bound (valid for the full problem) meets the plan's cost
    expect(Math.abs(c.primal_objective - c.dual_objective)).toBeLessThanOrEqual(1e-6 * Math.max(1, c.primal_objective))
    expect(c.lower_bound).toBeLessThanOrEqual(c.primal_objective + 1e-6)
    expect(c.primal_objective - c.lower_bound).toBeLessThanOrEqual(1e-6 * c.primal_objective)
    expect(checkPlan(inst, plan)).toBeCloseTo(c.primal_objective, 3)
  })

  it("a restricted LP that is not optimal for the full problem is caught by pricing", () => {
    // one round only would leave the far-but-needed sources out: the loop must add them
    const inst = randomInstance(11, { shops: 300, variants: 1, shortLines: 20, tightness: 0.9 })
    const plan = solveInstance(highs, inst, { candidates: 1, cover: 0, columns_per_round: 1 })
    expect(plan.stats.iterations).toBeGreaterThan(1)
    expect(plan.stats.certificate!.proven_optimal).toBe(true)
    expect(plan.total_cost).toBeCloseTo(solveInstance(highs, inst, { method: "full" }).total_cost, 4)
  })
})

describe("column generation equals the full LP", () => {
  it.each([
    [21, 0.9, false],
    [22, 0.5, false],
    [23, 0.1, false],
    [24, 0.9, true],
    [25, 1.3, true],
    [26, 1.5, false],
  ])("seed %i, tightness %f, capacities %s", (seed, tightness, capacities) => {
    const inst = randomInstance(seed, { shops: 250, variants: 3, shortLines: 30, tightness, capacities })
    const cg = solveInstance(highs, inst, { candidates: 2 })
    const full = solveInstance(highs, inst, { method: "full" })
    expect(full.stats.method).toBe("full_lp")
    expect(full.stats.columns).toBe(full.stats.lanes_total)
    expect(cg.stats.method).toBe("column_generation")
    expect(cg.total_cost).toBeCloseTo(full.total_cost, 4)
    checkPlan(inst, cg)
    checkPlan(inst, full)
    if (tightness > 1) expect(cg.stats.units_unmet).toBeGreaterThan(0)
  })
})

describe("unmet penalty", () => {
  // two shops ~100 km apart: unit cost 1.5 + 0.8 × 1.3 × 100 ≈ 105.5
  const base = (penalty: number): TransferInstance => ({
    cost: { ...COST, unmet_penalty: penalty },
    shops: [
      { id: "A", lat: 25.0, lng: 102.7 },
      { id: "B", lat: 25.0 + 100 / 111.195, lng: 102.7 },
    ],
    surplus: [{ shop: "A", variant: "V", quantity: 10 }],
    shortfall: [{ shop: "B", variant: "V", quantity: 4 }],
  })

  it("moves units when the lane costs less than leaving them short", () => {
    const inst = base(110)
    const plan = solveInstance(highs, inst)
    expect(laneCost(inst, "A", "B")).toBeCloseTo(105.5, 1)
    expect(plan.lines).toHaveLength(1)
    expect(plan.lines[0]).toMatchObject({ from: "A", to: "B", variant: "V", quantity: 4 })
    expect(plan.unmet).toEqual([])
  })

  it("leaves units short when every lane costs more than the penalty, in the LP and in greedy", () => {
    const inst = base(100)
    for (const method of ["colgen", "full", "greedy"] as const) {
      const plan = solveInstance(highs, inst, { method })
      expect(plan.lines).toEqual([])
      expect(plan.unmet).toEqual([{ shop: "B", variant: "V", quantity: 4, cheapest_unit_cost: expect.closeTo(105.5, 1) }])
      expect(plan.total_cost).toBeCloseTo(400, 6)
    }
  })

  it("a variant nobody holds is unmet at the penalty, with no cheapest source", () => {
    const inst = base(1000)
    inst.shortfall.push({ shop: "A", variant: "W", quantity: 2 })
    const plan = solveInstance(highs, inst)
    expect(plan.stats.status).toBe("optimal")
    expect(plan.unmet).toEqual([{ shop: "A", variant: "W", quantity: 2, cheapest_unit_cost: null }])
    expect(plan.total_cost).toBeCloseTo(4 * laneCost(inst, "A", "B") + 2000, 4)
  })

  it("scarce stock goes where the penalty saved is largest net of distance", () => {
    // 3 units at A; B (near) and C (far) each short 3: the LP serves B, the nearer one
    const inst: TransferInstance = {
      cost: { ...COST, unmet_penalty: 500 },
      shops: [
        { id: "A", lat: 25, lng: 102 },
        { id: "B", lat: 25.1, lng: 102 },
        { id: "C", lat: 25.5, lng: 102 },
      ],
      surplus: [{ shop: "A", variant: "V", quantity: 3 }],
      shortfall: [
        { shop: "C", variant: "V", quantity: 3 },
        { shop: "B", variant: "V", quantity: 3 },
      ],
    }
    const plan = solveInstance(highs, inst)
    expect(plan.lines.map((l) => [l.to, l.quantity])).toEqual([["B", 3]])
    // greedy serves lines in input order, so it sends the stock the long way to C
    expect(plan.stats.greedy_cost!).toBeGreaterThan(plan.total_cost)
  })
})

describe("maximum sources per destination", () => {
  const inst: TransferInstance = {
    cost: { ...COST },
    shops: [
      { id: "D", lat: 25, lng: 102 },
      { id: "N1", lat: 25.02, lng: 102 },
      { id: "N2", lat: 24.98, lng: 102 },
      { id: "F", lat: 25.3, lng: 102 },
    ],
    // the two near shops hold 5 each; the far one alone holds the 10 units D needs
    surplus: [
      { shop: "N1", variant: "V", quantity: 5 },
      { shop: "N2", variant: "V", quantity: 5 },
      { shop: "F", variant: "V", quantity: 12 },
      { shop: "N1", variant: "W", quantity: 3 },
    ],
    shortfall: [
      { shop: "D", variant: "V", quantity: 10 },
      { shop: "D", variant: "W", quantity: 2 },
    ],
  }

  it("without the rule the LP splits the need over the near shops", () => {
    const plan = solveInstance(highs, inst)
    expect(new Set(plan.lines.map((l) => l.from))).toEqual(new Set(["N1", "N2"]))
  })

  it("with one source allowed, one shop serves every variant, even if another is nearer for one", () => {
    const plan = solveInstance(highs, inst, { max_sources_per_destination: 1 })
    checkPlan(inst, plan, 1)
    expect(plan.stats.method).toBe("mip")
    expect(plan.stats.mip!.lp_satisfied).toBe(false)
    // N1 can send 5 V + 2 W (5 V short) or F 10 V (2 W short): the penalty makes F + 2 W short dearer
    expect(plan.lines.every((l) => l.from === plan.lines[0].from)).toBe(true)
    expect(plan.stats.units_unmet).toBeGreaterThan(0)
    expect(plan.total_cost).toBeLessThanOrEqual(plan.stats.greedy_cost! + 1e-6)
  })

  it("with two sources allowed, it keeps the shop holding both variants among them", () => {
    const plan = solveInstance(highs, inst, { max_sources_per_destination: 2 })
    checkPlan(inst, plan, 2)
    expect(plan.unmet).toEqual([])
    expect(plan.lines.some((l) => l.from === "N1" && l.variant === "W")).toBe(true)
  })

  it("when the LP optimum already obeys the rule it is returned as proven optimal, no MIP", () => {
    const plan = solveInstance(highs, inst, { max_sources_per_destination: 3 })
    expect(plan.stats.mip).toMatchObject({ lp_satisfied: true, status: "not_needed" })
    expect(plan.stats.status).toBe("optimal")
    expect(plan.total_cost).toBeCloseTo(solveInstance(highs, inst).total_cost, 6)
  })

  it("holds on random instances, never worse than greedy under the same rule", () => {
    for (const seed of [31, 32, 33]) {
      const r = randomInstance(seed, { shops: 120, variants: 3, shortLines: 15, tightness: 0.4 })
      const plan = solveInstance(highs, r, { max_sources_per_destination: 2 })
      checkPlan(r, plan, 2)
      expect(plan.total_cost).toBeLessThanOrEqual(plan.stats.greedy_cost! + 1e-6)
      expect(plan.total_cost).toBeGreaterThanOrEqual(solveInstance(highs, r).total_cost - 1e-6)
    }
  })
})

describe("greedy nearest-source plan", () => {
  it.each([41, 42, 43, 44])("seed %i: feasible, never below the optimum", (seed) => {
    const inst = randomInstance(seed, { shops: 200, variants: 3, shortLines: 25, tightness: seed % 2 ? 1.2 : 0.6, capacities: true })
    const greedy = solveInstance(highs, inst, { method: "greedy" })
    expect(greedy.stats.method).toBe("greedy")
    const total = checkPlan(inst, greedy)
    const optimum = solveInstance(highs, inst).total_cost
    expect(total).toBeGreaterThanOrEqual(optimum - 1e-6)
    expect(greedy.stats.greedy_cost).toBeCloseTo(greedy.total_cost, 6)
  })

  it("takes the nearest source first", () => {
    const inst: TransferInstance = {
      cost: { ...COST },
      shops: [
        { id: "D", lat: 25, lng: 102 },
        { id: "near", lat: 25.01, lng: 102 },
        { id: "far", lat: 25.2, lng: 102 },
      ],
      surplus: [
        { shop: "far", variant: "V", quantity: 9 },
        { shop: "near", variant: "V", quantity: 2 },
      ],
      shortfall: [{ shop: "D", variant: "V", quantity: 3 }],
    }
    const plan = solveInstance(highs, inst, { method: "greedy" })
    expect(plan.lines.map((l) => [l.from, l.quantity])).toEqual([
      ["near", 2],
      ["far", 1],
    ])
  })

  it("is what a solve returns when the time budget runs out, with the reason", () => {
    const inst = randomInstance(45, { shops: 800, variants: 4, shortLines: 80, tightness: 0.9 })
    const plan = solveInstance(highs, inst, { time_budget_ms: 1, candidates: 1, cover: 0, columns_per_round: 1 })
    expect(plan.stats.status).toBe("greedy")
    expect(plan.stats.fallback).toMatch(/time budget/)
    checkPlan(inst, plan)
  })

  it("is what a solve returns without a solver runtime", () => {
    const inst = randomInstance(46, { shops: 50 })
    const plan = solveInstance(null, inst)
    expect(plan.stats).toMatchObject({ status: "greedy", fallback: "no solver runtime" })
    checkPlan(inst, plan)
  })
})

describe("every line explains itself", () => {
  const inst: TransferInstance = {
    cost: { per_unit: 2, per_km: 1, detour_factor: 1.5, unmet_penalty: 10000 },
    shops: [
      { id: "D", lat: 25, lng: 102 },
      { id: "A", lat: 25.1, lng: 102 },
      { id: "B", lat: 25.2, lng: 102, handling_per_unit: 0.5 },
      { id: "C", lat: 25.3, lng: 102 },
    ],
    surplus: [
      { shop: "A", variant: "V", quantity: 2 },
      { shop: "B", variant: "V", quantity: 2 },
      { shop: "C", variant: "V", quantity: 9 },
    ],
    shortfall: [{ shop: "D", variant: "V", quantity: 3 }],
    distances: [{ from: "C", to: "D", km: 5 }],
  }

  it("gives handling, km and distance cost, and the next-best source with its unit cost", () => {
    const plan = solveInstance(highs, inst)
    // C is 33 km away as the crow flies but 5 km by the supplied road: cheapest
    expect(plan.lines).toHaveLength(1)
    const [line] = plan.lines
    expect(line).toMatchObject({ from: "C", to: "D", quantity: 3, unit_cost: 7, cost: 21 })
    expect(line.breakdown).toEqual({ handling: 6, distance_km: 5, distance_cost: 15 })
    // next best: A at 11.1 km × 1.5 detour
    expect(line.next_best!.from).toBe("A")
    expect(line.next_best!.distance_km).toBeCloseTo(1.5 * 11.119, 2)
    expect(line.next_best!.unit_cost).toBeCloseTo(2 + 1.5 * 11.119, 2)
    expect(line.next_best!.spare).toBe(2)
  })

  it("says when the cheaper next-best source had nothing left to give", () => {
    // D short 4: A (near) holds 2, C (far) 9: the line from C names A, spare 0
    const inst2: TransferInstance = { ...inst, distances: undefined, shortfall: [{ shop: "D", variant: "V", quantity: 4 }], surplus: [inst.surplus[0], inst.surplus[2]] }
    const plan = solveInstance(highs, inst2)
    const fromC = plan.lines.find((l) => l.from === "C")!
    expect(fromC.next_best).toMatchObject({ from: "A", spare: 0 })
    expect(fromC.next_best!.unit_cost).toBeLessThan(fromC.unit_cost)
  })

  it("the supplied distance holds either way round; a shop's own handling replaces per_unit", () => {
    const reversed = { ...inst, distances: [{ from: "D", to: "C", km: 5 }] }
    expect(solveInstance(highs, reversed).lines[0].from).toBe("C")
    const noRoad = { ...inst, distances: undefined }
    const plan = solveInstance(highs, noRoad)
    const fromB = plan.lines.find((l) => l.from === "B")!
    expect(fromB.breakdown.handling).toBeCloseTo(0.5 * fromB.quantity, 6)
    checkPlan(noRoad, plan)
  })
})
