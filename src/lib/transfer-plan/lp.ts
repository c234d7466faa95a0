import type { Highs, Model } from "highs"
import type { Flow } from "./greedy"
import { CostModel, type Problem, type VariantBlock } from "./problem"
import type { Certificate } from "./types"

/**
 * The transportation LP over a set of lanes, kept in one persistent HiGHS model so that
 * column generation adds lanes and re-solves from the last basis.
 *
 *   min  Σ c_ij·x_sd + penalty·Σ u_d
 *   s.t. Σ_s x_sd + u_d  = need_d          shortfall line d (shop j, variant v)     dual σ_d
 *        Σ_d x_sd       ≤ surplus_s        surplus line s (shop i, variant v)        dual π_s ≤ 0
 *        Σ_{s at i} x   ≤ capacity_i       source shop i, only when it has one       dual κ_i ≤ 0
 *        x, u ≥ 0
 *
 * A lane x_sd exists only when s and d are of the same variant. Surplus and capacity rows are
 * added when their first lane is (a missing row has dual 0, which is what its slack would
 * price at), so the restricted model never carries tens of thousands of empty rows. Both row
 * families are laminar (a surplus row lies inside its shop's capacity row; shortfall rows
 * partition the lanes), so the matrix is totally unimodular and simplex vertices are integral.
 */
export class Master {
  readonly model: Model
  /** Global shortfall-line count (lane keys are s · nD + d). */
  readonly nD: number
  /** Unmet columns: column c < dests.length is the unmet units of line dests[c]. */
  readonly dests: number[]
  /** Lane columns: column dests.length + k is lane (laneS[k], laneD[k]). */
  readonly laneS: number[] = []
  readonly laneD: number[] = []
  private readonly supRow = new Map<number, number>()
  private readonly capRow = new Map<number, number>()
  private readonly demRow = new Map<number, number>()
  private readonly rowUpper: number[] = []
  private readonly rowKind: number[] = [] // 0 shortfall, 1 surplus, 2 capacity
  private readonly rowOf: number[] = [] // line / shop index of the row
  simplexIterations = 0

  /**
   * One model over shortfall lines `dests` (a component: no surplus line, capacity or lane
   * reaches outside it) and the given lanes. `keys` collects the lanes of every model.
   */
  constructor(
    readonly highs: Highs,
    readonly p: Problem,
    readonly costs: CostModel,
    dests: number[],
    lanes: Array<[number, number]>,
    readonly keys: Set<number>,
    highsOptions: Record<string, string | number | boolean> = {}
  ) {
    this.nD = p.demQty.length
    this.dests = dests
    for (const d of dests) {
      this.demRow.set(d, this.rowUpper.length)
      this.rowUpper.push(p.demQty[d])
      this.rowKind.push(0)
      this.rowOf.push(d)
    }
    for (const [s] of lanes) this.ensureRows(s)
    const nRows = this.rowUpper.length
    const nU = dests.length
    const nCols = nU + lanes.length
    const colCost = new Float64Array(nCols)
    const colUpper = new Float64Array(nCols).fill(highs.infinity)
    const starts = new Int32Array(nCols + 1)
    const indices: number[] = []
    const values: number[] = []
    for (let c = 0; c < nU; c++) {
      colCost[c] = p.cost.unmet_penalty
      starts[c] = indices.length
      indices.push(c)
      values.push(1)
    }
    lanes.forEach(([s, d], k) => {
      colCost[nU + k] = costs.unit(p.supShop[s], p.demShop[d])
      starts[nU + k] = indices.length
      this.pushLane(s, d, indices, values)
    })
    starts[nCols] = indices.length
    const rowLower = this.rowUpper.map((u, r) => (this.rowKind[r] === 0 ? u : -highs.infinity))
    this.model = highs.createModel({
      numCols: nCols,
      numRows: nRows,
      colCost,
      colLower: new Float64Array(nCols),
      colUpper,
      rowLower,
      rowUpper: this.rowUpper,
      matrix: { format: "csc", numRows: nRows, numCols: nCols, starts, indices: new Int32Array(indices), values: new Float64Array(values) },
    })
    this.model.options.set({ ...highsOptions, output_flag: false })
  }

