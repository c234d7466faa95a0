import { toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useRef } from "react"
import { useTranslation } from "react-i18next"
import { buildRuns, getRun, listFleets, listRuns, saveFleet } from "../../lib/delivery-api"
import type { FleetBody } from "../../lib/delivery-types"
import { keepsKeyAfter, newIdempotencyKey } from "../../lib/idempotency-key"

const KEYS = {
  runs: ["mendian", "delivery-runs"] as const,
  list: (location: string, date: string) => ["mendian", "delivery-runs", "list", location, date] as const,
  one: (id: string) => ["mendian", "delivery-runs", "one", id] as const,
  fleets: ["mendian", "depot-fleets"] as const,
}

export const useRuns = (locationId: string | undefined, date: string) =>
  useQuery({
    queryKey: KEYS.list(locationId ?? "", date),
    queryFn: () => listRuns({ depot_location_id: locationId, date, limit: 200 }),
    enabled: !!locationId,
  })

export const useRun = (id: string | undefined) =>
  useQuery({ queryKey: KEYS.one(id ?? ""), queryFn: () => getRun(id!).then((r) => r.delivery_run), enabled: !!id })

export const useFleets = () => useQuery({ queryKey: KEYS.fleets, queryFn: () => listFleets().then((r) => r.depot_fleets) })

/** POST /admin/delivery-runs with one Idempotency-Key per (depot, date) until it succeeds or is refused for good. */
export const useBuildRuns = () => {
  const queryClient = useQueryClient()
  const keys = useRef(new Map<string, string>())
  const keyOf = (what: string) => {
    if (!keys.current.has(what)) keys.current.set(what, newIdempotencyKey())
    return keys.current.get(what)!
  }
  return useMutation({
    mutationFn: (body: { depot: { shop_id: string }; date: string }) => buildRuns(body, keyOf(JSON.stringify(body))),
    onSuccess: (_r, body) => {
      keys.current.delete(JSON.stringify(body))
      queryClient.invalidateQueries({ queryKey: KEYS.runs })
    },
    onError: (e, body) => {
      if (!keepsKeyAfter(e)) keys.current.delete(JSON.stringify(body))
    },
  })
}

export const useSaveFleet = () => {
  const { t } = useTranslation("mendian")
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: FleetBody) => saveFleet(body).then((r) => r.depot_fleet),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: KEYS.fleets })
      toast.success(t("deliveryRuns.fleet.saved"))
    },
  })
}
