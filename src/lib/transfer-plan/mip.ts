import type { Highs } from "highs"
import type { Flow } from "./greedy"
import type { CostModel, Problem } from "./problem"

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

export interface MipOutcome {
  flows: Flow[]
  status: "optimal" | "time_limit"
  gap: number
  binaries: number
  objective: number
}

/**
 * The maximum-sources rule over a candidate set of lanes. One binary y_ij per (source shop,
 * destination shop) pair that has a candidate lane; each lane carries at most
 * U = min(need, surplus, capacity)·y_ij (one linking row per lane, the tight disaggregated
 * form); Σ_i y_ij ≤ M per destination shop. Lanes, shortfall, surplus and capacity rows are
 * those of the LP. `start` (a feasible plan over the same lanes, e.g. the greedy one) is given
 * to HiGHS as its first incumbent, so the answer is never worse than it.
 */
export function solveMaxSourcesMip(
  highs: Highs,
  p: Problem,
  costs: CostModel,
  lanes: Array<[number, number]>,
  maxSources: number,
  timeLimitSec: number,
  start: Flow[]
): MipOutcome | null {
  const nD = p.demQty.length
  const nL = lanes.length
  const pairIndex = new Map<number, number>()
  const pairDest: number[] = []
  const lanePair = new Int32Array(nL)
  const n = p.shopIds.length
  lanes.forEach(([s, d], k) => {
    const key = p.supShop[s] * n + p.demShop[d]
    let q = pairIndex.get(key)
    if (q === undefined) {
      q = pairDest.length
      pairIndex.set(key, q)
      pairDest.push(p.demShop[d])
    }
    lanePair[k] = q
  })
  const nP = pairDest.length
  const nCols = nD + nL + nP
  const xCol = (k: number) => nD + k
  const yCol = (q: number) => nD + nL + q

  // rows, built row-wise
  const starts: number[] = [0]
  const indices: number[] = []
  const values: number[] = []
  const lower: number[] = []
  const upper: number[] = []
  const inf = highs.infinity
  const row = (lo: number, up: number, cols: number[], vals: number[]) => {
    indices.push(...cols)
    values.push(...vals)
    starts.push(indices.length)
    lower.push(lo)
    upper.push(up)
  }
  const byDemand: number[][] = Array.from({ length: nD }, () => [])
  const bySupply = new Map<number, number[]>()
  const byShop = new Map<number, number[]>()
  lanes.forEach(([s, d], k) => {
    byDemand[d].push(k)
    push(bySupply, s, k)
    const i = p.supShop[s]
    if (Number.isFinite(p.capacity[i])) push(byShop, i, k)
  })
  for (let d = 0; d < nD; d++) {
    const ks = byDemand[d]
    row(p.demQty[d], p.demQty[d], [d, ...ks.map(xCol)], [1, ...ks.map(() => 1)])
  }
  for (const [s, ks] of bySupply) row(-inf, p.supQty[s], ks.map(xCol), ks.map(() => 1))
  for (const [i, ks] of byShop) row(-inf, p.capacity[i], ks.map(xCol), ks.map(() => 1))
  lanes.forEach(([s, d], k) => {
    const ub = Math.min(p.demQty[d], p.supQty[s], p.capacity[p.supShop[s]])
    row(-inf, 0, [xCol(k), yCol(lanePair[k])], [1, -ub])
  })
  const pairsByDest = new Map<number, number[]>()
  pairDest.forEach((j, q) => push(pairsByDest, j, q))
  for (const qs of pairsByDest.values()) if (qs.length > maxSources) row(-inf, maxSources, qs.map(yCol), qs.map(() => 1))

  const colCost = new Float64Array(nCols)
  const colUpper = new Float64Array(nCols).fill(inf)
  const integrality = new Int32Array(nCols)
  for (let d = 0; d < nD; d++) colCost[d] = p.cost.unmet_penalty
  lanes.forEach(([s, d], k) => {
    colCost[xCol(k)] = costs.unit(p.supShop[s], p.demShop[d])
    integrality[xCol(k)] = 1
  })
  for (let q = 0; q < nP; q++) {
    colUpper[yCol(q)] = 1
    integrality[yCol(q)] = 1
  }
  const nRows = lower.length
  const model = highs.createModel({
    numCols: nCols,
    numRows: nRows,
    colCost,
    colLower: new Float64Array(nCols),
    colUpper,
    rowLower: lower,
    rowUpper: upper,
    integrality,
    matrix: { format: "csr", numRows: nRows, numCols: nCols, starts, indices, values },
  })
  try {
    model.options.set({ output_flag: false, time_limit: Math.max(0.001, timeLimitSec), mip_rel_gap: 1e-6 })
    const laneOf = new Map<number, number>()
    lanes.forEach(([s, d], k) => laneOf.set(s * nD + d, k))
    const x0 = new Float64Array(nCols)
    for (let d = 0; d < nD; d++) x0[d] = p.demQty[d]
    let startOk = true
    for (const f of start) {
      const k = laneOf.get(f.s * nD + f.d)
      if (k === undefined) {
        startOk = false
        break
      }
      x0[xCol(k)] += f.q
      x0[f.d] -= f.q
      x0[yCol(lanePair[k])] = 1
    }
    if (startOk) model.setSolution({ colValue: x0 })
    const { modelStatus } = model.run()
    const primalOk = Number(model.info.get("primal_solution_status")) === 2
    if (!primalOk || (modelStatus !== 7 && modelStatus !== 13)) return null
    const { colValue } = model.getSolution()
    const flows: Flow[] = []
    lanes.forEach(([s, d], k) => {
      const x = Math.round(colValue[xCol(k)])
      if (x > 0) flows.push({ s, d, q: x })
    })
    return {
      flows,
      status: modelStatus === 7 ? "optimal" : "time_limit",
      gap: Number(model.info.get("mip_gap")),
      binaries: nP,
      objective: model.getObjectiveValue(),
    }
  } finally {
    model.dispose()
  }
}
