import { call, compact, withKey } from "./http"
import type {
  ClearancePromotion,
  DemandSeriesResponse,
  ForecastRun,
  PolicyListParams,
  PolicyOverrideBody,
  Proposal,
  ProposalListParams,
  RefreshResult,
  SlowMover,
  SlowMoverParams,
  StockPolicy,
} from "./replenishment-types"
import type { ListResponse } from "./types"

const BASE = "/admin/replenishment"

// Stock policies

export const listPolicies = (params: PolicyListParams) =>
  call<ListResponse<"policies", StockPolicy>>(`${BASE}/policies`, { query: compact(params) })

export const updatePolicy = (id: string, body: PolicyOverrideBody) =>
  call<{ policy: StockPolicy }>(`${BASE}/policies/${id}`, { method: "POST", body })

// Forecast runs

export const startForecastRun = (shopId: string, idempotencyKey?: string) =>
  call<{ forecast_run: ForecastRun }>(`${BASE}/runs`, {
    method: "POST",
    body: { shop_id: shopId },
    headers: withKey(idempotencyKey),
  })

export const getForecastRun = (id: string) => call<{ forecast_run: ForecastRun }>(`${BASE}/runs/${id}`)

// Replenishment proposals

export const listProposals = (params: ProposalListParams) =>
  call<ListResponse<"proposals", Proposal>>(`${BASE}/proposals`, { query: compact(params) })

export const approveProposals = (ids: string[]) =>
  call<{ proposals: Proposal[] }>(`${BASE}/proposals/approve`, { method: "POST", body: { ids } })

export const dismissProposals = (ids: string[]) =>
  call<{ proposals: Proposal[] }>(`${BASE}/proposals/dismiss`, { method: "POST", body: { ids } })

export const refreshProposals = (shopId: string) =>
  call<RefreshResult>(`${BASE}/proposals/refresh`, { method: "POST", body: { shop_id: shopId } })

// Slow movers

export const listSlowMovers = (params: SlowMoverParams) =>
  call<{ slow_movers: SlowMover[]; count: number }>(`${BASE}/slow-movers`, { query: compact(params) })

export const createClearancePromotion = (
  body: { shop_id: string; variant_ids: string[]; percentage: number },
  idempotencyKey?: string
) =>
  call<{ promotion: ClearancePromotion }>(`${BASE}/slow-movers/clearance`, {
    method: "POST",
    body,
    headers: withKey(idempotencyKey),
  })

// One series, for the variant widget

export const getDemandSeries = (variantId: string, locationId: string, days = 90) =>
  call<DemandSeriesResponse>(`${BASE}/series`, {
    query: { variant_id: variantId, location_id: locationId, days },
  })

/** Names of stock locations (Medusa's own route), for the widget's location picker. */
export const listStockLocationNames = (ids: string[]) =>
  call<{ stock_locations: { id: string; name: string }[] }>("/admin/stock-locations", {
    query: { id: ids, fields: "id,name", limit: ids.length },
  })
