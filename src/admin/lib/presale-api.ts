import { call, compact, post, withKey } from "./http"
import type {
  CampaignCancellation,
  Conversion,
  Presale,
  PresaleCreateBody,
  PresaleListParams,
  PresaleReservation,
  PresaleUpdateBody,
  ReservationListParams,
} from "./presale-types"
import type { ListResponse } from "./types"

export const listPresales = (params: PresaleListParams) =>
  call<ListResponse<"presales", Presale>>("/admin/presales", { query: compact(params) })

export const getPresale = (id: string) => call<{ presale: Presale }>(`/admin/presales/${id}`)

/** Refusals keep their `code`, hence `post`. */
export const createPresale = (body: PresaleCreateBody, idempotencyKey?: string) =>
  post<{ presale: Presale }>("/admin/presales", body, withKey(idempotencyKey))

export const updatePresale = (id: string, body: PresaleUpdateBody) => post<{ presale: Presale }>(`/admin/presales/${id}`, body)

export const convertPresale = (id: string) => post<{ conversion: Conversion }>(`/admin/presales/${id}/convert`, {})

export const listPresaleReservations = (id: string, params: ReservationListParams) =>
  call<ListResponse<"reservations", PresaleReservation>>(`/admin/presales/${id}/reservations`, { query: compact(params) })

export const cancelPresaleReservation = (id: string) =>
  post<{ reservation: PresaleReservation }>(`/admin/presale-reservations/${id}/cancel`, {})

/** Cancels a campaign; on a canceled one it carries on what is left and answers the same counts. */
export const cancelPresaleCampaign = (id: string, body: { reason?: string | null; limit?: number }) =>
  post<{ cancellation: CampaignCancellation }>(`/admin/presales/${id}/cancel`, body)