  get columns(): number {
    return this.laneS.length
  }

  get rows(): number {
    return this.rowUpper.length
  }

  private ensureRows(s: number): void {
    const p = this.p
    if (!this.supRow.has(s)) {
      this.supRow.set(s, this.rowUpper.length)
      this.rowUpper.push(p.supQty[s])
      this.rowKind.push(1)
      this.rowOf.push(s)
    }
    const i = p.supShop[s]
    if (Number.isFinite(p.capacity[i]) && !this.capRow.has(i)) {
      this.capRow.set(i, this.rowUpper.length)
      this.rowUpper.push(p.capacity[i])
      this.rowKind.push(2)
      this.rowOf.push(i)
    }
  }

  private pushLane(s: number, d: number, indices: number[], values: number[]): void {
    const dr = this.demRow.get(d)
    if (dr === undefined) throw new Error(`internal: shortfall line ${d} is not in this model`)
    this.laneS.push(s)
    this.laneD.push(d)
    this.keys.add(s * this.nD + d)
    indices.push(dr, this.supRow.get(s)!)
    values.push(1, 1)
    const cap = this.capRow.get(this.p.supShop[s])
    if (cap !== undefined) {
      indices.push(cap)
      values.push(1)
    }
  }

  addLanes(lanes: Array<[number, number]>): void {
    if (!lanes.length) return
    const before = this.rowUpper.length
    for (const [s] of lanes) this.ensureRows(s)
    const added = this.rowUpper.length - before
    if (added) {
      const inf = this.highs.infinity
      this.model.addRows({
        lower: new Float64Array(added).fill(-inf),
        upper: new Float64Array(this.rowUpper.slice(before)),
        matrix: { format: "csr", numRows: added, numCols: this.dests.length + this.laneS.length, starts: new Int32Array(added + 1), indices: new Int32Array(0), values: new Float64Array(0) },
      })
    }
    const cost = new Float64Array(lanes.length)
    const starts = new Int32Array(lanes.length + 1)
    const indices: number[] = []
    const values: number[] = []
    lanes.forEach(([s, d], k) => {
      cost[k] = this.costs.unit(this.p.supShop[s], this.p.demShop[d])
      starts[k] = indices.length
      this.pushLane(s, d, indices, values)
    })
    starts[lanes.length] = indices.length
    this.model.addCols({
      cost,
      lower: new Float64Array(lanes.length),
      upper: new Float64Array(lanes.length).fill(this.highs.infinity),
      matrix: { format: "csc", numRows: this.rowUpper.length, numCols: lanes.length, starts, indices: new Int32Array(indices), values: new Float64Array(values) },
    })
  }

  /** Solves; true when HiGHS reports an optimum, false at the time limit. Throws on anything else. */
  solve(timeLimitSec: number): boolean {
    this.model.options.set("time_limit", Math.max(0.001, timeLimitSec))
    const { modelStatus } = this.model.run()
    this.simplexIterations += Number(this.model.info.get("simplex_iteration_count"))
    if (modelStatus === 7) return true
    if (modelStatus === 13) return false
    throw new Error(`HiGHS ended with model status ${modelStatus}`)
  }

  objective(): number {
    return this.model.getObjectiveValue()
  }

  /**
   * Writes this model's duals into the problem-wide vectors, sign-clipped (π, κ ≤ 0) so that
   * any bound drawn from them is valid; returns the largest sign violation clipped away.
   */
  writeDuals(duals: Duals): number {
    const { rowDual } = this.model.getSolution()
    let violation = 0
    for (let r = 0; r < rowDual.length; r++) {
      const y = rowDual[r]
      const kind = this.rowKind[r]
      if (kind === 0) {
        duals.sigma[this.rowOf[r]] = y
        violation = Math.max(violation, y - this.p.cost.unmet_penalty)
      } else {
        if (y > 0) violation = Math.max(violation, y)
        if (kind === 1) duals.pi[this.rowOf[r]] = Math.min(0, y)
        else duals.kappa[this.rowOf[r]] = Math.min(0, y)
      }
    }
    duals.violation = Math.max(duals.violation, violation)
    return violation
  }

