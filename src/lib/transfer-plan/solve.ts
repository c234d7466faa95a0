import type { Highs } from "highs"
import { type Flow, greedyFlows } from "./greedy"
import { allLanes, certificate, components, emptyDuals, Master, nearestLanes, price } from "./lp"
import { solveMaxSourcesMip } from "./mip"
import { CostModel, type Problem, type VariantBlock, variantBlocks } from "./problem"
import type { PlanLine, PlanStats, TransferPlan, UnmetLine } from "./types"
import { buildProblem, type ResolvedOptions, resolveOptions } from "./validate"
import type { PlanOptions } from "./types"

class TimeBudgetExceeded extends Error {}

/** Measured on bench/transfer-plan: about half the simplex time of HiGHS's defaults here. */
const COLGEN_HIGHS = { simplex_strategy: 4, presolve: "off" }

const round6 = (x: number) => Math.round(x * 1e6) / 1e6
const now = () => performance.now()

/**
 * Solves one validated problem on a loaded HiGHS runtime, synchronously. Column generation
 * (default) or the full LP; with a maximum number of sources, the LP optimum when it already
 * obeys the rule, else a MIP over the lanes column generation found plus the greedy plan's.
 * Any solver failure or the time budget gives the greedy plan, with the reason in
 * stats.fallback. `highs` may be null (no solver available): greedy.
 */
