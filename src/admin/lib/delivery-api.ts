import { call, compact, post, withKey } from "./http"
import type { BuildResult, DeliveryRun, DepotFleet, FleetBody } from "./delivery-types"
import type { ListResponse } from "./types"

/** POST /admin/delivery-runs: (re)builds a depot's planned runs for a day. */
export const buildRuns = (body: { depot: { shop_id: string }; date?: string }, idempotencyKey?: string) =>
  post<BuildResult>("/admin/delivery-runs", body, withKey(idempotencyKey))

export const listRuns = (params: { depot_location_id?: string; date?: string; limit?: number }) =>
  call<ListResponse<"delivery_runs", DeliveryRun>>("/admin/delivery-runs", { query: compact(params) })

export const getRun = (id: string) => call<{ delivery_run: DeliveryRun }>(`/admin/delivery-runs/${id}`)

export const listFleets = () => call<{ depot_fleets: DepotFleet[] }>("/admin/depot-fleets")

export const saveFleet = (body: FleetBody) => post<{ depot_fleet: DepotFleet }>("/admin/depot-fleets", body)