  flows(): Flow[] {
    const { colValue } = this.model.getSolution()
    const nU = this.dests.length
    const flows: Flow[] = []
    for (let k = 0; k < this.laneS.length; k++) {
      const x = colValue[nU + k]
      if (x > 0.5) flows.push({ s: this.laneS[k], d: this.laneD[k], q: Math.round(x) })
      if (Math.abs(x - Math.round(x)) > 1e-6) throw new Error(`fractional flow ${x} on lane ${k}: the LP vertex should be integral`)
    }
    return flows
  }

  dispose(): void {
    this.model.dispose()
  }
}

export function emptyDuals(p: Problem): Duals {
  return { sigma: new Float64Array(p.demQty.length), pi: new Float64Array(p.supQty.length), kappa: new Float64Array(p.shopIds.length), violation: 0 }
}

/**
 * Independent pieces of the problem: variants joined when a source shop with a capacity
 * holds surplus of both (its capacity row couples them). Without capacities every variant is
 * its own LP: far fewer rows per simplex iteration than one LP over all variants.
 */
export function components(p: Problem, blocks: VariantBlock[]): VariantBlock[][] {
  const parent = blocks.map((_, v) => v)
  const find = (v: number): number => (parent[v] === v ? v : (parent[v] = find(parent[v])))
  const firstAt = new Map<number, number>()
  for (const b of blocks) {
    if (!b.dests.length) continue
    for (const s of b.sources) {
      const i = p.supShop[s]
      if (!Number.isFinite(p.capacity[i])) continue
      const other = firstAt.get(i)
      if (other === undefined) firstAt.set(i, b.variant)
      else parent[find(b.variant)] = find(other)
    }
  }
  const groups = new Map<number, VariantBlock[]>()
  for (const b of blocks) {
    if (!b.dests.length) continue
    const r = find(b.variant)
    const g = groups.get(r)
    if (g) g.push(b)
    else groups.set(r, [b])
  }
  return [...groups.values()]
}

export interface Duals {
  sigma: Float64Array
  pi: Float64Array
  kappa: Float64Array
  violation: number
}

export interface Pricing {
  /** Lanes with reduced cost < −eps, at most `perDest` per shortfall line, most negative first. */
  add: Array<[number, number]>
  minReducedCost: number
  lanesPriced: number
  /** Lagrangian lower bound on the full problem's optimum from these duals. */
  lowerBound: number
}

/**
 * Prices every lane of the full problem: rc = c_ij − σ_d − π_s − κ_i. When none is below −eps
 * the restricted optimum is optimal for the full problem. Whatever the duals, their
 * Lagrangian bound Σ need·σ + Σ surplus·π + Σ capacity·κ + Σ_lanes min(0, rc)·ub +
 * Σ_d need·min(0, penalty − σ) is a lower bound on the full optimum (ub = the most a lane can
 * carry), so the certificate does not rest on the tolerance alone.
 */
