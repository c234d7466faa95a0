/** Shapes of the presale Admin API (src/api/admin/presales). */
export type PresaleStatus = "draft" | "active" | "closed" | "canceled"
export type ReservationStatus = "reserved" | "deposit_paid" | "paid" | "converted" | "expired" | "canceled" | "forfeited"

export const PRESALE_STATUSES: PresaleStatus[] = ["draft", "active", "closed", "canceled"]
export const RESERVATION_STATUSES: ReservationStatus[] = ["reserved", "deposit_paid", "paid", "converted", "expired", "canceled", "forfeited"]

export type PresaleWindow = {
  id: string
  opens_at: string
  tier_id: string | null
  min_priority: number
  share: number | null
  label: string | null
  open: boolean
}

export type PresaleItemWindow = { id: string; opens_at: string; open: boolean; min_priority: number; remaining: number }

export type PresaleItem = {
  id: string
  variant_id: string
  product_id?: string | null
  title: string | null
  sku: string | null
  price: number | null
  quantity: number
  sold: number
  converted: number
  available_now: number
  windows: PresaleItemWindow[]
}

export type Presale = {
  id: string
  title: string
  description: string | null
  status: PresaleStatus
  currency_code: string | null
  payment_mode: "full" | "deposit"
  deposit: number | null
  deposit_value: number | null
  balance_opens_at: string | null
  balance_closes_at: string | null
  ship_date: string
  per_member_limit: number | null
  per_phone_limit: number | null
  payment_ttl_minutes: number
  cancel_refund: "full" | "keep_deposit"
  windows: PresaleWindow[]
  items: PresaleItem[]
  reservations_by_status?: Partial<Record<ReservationStatus, { reservations: number; units: number }>>
  waitlist_waiting?: number
  cancellation?: { reason: string | null; canceled_at: string; canceled_from?: string; completed_at?: string } | null
  created_at?: string
}

export type PresaleListParams = { status?: PresaleStatus; variant_id?: string; q?: string; limit?: number; offset?: number }

export type PresaleReservation = {
  id: string
  item_id: string
  variant_id: string
  quantity: number
  status: ReservationStatus
  order_id: string | null
  total: number | null
  first_payment: number | null
  balance: number | null
  expires_at: string | null
  first_paid_at: string | null
  balance_paid_at: string | null
  converted_at: string | null
  tier_priority: number | null
  ended_at: string | null
  end_reason: string | null
  created_at: string
  customer: { id: string; email: string | null; first_name: string | null; last_name: string | null } | null
  member_id: string | null
}

export type ReservationListParams = { status?: ReservationStatus; tier_priority?: number; customer_id?: string; limit?: number; offset?: number }

export type PresaleCreateBody = {
  title: string
  status: "draft" | "active"
  ship_date: string
  payment_mode: "full" | "deposit"
  deposit?: number | null
  deposit_value?: number | null
  balance_opens_at?: string | null
  balance_closes_at?: string | null
  per_member_limit?: number | null
  per_phone_limit?: number | null
  payment_ttl_minutes?: number
  cancel_refund?: "full" | "keep_deposit"
  items: { variant_id: string; quantity: number; price: number }[]
  windows: { opens_at: string; tier_id: string | null; share: number | null; label: string | null }[]
}

export type PresaleUpdateBody = {
  status?: PresaleStatus
  ship_date?: string
  quantities?: { variant_id: string; quantity: number }[]
}

export type Conversion = { converted: number; waiting: number; stopped_at: string | null }

/** POST /admin/presales/:id/cancel: what the cancellation has done so far (all calls together). */
export type CampaignCancellation = {
  presale_id: string
  status: "canceled"
  canceled_from: PresaleStatus | null
  reason: string | null
  canceled_at: string | null
  complete: boolean
  canceled: number
  refunded_amount: number
  skipped_converted: number
  remaining: number
  waitlist_closed: number
  failures: { reservation_id: string; reason: string }[]
  /** Set by the admin (not the API): a later call found the minute job carrying the cancellation on, so this is the last answer it got. */
  background?: boolean
}
