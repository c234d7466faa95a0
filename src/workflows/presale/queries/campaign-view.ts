import type { MedusaContainer } from "@medusajs/framework/types"
import { cumulativeCap, windowsView, type TierWindow } from "../../../lib/presale"
import { presaleOf } from "../steps/presale-service"

const money = (v: unknown) => (v == null ? null : Number(v))

/**
 * A campaign as clients see it: per item the units sold, left and converted, and per window
 * whether it is open and what is left in the pool for it. With `priority` (the caller's tier),
 * also which window is theirs and when it opens.
 */
export async function campaignView(container: MedusaContainer, campaign: any, opts: { priority?: number | null; now?: Date } = {}) {
  const now = opts.now ?? new Date()
  const presale = presaleOf(container)
  const counts = await presale.countsOf(campaign.id)
  const windows: (TierWindow & { tier_id: string | null; label: string | null })[] = (campaign.windows ?? []).map((w: any) => ({
    id: w.id,
    opens_at: w.opens_at,
    min_priority: w.min_priority,
    share: w.share == null ? null : Number(w.share),
    tier_id: w.tier_id,
    label: w.label,
  }))
  // Only an active campaign sells: a draft, closed or canceled one has nothing available now.
  const selling = campaign.status === "active" && windows.length > 0
  const items = (campaign.items ?? []).map((i: any) => {
    const sold = counts.sold[i.id] ?? 0
    return {
      id: i.id,
      variant_id: i.variant_id,
      product_id: i.product_id,
      title: i.title,
      sku: i.sku,
      price: money(i.price),
      quantity: i.quantity,
      sold,
      converted: i.converted,
      available_now: selling ? Math.max(0, cumulativeCap(i.quantity, windows, now) - sold) : 0,
      windows: windows.length ? windowsView(i.quantity, sold, windows, now) : [],
    }
  })
  let mine: { window_id: string | null; opens_at: string | null; open: boolean; excluded: boolean } | undefined
  if (opts.priority != null && windows.length) {
    const eligible = [...windows].sort((a, b) => +new Date(a.opens_at) - +new Date(b.opens_at)).find((w) => opts.priority! >= w.min_priority)
    mine = eligible
      ? { window_id: eligible.id, opens_at: new Date(eligible.opens_at).toISOString(), open: new Date(eligible.opens_at) <= now, excluded: false }
      : { window_id: null, opens_at: null, open: false, excluded: true }
  }
  return {
    id: campaign.id,
    title: campaign.title,
    description: campaign.description,
    status: campaign.status,
    currency_code: campaign.currency_code,
    payment_mode: campaign.payment_mode,
    deposit: money(campaign.deposit),
    deposit_value: money(campaign.deposit_value),
    balance_opens_at: campaign.balance_opens_at,
    balance_closes_at: campaign.balance_closes_at,
    ship_date: campaign.ship_date,
    supply_kind: campaign.supply_kind,
    supply_reference: campaign.supply_reference,
    supply_expected_at: campaign.supply_expected_at,
    per_member_limit: campaign.per_member_limit,
    per_phone_limit: campaign.per_phone_limit,
    payment_ttl_minutes: campaign.payment_ttl_minutes,
    cancel_refund: campaign.cancel_refund,
    windows: windows.map((w) => ({ id: w.id, opens_at: w.opens_at, tier_id: w.tier_id, min_priority: w.min_priority, share: w.share, label: w.label, open: new Date(w.opens_at) <= now })),
    items,
    ...(mine ? { my_window: mine } : {}),
  }
}

/** The admin's extra: channel caps, buckets, the location, and reservations per status. */
export async function campaignAdminView(container: MedusaContainer, campaign: any) {
  const presale = presaleOf(container)
  const held = await presale.heldByReservations(campaign.id)
  const waiting = await presale.listAndCountPresaleWaitlistEntries({ campaign_id: campaign.id, status: "waiting" } as any, { take: 1 })
  const byStatus: Record<string, { reservations: number; units: number }> = {}
  for (const h of held as any[]) {
    const s = (byStatus[h.status] ??= { reservations: 0, units: 0 })
    s.reservations += h.reservations
    s.units += h.units
  }
  return {
    ...(await campaignView(container, campaign)),
    region_id: campaign.region_id,
    location_id: campaign.location_id,
    shipping_option_id: campaign.shipping_option_id,
    supply_location_id: campaign.supply_location_id,
    channel_caps: campaign.channel_caps,
    buckets: campaign.buckets,
    reservations_by_status: byStatus,
    waitlist_waiting: waiting[1],
    // Set once canceled: reason, canceled_at, canceled_by, canceled_from, completed_at.
    cancellation: campaign.metadata?.cancellation ?? null,
    created_at: campaign.created_at,
    updated_at: campaign.updated_at,
  }
}

export const reservationView = (r: any) => ({
  id: r.id,
  campaign_id: r.campaign_id,
  item_id: r.item_id,
  variant_id: r.variant_id,
  quantity: r.quantity,
  status: r.status,
  order_id: r.order_id,
  total: money(r.total),
  first_payment: money(r.first_payment),
  balance: money(r.balance),
  expires_at: r.expires_at,
  first_paid_at: r.first_paid_at,
  balance_paid_at: r.balance_paid_at,
  converted_at: r.converted_at,
  location_id: r.location_id,
  tier_priority: r.tier_priority,
  ended_at: r.ended_at,
  end_reason: r.end_reason,
  created_at: r.created_at,
})

export const CAMPAIGN_RELATIONS = ["items", "windows"]