export function solveProblem(highs: Highs | null, p: Problem, o: ResolvedOptions, started: number = now()): TransferPlan {
  const costs = new CostModel(p)
  const blocks = variantBlocks(p)
  const deadline = started + o.timeBudgetMs
  const remainingSec = () => {
    const left = deadline - now()
    if (left <= 0) throw new TimeBudgetExceeded(`time budget of ${o.timeBudgetMs} ms reached`)
    return left / 1000
  }
  let greedy: Flow[] | null = null
  const getGreedy = () => (greedy ??= greedyFlows(p, costs, o.maxSources))

  const stats: PlanStats = {
    solve_ms: 0,
    method: "greedy",
    status: "greedy",
    iterations: 0,
    columns: 0,
    lanes_total: blocks.reduce((n, b) => n + b.sources.length * b.dests.length, 0),
    rows: 0,
    simplex_iterations: 0,
    units_short: p.demQty.reduce((a, b) => a + b, 0),
    units_moved: 0,
    units_unmet: 0,
  }

  let flows: Flow[]
  if (o.method === "greedy") flows = getGreedy()
  else if (!highs) {
    flows = getGreedy()
    stats.fallback = "no solver runtime"
  } else {
    let master: Master | null = null
    try {
      stats.highs_ms = 0
      stats.pricing_ms = 0
      stats.method = o.method === "colgen" ? "column_generation" : "full_lp"
      for (const b of blocks) if (b.sources.length) for (const d of b.dests) costs.kmTo(p.demShop[d])
      // tolerance relative to the largest lane cost (capped at the penalty)
      const eps = o.epsilon * Math.max(1, Math.min(p.cost.unmet_penalty, Math.max(...p.handling, 0) + p.cost.per_km * costs.maxKm))
      const duals = emptyDuals(p)
      const keys = new Set<number>()
      const laneList: Array<[number, number]> = []
      let objective = 0
      let violation = 0
      flows = []
      for (const comp of components(p, blocks)) {
        const dests = comp.flatMap((b) => b.dests)
        const lanes = o.method === "colgen" ? nearestLanes(p, costs, comp, o.candidates, o.cover) : allLanes(comp)
        master = new Master(highs, p, costs, dests, lanes, keys, o.method === "colgen" ? { ...COLGEN_HIGHS, ...o.highsOptions } : o.highsOptions)
        let rounds = 0
        let last = 0
        for (;;) {
          let t = now()
          const solved = master.solve(remainingSec())
          stats.highs_ms += now() - t
          if (!solved) throw new TimeBudgetExceeded(`HiGHS stopped at the time budget of ${o.timeBudgetMs} ms`)
          rounds++
          last = master.writeDuals(duals)
          if (o.method === "full") break
          t = now()
          const pricing = price(p, costs, comp, duals, eps, o.columnsPerRound, keys, false)
          stats.pricing_ms += now() - t
          if (!pricing.add.length) break
          remainingSec()
          master.addLanes(pricing.add)
        }
        violation = Math.max(violation, last)
        stats.iterations = Math.max(stats.iterations, rounds)
        objective += master.objective()
        stats.columns += master.columns
        stats.rows += master.rows
        stats.simplex_iterations += master.simplexIterations
        flows.push(...master.flows())
        master.laneS.forEach((s, k) => laneList.push([s, master!.laneD[k]]))
        master.dispose()
        master = null
      }
      duals.violation = violation
      const t = now()
      const pricing = price(p, costs, blocks, duals, eps, 0, keys)
      stats.pricing_ms += now() - t
      stats.certificate = certificate(objective, duals, pricing, eps, p)
      stats.status = stats.certificate.proven_optimal ? "optimal" : "feasible"

      if (Number.isFinite(o.maxSources)) {
        const over = exceedsMaxSources(p, flows, o.maxSources)
        stats.mip = { status: "not_needed", gap: 0, binaries: 0, lp_satisfied: !over }
        if (over) {
          // The LP is a relaxation of the MIP: when its optimum obeys the rule it is the MIP's too.
          // candidates: the LP's lanes, the greedy plan's (the MIP start), and for each line the
          // cheapest few sources that could cover it alone (what a source limit asks for)
          const lanes = laneList
          const extra = (s: number, d: number) => {
            const key = s * p.demQty.length + d
            if (!keys.has(key)) {
              keys.add(key)
              lanes.push([s, d])
            }
          }
          for (const f of getGreedy()) extra(f.s, f.d)
          for (const b of blocks) {
            for (const d of b.dests) {
              const j = p.demShop[d]
              const whole = b.sources.filter((s) => p.supQty[s] >= p.demQty[d] && p.capacity[p.supShop[s]] >= p.demQty[d])
              whole.sort((x, y) => costs.unit(p.supShop[x], j) - costs.unit(p.supShop[y], j))
              for (const s of whole.slice(0, 5)) extra(s, d)
            }
          }
          const mip = solveMaxSourcesMip(highs, p, costs, lanes, o.maxSources, remainingSec(), getGreedy())
          if (!mip) throw new Error("the max-sources MIP found no plan")
          stats.method = "mip"
          stats.mip = { status: mip.status, gap: mip.gap, binaries: mip.binaries, lp_satisfied: false }
          stats.status = mip.status === "optimal" ? "optimal_on_candidates" : "feasible"
          flows = mip.flows
        }
      }
    } catch (e) {
      flows = getGreedy()
      stats.status = "greedy"
      stats.fallback = e instanceof TimeBudgetExceeded ? e.message : `solver failure: ${(e as Error).message ?? e}`
    } finally {
      master?.dispose()
    }
  }
  stats.solve_ms = round6(now() - started)
  if (stats.highs_ms !== undefined) stats.highs_ms = round6(stats.highs_ms)
  if (stats.pricing_ms !== undefined) stats.pricing_ms = round6(stats.pricing_ms!)
  const plan = explain(p, costs, blocks, flows, stats)
  if (o.baseline) {
    const g = o.method === "greedy" ? plan.total_cost : planCost(p, costs, getGreedy())
    plan.stats.greedy_cost = round6(g)
    plan.stats.saving_vs_greedy = g > 0 ? round6((g - plan.total_cost) / g) : 0
  }
  return plan
}

/** Parses, validates and solves an instance in this thread (tests, benchmarks, the worker). */
export function solveInstance(highs: Highs | null, instance: unknown, options?: PlanOptions): TransferPlan {
  const started = now()
  const p = buildProblem(instance)
  const o = resolveOptions((instance as { options?: unknown }).options, options)
  return solveProblem(highs, p, o, started)
}

function exceedsMaxSources(p: Problem, flows: Flow[], max: number): boolean {
  const sources = new Map<number, Set<number>>()
  for (const f of flows) {
    const j = p.demShop[f.d]
    let set = sources.get(j)
    if (!set) sources.set(j, (set = new Set()))
    set.add(p.supShop[f.s])
    if (set.size > max) return true
  }
  return false
}

/** Total cost of a set of flows, unmet units at the penalty. */
export function planCost(p: Problem, costs: CostModel, flows: Flow[]): number {
  let total = 0
  let moved = 0
  for (const f of flows) {
    total += f.q * costs.unit(p.supShop[f.s], p.demShop[f.d])
    moved += f.q
  }
  return total + (p.demQty.reduce((a, b) => a + b, 0) - moved) * p.cost.unmet_penalty
}