export function price(
  p: Problem,
  costs: CostModel,
  blocks: VariantBlock[],
  duals: Duals,
  eps: number,
  perDest: number,
  inModel?: Set<number>,
  withBound = true
): Pricing {
  const { sigma, pi, kappa } = duals
  const nD = p.demQty.length
  const add: Array<[number, number]> = []
  let minRc = Infinity
  let priced = 0
  let bound = 0
  if (withBound) {
    for (let d = 0; d < nD; d++) bound += p.demQty[d] * (sigma[d] + Math.min(0, p.cost.unmet_penalty - sigma[d]))
    for (let s = 0; s < p.supQty.length; s++) bound += p.supQty[s] * pi[s]
    for (let i = 0; i < p.shopIds.length; i++) if (kappa[i] < 0) bound += p.capacity[i] * kappa[i]
  }
  const bestRc: number[] = []
  const bestS: number[] = []
  for (const block of blocks) {
    if (!block.dests.length || !block.sources.length) continue
    for (const d of block.dests) {
      const j = p.demShop[d]
      const km = costs.kmTo(j)
      const perKm = p.cost.per_km
      const threshold = sigma[d]
      bestRc.length = 0
      bestS.length = 0
      for (const s of block.sources) {
        const i = p.supShop[s]
        const rc = p.handling[i] + perKm * km[i] - threshold - pi[s] - kappa[i]
        priced++
        if (rc < minRc) minRc = rc
        if (rc < 0) bound += rc * Math.min(p.demQty[d], p.supQty[s], p.capacity[i])
        if (rc < -eps && !(inModel && inModel.has(s * nD + d))) {
          // keep the perDest most negative, sorted ascending
          if (bestRc.length < perDest || rc < bestRc[bestRc.length - 1]) {
            let k = bestRc.length < perDest ? bestRc.length : bestRc.length - 1
            while (k > 0 && bestRc[k - 1] > rc) {
              bestRc[k] = bestRc[k - 1]
              bestS[k] = bestS[k - 1]
              k--
            }
            bestRc[k] = rc
            bestS[k] = s
          }
        }
      }
      for (const s of bestS) add.push([s, d])
    }
  }
  return { add, minReducedCost: priced ? minRc : 0, lanesPriced: priced, lowerBound: bound }
}

export function certificate(primal: number, duals: Duals, pricing: Pricing, eps: number, p: Problem): Certificate {
  let dual = 0
  for (let d = 0; d < p.demQty.length; d++) dual += p.demQty[d] * duals.sigma[d]
  for (let s = 0; s < p.supQty.length; s++) dual += p.supQty[s] * duals.pi[s]
  for (let i = 0; i < p.shopIds.length; i++) if (duals.kappa[i] < 0) dual += p.capacity[i] * duals.kappa[i]
  const gapTol = 1e-7 * Math.max(1, Math.abs(primal))
  return {
    min_reduced_cost: pricing.minReducedCost,
    epsilon: eps,
    lanes_priced: pricing.lanesPriced,
    dual_sign_violation: duals.violation,
    primal_objective: primal,
    dual_objective: dual,
    lower_bound: pricing.lowerBound,
    proven_optimal: pricing.minReducedCost >= -eps && primal - pricing.lowerBound <= gapTol,
  }
}

/**
 * The cheapest lanes into each shortfall line: at least K, and more until their surplus covers
 * `cover` × the line's need. Lanes at or above the unmet penalty never pay and are left out.
 */
export function nearestLanes(p: Problem, costs: CostModel, blocks: VariantBlock[], k: number, cover = 0): Array<[number, number]> {
  const lanes: Array<[number, number]> = []
  const penalty = p.cost.unmet_penalty
  const perKm = p.cost.per_km
  for (const block of blocks) {
    const n = block.sources.length
    if (!n) continue
    // Order by a packed key (cost to 1/16, then position) so a native numeric sort does it;
    // the order only picks a starting set, pricing makes the result exact.
    const keys = new Float64Array(n)
    const scale = 2 ** Math.ceil(Math.log2(n + 1))
    for (const d of block.dests) {
      const km = costs.kmTo(p.demShop[d])
      let m = 0
      for (let x = 0; x < n; x++) {
        const i = p.supShop[block.sources[x]]
        const c = p.handling[i] + perKm * km[i]
        if (c < penalty) keys[m++] = Math.floor(c * 16) * scale + x
      }
      const sorted = keys.subarray(0, m).sort()
      const want = cover * p.demQty[d]
      let got = 0
      for (let r = 0; r < m && (r < k || got < want); r++) {
        const s = block.sources[sorted[r] % scale]
        got += p.supQty[s]
        lanes.push([s, d])
      }
    }
  }
  return lanes
}

/** Every lane of the full problem. */
export function allLanes(blocks: VariantBlock[]): Array<[number, number]> {
  const lanes: Array<[number, number]> = []
  for (const block of blocks) for (const d of block.dests) for (const s of block.sources) lanes.push([s, d])
  return lanes
}
