import loadHighs, { type Highs } from "highs"
import { mulberry32 } from "../../random"
import { solveInstance } from "../solve"
import type { TransferInstance } from "../types"
import { checkPlan, laneCost } from "./helpers"

let highs: Highs
beforeAll(async () => {
  highs = await loadHighs()
})

/**
 * Every integer flow on every lane, within the surplus, capacity, shortfall and max-sources
 * rules: the cheapest total (unmet units at the penalty).
 */
function bruteForce(inst: TransferInstance, maxSources = Infinity): number {
  const lanes: Array<{ s: number; d: number; unit: number; ub: number }> = []
  inst.surplus.forEach((s, si) =>
    inst.shortfall.forEach((d, di) => {
      if (s.variant === d.variant) lanes.push({ s: si, d: di, unit: laneCost(inst, s.shop, d.shop), ub: Math.min(s.quantity, d.quantity) })
    })
  )
  const x = new Array(lanes.length).fill(0)
  let best = Infinity
  const cap = new Map(inst.shops.map((s) => [s.id, s.capacity ?? Infinity]))
  const visit = (k: number) => {
    if (k === lanes.length) {
      const sent = new Array(inst.surplus.length).fill(0)
      const got = new Array(inst.shortfall.length).fill(0)
      const out = new Map<string, number>()
      const from = new Map<string, Set<string>>()
      let cost = 0
      lanes.forEach((l, i) => {
        if (!x[i]) return
        sent[l.s] += x[i]
        got[l.d] += x[i]
        const shop = inst.surplus[l.s].shop
        out.set(shop, (out.get(shop) ?? 0) + x[i])
        const to = inst.shortfall[l.d].shop
        if (!from.has(to)) from.set(to, new Set())
        from.get(to)!.add(shop)
        cost += x[i] * l.unit
      })
      if (sent.some((q, s) => q > inst.surplus[s].quantity)) return
      if (got.some((q, d) => q > inst.shortfall[d].quantity)) return
      for (const [shop, q] of out) if (q > cap.get(shop)!) return
      for (const set of from.values()) if (set.size > maxSources) return
      got.forEach((q, d) => (cost += (inst.shortfall[d].quantity - q) * inst.cost.unmet_penalty))
      best = Math.min(best, cost)
      return
    }
    for (let q = 0; q <= lanes[k].ub; q++) {
      x[k] = q
      visit(k + 1)
    }
    x[k] = 0
  }
  visit(0)
  return best
}

/** 2–3 sources and 1–2 shortfall lines per variant, 1–2 variants, small quantities. */
function tiny(seed: number): TransferInstance {
  const r = mulberry32(seed)
  const nShops = 4 + Math.floor(r() * 2)
  const shops = Array.from({ length: nShops }, (_, k) => ({
    id: `S${k}`,
    lat: 25 + r() * 2,
    lng: 102 + r() * 2,
    ...(r() < 0.3 ? { capacity: 1 + Math.floor(r() * 3) } : {}),
    ...(r() < 0.2 ? { handling_per_unit: Math.round(r() * 50) } : {}),
  }))
  const variants = 1 + Math.floor(r() * 2)
  const surplus: TransferInstance["surplus"] = []
  const shortfall: TransferInstance["shortfall"] = []
  for (let v = 0; v < variants; v++) {
    const order = shops.map((s) => s.id).sort(() => r() - 0.5)
    const nSrc = 2 + Math.floor(r() * 2)
    const nDst = variants === 2 ? 1 : 1 + Math.floor(r() * 2)
    order.slice(0, nSrc).forEach((shop) => surplus.push({ shop, variant: `V${v}`, quantity: 1 + Math.floor(r() * 3) }))
    order.slice(nSrc, nSrc + nDst).forEach((shop) => shortfall.push({ shop, variant: `V${v}`, quantity: 1 + Math.floor(r() * 4) }))
  }
  // a penalty sometimes below the dearer lanes, so leaving units short is a real choice
  const penalty = r() < 0.4 ? 60 + r() * 200 : 100000
  return { cost: { per_unit: 1.5, per_km: 0.8, detour_factor: 1.3, unmet_penalty: penalty }, shops, surplus, shortfall }
}

describe("transfer planner against brute force (every integer flow enumerated)", () => {
  const seeds = Array.from({ length: 60 }, (_, k) => k + 1)

  it.each(seeds)("seed %i: column generation and the full LP find the integer optimum", (seed) => {
    const inst = tiny(seed)
    const best = bruteForce(inst)
    for (const method of ["colgen", "full"] as const) {
      const plan = solveInstance(highs, inst, { method, candidates: 1 })
      expect(plan.stats.status).toBe("optimal")
      expect(checkPlan(inst, plan)).toBeCloseTo(best, 6)
      expect(plan.total_cost).toBeCloseTo(best, 4)
      // greedy is feasible and never better than the optimum
      expect(plan.stats.greedy_cost!).toBeGreaterThanOrEqual(best - 1e-6)
    }
  })

  it.each(seeds.slice(0, 30))("seed %i: with at most one source per destination, the MIP finds the brute-force optimum", (seed) => {
    const inst = tiny(seed)
    const best = bruteForce(inst, 1)
    // K = 20 candidates per line: on instances this small the MIP sees every lane
    const plan = solveInstance(highs, inst, { max_sources_per_destination: 1 })
    expect(checkPlan(inst, plan, 1)).toBeCloseTo(best, 6)
    expect(["optimal", "optimal_on_candidates"]).toContain(plan.stats.status)
  })
})
