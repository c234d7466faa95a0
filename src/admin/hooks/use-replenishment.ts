import { keepPreviousData, useQuery } from "@tanstack/react-query"
import {
  getDemandSeries,
  getForecastRun,
  listPolicies,
  listProposals,
  listSlowMovers,
  listStockLocationNames,
} from "../lib/replenishment-api"
import type { PolicyListParams, ProposalListParams, SlowMoverParams } from "../lib/replenishment-types"
import { queryKeys } from "./query-keys"

export const usePolicies = (params: PolicyListParams, enabled = true) =>
  useQuery({
    queryKey: queryKeys.policies(params),
    queryFn: () => listPolicies(params),
    placeholderData: keepPreviousData,
    enabled,
  })

export const useProposals = (params: ProposalListParams) =>
  useQuery({
    queryKey: queryKeys.proposals(params),
    queryFn: () => listProposals(params),
    placeholderData: keepPreviousData,
  })

export const useSlowMovers = (params: SlowMoverParams) =>
  useQuery({
    queryKey: queryKeys.slowMovers(params),
    queryFn: () => listSlowMovers(params),
    placeholderData: keepPreviousData,
  })

const ACTIVE_RUN = new Set(["queued", "running"])

/** A forecast run, asked again every 2 s while it is queued or running. */
export const useForecastRun = (id: string | null) =>
  useQuery({
    queryKey: queryKeys.forecastRun(id ?? ""),
    queryFn: () => getForecastRun(id!).then((r) => r.forecast_run),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && !ACTIVE_RUN.has(q.state.data.status) ? false : 2000),
  })

export const isRunActive = (status: string | undefined) => !!status && ACTIVE_RUN.has(status)

export const useDemandSeries = (variantId: string, locationId: string | undefined, days = 90) =>
  useQuery({
    queryKey: queryKeys.demandSeries(variantId, locationId ?? "", days),
    queryFn: () => getDemandSeries(variantId, locationId!, days),
    enabled: !!locationId,
  })

export const useStockLocationNames = (ids: string[]) =>
  useQuery({
    queryKey: queryKeys.stockLocationNames(ids),
    queryFn: () =>
      listStockLocationNames(ids).then((r) => new Map(r.stock_locations.map((l) => [l.id, l.name] as const))),
    enabled: ids.length > 0,
  })
