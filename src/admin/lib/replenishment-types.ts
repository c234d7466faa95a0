/** Shapes of the inventory-intelligence admin API (src/api/admin/replenishment). */

export const DEMAND_CLASSES = ["smooth", "erratic", "intermittent", "lumpy", "none"] as const
export type DemandClass = (typeof DEMAND_CLASSES)[number]

export const POLICY_STATUSES = ["ok", "below_reorder_point", "untracked"] as const
export type PolicyStatus = (typeof POLICY_STATUSES)[number]

export const PROPOSAL_STATUSES = ["open", "approved", "dismissed", "closed", "consumed"] as const
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number]

export const SERVICE_LEVEL_TYPES = ["cycle", "fill_rate"] as const
export type ServiceLevelType = (typeof SERVICE_LEVEL_TYPES)[number]

/** What the last run or edit applied of the merchant's overrides. */
export type OverrideApplied = "min" | "max" | "frozen" | "target"

/** The variant a row is about, as the list endpoints join it in. */
export type VariantSummary = {
  id: string
  title: string | null
  sku: string | null
  product_id: string | null
  product_title: string | null
  thumbnail?: string | null
}

export type StockPolicy = {
  id: string
  variant_id: string
  location_id: string
  demand_class: DemandClass | null
  method: string | null
  /** Units per day for the next 28 days. */
  forecast: number[] | null
  forecast_error: number | null
  service_level_target: number
  service_level_type: ServiceLevelType
  override_service_level?: number | null
  override_service_level_type?: ServiceLevelType | null
  safety_stock: number | null
  reorder_point: number | null
  order_up_to: number | null
  override_min: number | null
  override_max: number | null
  frozen: boolean
  overrides_applied: OverrideApplied[] | null
  computed_at: string | null
  metadata: Record<string, unknown> | null
  on_hand: number | null
  status: PolicyStatus
  days_of_cover?: number | null
  variant?: VariantSummary | null
}

export type PolicyListParams = {
  shop_id?: string
  location_id?: string
  variant_id?: string
  demand_class?: DemandClass
  status?: "below_reorder_point"
  limit?: number
  offset?: number
}

/** POST /admin/replenishment/policies/:id; null clears an override. */
export type PolicyOverrideBody = {
  override_min?: number | null
  override_max?: number | null
  frozen?: boolean
  service_level_target?: number | null
  service_level_type?: ServiceLevelType
}

export type Proposal = {
  id: string
  variant_id: string
  location_id: string
  status: ProposalStatus
  quantity: number
  on_hand: number
  reserved: number
  incoming: number
  pending: number
  position: number
  reorder_point: number | null
  order_up_to: number | null
  /** "at_or_below_reorder_point" | "below_override_min"; details hold the numbers. */
  reason: string | null
  details?: Record<string, unknown> | null
  run_id: string | null
  approved_at: string | null
  approved_by: string | null
  created_at: string
  variant?: VariantSummary | null
}

export type ProposalListParams = {
  shop_id?: string
  status?: ProposalStatus
  limit?: number
  offset?: number
}

export type RefreshResult = { created: number; updated: number; closed: number }

export type SlowMover = {
  variant_id: string
  location_id: string
  on_hand: number
  sold: number
  weeks_of_cover: number | null
  sell_through: number | null
  last_sale_date: string | null
  variant?: VariantSummary | null
}

export type SlowMoverParams = {
  shop_id?: string
  weeks?: number
  limit?: number
  offset?: number
}

export type ClearancePromotion = { id: string; code: string; status: string }

export const RUN_STATUSES = ["queued", "running", "completed", "failed", "canceled"] as const
export type RunStatus = (typeof RUN_STATUSES)[number]

export type ForecastRun = {
  id: string
  status: RunStatus
  series_total: number
  series_done: number
  policies_written?: number
  failure_count?: number
  started_at: string | null
  finished_at: string | null
  error: string | null
  created_at?: string
}

export type HistoryDay = { date: string; sold: number; returned: number; stockout: boolean; promotion: boolean }
export type ForecastDay = { date: string; mean: number; low: number; high: number }

export type DemandSeriesResponse = {
  history: HistoryDay[]
  forecast: ForecastDay[]
  /** The band's central coverage, e.g. 0.8. */
  interval_level?: number
  timezone?: string
  policy: StockPolicy | null
}