/** The answer: one line per lane used, each with its cost breakdown and next-best source. */
export function explain(p: Problem, costs: CostModel, blocks: VariantBlock[], flows: Flow[], stats: PlanStats): TransferPlan {
  const served = new Float64Array(p.demQty.length)
  const sent = new Float64Array(p.supQty.length)
  let total = 0
  const lines: PlanLine[] = []
  // the two cheapest sources of each shortfall line's variant, once per line
  const best = new Map<number, { i1: number; u1: number; s1: number; i2: number; u2: number; s2: number }>()
  const cheapest = (d: number) => {
    let b = best.get(d)
    if (b) return b
    b = { i1: -1, u1: Infinity, s1: -1, i2: -1, u2: Infinity, s2: -1 }
    const j = p.demShop[d]
    const km = costs.kmTo(j)
    for (const s of blocks[p.demVariant[d]].sources) {
      const i = p.supShop[s]
      const u = p.handling[i] + p.cost.per_km * km[i]
      if (u < b.u1 || (u === b.u1 && i < b.i1)) {
        if (i !== b.i1) {
          b.i2 = b.i1
          b.u2 = b.u1
          b.s2 = b.s1
        }
        b.i1 = i
        b.u1 = u
        b.s1 = s
      } else if (i !== b.i1 && (u < b.u2 || (u === b.u2 && i < b.i2))) {
        b.i2 = i
        b.u2 = u
        b.s2 = s
      }
    }
    best.set(d, b)
    return b
  }
  // what each source still has to give once the plan is carried out
  const usedLine = new Float64Array(p.supQty.length)
  const usedShop = new Float64Array(p.shopIds.length)
  for (const f of flows) {
    usedLine[f.s] += f.q
    usedShop[p.supShop[f.s]] += f.q
  }
  const spare = (s: number) => Math.min(p.supQty[s] - usedLine[s], p.capacity[p.supShop[s]] - usedShop[p.supShop[s]])
  const sorted = flows.slice().sort((a, b) => a.d - b.d || costs.unit(p.supShop[a.s], p.demShop[a.d]) - costs.unit(p.supShop[b.s], p.demShop[b.d]) || a.s - b.s)
  for (const f of sorted) {
    if (!(f.q > 0)) continue
    const i = p.supShop[f.s]
    const j = p.demShop[f.d]
    if (p.supVariant[f.s] !== p.demVariant[f.d]) throw new Error("internal: flow between different variants")
    served[f.d] += f.q
    sent[f.s] += f.q
    const km = costs.km(i, j)
    const unit = costs.unit(i, j)
    total += f.q * unit
    const b = cheapest(f.d)
    const [i2, s2] = b.i1 === i ? [b.i2, b.s2] : [b.i1, b.s1]
    const next: PlanLine["next_best"] =
      i2 < 0 ? null : { from: p.shopIds[i2], unit_cost: round6(costs.unit(i2, j)), distance_km: round6(costs.km(i2, j)), spare: spare(s2) }
    lines.push({
      from: p.shopIds[i],
      to: p.shopIds[j],
      variant: p.variantIds[p.demVariant[f.d]],
      quantity: f.q,
      cost: round6(f.q * unit),
      unit_cost: round6(unit),
      breakdown: { handling: round6(f.q * p.handling[i]), distance_km: round6(km), distance_cost: round6(f.q * p.cost.per_km * km) },
      next_best: next,
    })
  }
  for (let s = 0; s < p.supQty.length; s++) {
    if (sent[s] > p.supQty[s]) throw new Error(`internal: surplus line ${s} over-used`)
  }
  const unmet: UnmetLine[] = []
  let unmetUnits = 0
  for (let d = 0; d < p.demQty.length; d++) {
    const q = p.demQty[d] - served[d]
    if (q < 0) throw new Error(`internal: shortfall line ${d} over-served`)
    if (q === 0) continue
    unmetUnits += q
    const b = cheapest(d)
    unmet.push({ shop: p.shopIds[p.demShop[d]], variant: p.variantIds[p.demVariant[d]], quantity: q, cheapest_unit_cost: b.i1 < 0 ? null : round6(b.u1) })
  }
  total += unmetUnits * p.cost.unmet_penalty
  stats.units_unmet = unmetUnits
  stats.units_moved = stats.units_short - unmetUnits
  return { total_cost: round6(total), lines, unmet, stats }
}
