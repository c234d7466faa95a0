import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import {
  cancelPresaleCampaign,
  cancelPresaleReservation,
  convertPresale,
  getPresale,
  listPresaleReservations,
  listPresales,
  updatePresale,
} from "../lib/presale-api"
import { cancelCampaignInParts } from "../lib/presale-cancel-parts"
import type { CampaignCancellation, PresaleListParams, PresaleUpdateBody, ReservationListParams } from "../lib/presale-types"

/** Cache keys of the presale pages (all under ["mendian", "presales"]). */
export const presaleKeys = {
  all: ["mendian", "presales"] as const,
  lists: ["mendian", "presales", "list"] as const,
  list: (params: PresaleListParams) => ["mendian", "presales", "list", params] as const,
  detail: (id: string) => ["mendian", "presales", "detail", id] as const,
  reservations: (id: string, params?: ReservationListParams) =>
    ["mendian", "presales", "reservations", id, ...(params ? [params] : [])] as const,
}

/** How often the live counters are read again. */
export const LIVE_MS = 5_000

export const usePresales = (params: PresaleListParams, enabled = true) =>
  useQuery({ queryKey: presaleKeys.list(params), queryFn: () => listPresales(params), placeholderData: keepPreviousData, enabled })

/** One campaign with its live counters, read again every 5 s while the page is open. */
export const usePresale = (id: string | undefined) =>
  useQuery({
    queryKey: presaleKeys.detail(id ?? ""),
    queryFn: () => getPresale(id!).then((r) => r.presale),
    enabled: !!id,
    refetchInterval: LIVE_MS,
  })

export const usePresaleReservations = (id: string, params: ReservationListParams) =>
  useQuery({
    queryKey: presaleKeys.reservations(id, params),
    queryFn: () => listPresaleReservations(id, params),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_MS,
  })

const useRefresh = (id: string) => {
  const queryClient = useQueryClient()
  return () => {
    queryClient.invalidateQueries({ queryKey: presaleKeys.detail(id) })
    queryClient.invalidateQueries({ queryKey: presaleKeys.reservations(id) })
    queryClient.invalidateQueries({ queryKey: presaleKeys.lists })
  }
}

export const useUpdatePresale = (id: string) => {
  const queryClient = useQueryClient()
  const refresh = useRefresh(id)
  return useMutation({
    mutationFn: (body: PresaleUpdateBody) => updatePresale(id, body),
    onSuccess: ({ presale }) => {
      queryClient.setQueryData(presaleKeys.detail(id), presale)
      refresh()
    },
  })
}

export const useConvertPresale = (id: string) => {
  const refresh = useRefresh(id)
  return useMutation({ mutationFn: () => convertPresale(id).then((r) => r.conversion), onSuccess: refresh })
}

export const useCancelReservation = (campaignId: string) => {
  const refresh = useRefresh(campaignId)
  return useMutation({ mutationFn: (reservationId: string) => cancelPresaleReservation(reservationId), onSuccess: refresh })
}

/**
 * Cancels the campaign, or continues a canceled one's cancellation (an empty body). A long one
 * answers in parts (each call cancels up to 500 reservations): called again while reservations
 * are left and the last call got through some of them. When a repeat finds the minute job
 * holding the cancellation (409 presale_cancel_running), the progress so far is kept: the last
 * answer is shown, marked as carrying on in the background.
 */
export const useCancelPresaleCampaign = (id: string) => {
  const refresh = useRefresh(id)
  return useMutation({
    mutationFn: (body: { reason?: string | null }): Promise<CampaignCancellation> =>
      cancelCampaignInParts((b) => cancelPresaleCampaign(id, b).then((r) => r.cancellation), body),
    onSettled: refresh,
  })
}
