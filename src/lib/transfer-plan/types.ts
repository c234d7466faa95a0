/**
 * The transfer planner's input and answer. The instance is the `npm run plan` file format of
 * issue 4 §3; the optional fields (shop capacity and handling, a distance list, options) are
 * additions that an instance without them never notices.
 */

export interface CostParams {
  /** Handling cost of one unit moved (any source without its own `handling_per_unit`). */
  per_unit: number
  /** Cost of moving one unit one km. */
  per_km: number
  /** Great-circle km × this = road km (not applied to distances supplied in `distances`). */
  detour_factor: number
  /** Cost of one unit of shortfall left unmet. */
  unmet_penalty: number
}

export interface ShopInput {
  id: string
  lat: number
  lng: number
  /** Most units this shop may send out in one plan, over all variants (default: no limit). */
  capacity?: number
  /** This shop's handling cost per unit sent (default: `cost.per_unit`). */
  handling_per_unit?: number
}

export interface QuantityLine {
  shop: string
  variant: string
  quantity: number
}

/** A road distance in km from one shop to another; (to, from) is used when (from, to) is absent. */
export interface DistanceInput {
  from: string
  to: string
  km: number
}

export type PlanMethod = "colgen" | "full" | "greedy"

export interface PlanOptions {
  /** colgen (default): K nearest + pricing; full: every lane in one LP; greedy: the baseline only. */
  method?: PlanMethod
  /** At most this many distinct source shops per destination shop (over all variants): a MIP. */
  max_sources_per_destination?: number
  /** K: the cheapest candidate sources per shortfall line in the first restricted LP (20). */
  candidates?: number
  /**
   * The first restricted LP also takes, per shortfall line, the nearest sources until their
   * surplus adds up to `cover` × the line's need (1), so a tight line starts near-feasible.
   */
  cover?: number
  /** Lanes added per shortfall line per pricing round, most negative reduced cost first (30). */
  columns_per_round?: number
  /** Wall-clock budget of the whole solve in ms (3000); past it the greedy plan is returned. */
  time_budget_ms?: number
  /** Reduced-cost tolerance of the optimality certificate (1e-6, relative to max unit cost ∨ 1). */
  epsilon?: number
  /**
   * HiGHS options for the LP solves, over the defaults (column generation: primal simplex,
   * presolve off — each round only adds columns, so the last basis stays primal feasible).
   */
  highs_options?: Record<string, string | number | boolean>
  /** Also compute the greedy baseline and report its cost (true). */
  baseline?: boolean
}

export interface TransferInstance {
  cost: CostParams
  shops: ShopInput[]
  surplus: QuantityLine[]
  shortfall: QuantityLine[]
  distances?: DistanceInput[]
  options?: PlanOptions
}

export interface PlanLine {
  from: string
  to: string
  variant: string
  quantity: number
  cost: number
  unit_cost: number
  breakdown: { handling: number; distance_km: number; distance_cost: number }
  /**
   * The cheapest other shop holding surplus of this variant (null when there is none), and the
   * units it still has to give under this plan: 0 says why a cheaper shop was not used.
   */
  next_best: { from: string; unit_cost: number; distance_km: number; spare: number } | null
}

export interface UnmetLine {
  shop: string
  variant: string
  quantity: number
  /** Cost of the cheapest source with surplus of the variant, null when no shop has any. */
  cheapest_unit_cost: number | null
}

export interface Certificate {
  /** min over every lane (i, j, v) of the full problem of c − σ − π − κ; ≥ −ε proves optimality. */
  min_reduced_cost: number
  epsilon: number
  lanes_priced: number
  /** Largest violation of the duals' signs (π ≤ 0, κ ≤ 0, σ ≤ penalty); 0 when dual feasible. */
  dual_sign_violation: number
  primal_objective: number
  /** Σ need·σ + Σ surplus·π + Σ capacity·κ: equals the primal objective at an optimum. */
  dual_objective: number
  /** Lagrangian bound on the full problem's optimum from the same duals (see lp.ts `price`). */
  lower_bound: number
  proven_optimal: boolean
}

export interface PlanStats {
  solve_ms: number
  method: "column_generation" | "full_lp" | "mip" | "greedy"
  status: "optimal" | "optimal_on_candidates" | "feasible" | "greedy"
  /** Why the greedy plan was returned instead of an optimum, when it was. */
  fallback?: string
  /** Pricing rounds (restricted LP solves). */
  iterations: number
  /** Time inside HiGHS and in pricing, of solve_ms. */
  highs_ms?: number
  pricing_ms?: number
  columns: number
  lanes_total: number
  rows: number
  simplex_iterations: number
  certificate?: Certificate
  mip?: { status: string; gap: number; binaries: number; lp_satisfied: boolean }
  greedy_cost?: number
  saving_vs_greedy?: number
  units_short: number
  units_moved: number
  units_unmet: number
}

export interface TransferPlan {
  total_cost: number
  lines: PlanLine[]
  unmet: UnmetLine[]
  stats: PlanStats
}
