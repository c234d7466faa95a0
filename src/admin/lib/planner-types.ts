/** Shapes of /admin/transfer-plans answers (src/api/admin/transfer-plans, src/lib/transfer-plan). */

export type PlanLine = {
  from: string
  to: string
  variant: string
  quantity: number
  cost: number
  unit_cost: number
  breakdown: { handling: number; distance_km: number; distance_cost: number }
  next_best: { from: string; unit_cost: number; distance_km: number; spare: number } | null
}

export type UnmetLine = { shop: string; variant: string; quantity: number; cheapest_unit_cost: number | null }

export type PlanStats = {
  solve_ms: number
  method: "column_generation" | "full_lp" | "mip" | "greedy"
  status: "optimal" | "optimal_on_candidates" | "feasible" | "greedy"
  fallback?: string
  iterations: number
  highs_ms?: number
  pricing_ms?: number
  columns: number
  lanes_total: number
  rows: number
  simplex_iterations: number
  certificate?: { proven_optimal: boolean; min_reduced_cost: number; lower_bound: number }
  greedy_cost?: number
  saving_vs_greedy?: number
  units_short: number
  units_moved: number
  units_unmet: number
}

export type PlanPlace = { shop_id: string; code: string; name: string; latitude: number; longitude: number }
/** A variant as plan-view.ts names it (src/workflows/replenishment/queries/variant-summaries.ts). */
export type PlanVariant = { id: string; title: string | null; sku: string | null; product_id: string | null; product_title: string | null; thumbnail: string | null }

export type PlanStatus = "proposed" | "applied" | "discarded"

export type PlanSummary = {
  id: string
  status: PlanStatus
  scope: Record<string, any>
  total_cost: number
  baseline_cost: number | null
  transfer_ids: string[] | null
  created_by: string | null
  created_at: string
  applied_at: string | null
}

export type PlanView = PlanSummary & {
  result: { lines: PlanLine[]; unmet: UnmetLine[]; stats: PlanStats; shops?: number; surplus_lines?: number }
  places: Record<string, PlanPlace>
  variants: Record<string, PlanVariant>
}

export type PlanBody = {
  territory_id?: string
  shop_ids?: string[]
  variant_ids?: string[]
  shortfall?: { shop_id: string; variant_id: string; quantity: number }[]
  options?: { method?: "colgen" | "full" | "greedy"; max_sources_per_destination?: number }
}

export type ApplyResult = { plan_id: string; transfers: { id: string; number: string }[] }
