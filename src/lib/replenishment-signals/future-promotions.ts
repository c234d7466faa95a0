/**
 * Known future promotions as per-series day flags over a forecast horizon.
 *
 * A run resolves the promotions that touch its horizon once (src/workflows/replenishment/runs/
 * run-signals.ts does the I/O: campaign dates, which locations a promotion's sales-channel
 * rules reach, which variants its target rules reach) and builds a FuturePromotionIndex; each
 * series then asks `daysFor(variant, location)` — a map lookup and a short loop, no query.
 */
import { localBusinessDate, parseCalendarDate } from "../opening-hours"

export type CampaignDates = { starts_at?: Date | string | null; ends_at?: Date | string | null }

/**
 * The horizon days [from, to) (offsets from `asOfDay`, 0 = the run's business date) a campaign
 * covers, in the given timezone: every business day it is live at any moment of. Open ends
 * (no start, no end) run to the horizon's edge; a campaign with neither date is not "known
 * future" and gives null, as does one that misses the horizon.
 */
export function campaignWindow(campaign: CampaignDates | null | undefined, asOfDay: number, horizon: number, timeZone: string): [number, number] | null {
  if (!campaign || (!campaign.starts_at && !campaign.ends_at)) return null
  const dayOf = (instant: Date) => parseCalendarDate(localBusinessDate(timeZone, instant))!
  let from = 0
  let to = horizon
  if (campaign.starts_at) {
    const start = new Date(campaign.starts_at)
    if (Number.isNaN(start.getTime())) return null
    from = Math.max(from, dayOf(start) - asOfDay)
  }
  if (campaign.ends_at) {
    const end = new Date(campaign.ends_at)
    if (Number.isNaN(end.getTime())) return null
    // An end exactly at midnight does not reach into the day that starts then.
    to = Math.min(to, dayOf(new Date(end.getTime() - 1)) - asOfDay + 1)
  }
  return from < to ? [from, to] : null
}

/** A variant condition of a promotion: one per target (or buy) rule, all must hold. */
export type VariantCondition = { op: "in" | "not_in"; variants: ReadonlySet<string> }

export type CompiledPromotion = {
  id: string
  /** Horizon offsets [from, to). */
  window: [number, number]
  /** Locations whose sales channels the promotion's rules admit; null = every location. */
  locations: ReadonlySet<string> | null
  /** Every condition must hold; none = every variant. */
  conditions: readonly VariantCondition[]
}

export class FuturePromotionIndex {
  private byVariant = new Map<string, number[]>()
  private anyVariant: number[] = []
  private cache = new Map<string, number[]>()

  constructor(readonly promotions: readonly CompiledPromotion[], readonly horizon: number) {
    promotions.forEach((p, i) => {
      const include = p.conditions.find((c) => c.op === "in")
      if (!include) return this.anyVariant.push(i)
      for (const v of include.variants) {
        const list = this.byVariant.get(v)
        if (list) list.push(i)
        else this.byVariant.set(v, [i])
      }
    })
  }

  get size() {
    return this.promotions.length
  }

  /** The ids of the promotions that reach this variant at this location. */
  matching(variantId: string, locationId: string): string[] {
    return this.matchIdx(variantId, locationId).map((i) => this.promotions[i].id)
  }

  private matchIdx(variantId: string, locationId: string): number[] {
    const out: number[] = []
    const consider = (i: number) => {
      const p = this.promotions[i]
      if (p.locations && !p.locations.has(locationId)) return
      for (const c of p.conditions) if (c.variants.has(variantId) !== (c.op === "in")) return
      out.push(i)
    }
    const listed = this.byVariant.get(variantId)
    if (listed) for (const i of listed) consider(i)
    for (const i of this.anyVariant) consider(i)
    return out
  }

  /**
   * Horizon offsets on promotion for this series, ascending; null when none. Series matching
   * the same promotions share one array.
   */
  daysFor(variantId: string, locationId: string): number[] | null {
    if (!this.promotions.length) return null
    const idx = this.matchIdx(variantId, locationId)
    if (!idx.length) return null
    idx.sort((a, b) => a - b)
    const key = idx.join(",")
    let days = this.cache.get(key)
    if (!days) {
      const on = new Uint8Array(this.horizon)
      for (const i of idx) {
        const [from, to] = this.promotions[i].window
        for (let d = Math.max(0, from); d < Math.min(to, this.horizon); d++) on[d] = 1
      }
      days = []
      for (let d = 0; d < this.horizon; d++) if (on[d]) days.push(d)
      this.cache.set(key, days)
    }
    return days.length ? days : null
  }
}

/**
 * Locations a promotion's `sales_channel_id` rules admit, from each location's channels:
 * `in`/`eq` admit a location selling in any listed channel, `ne` one selling in any channel
 * not listed; several rules must all hold. No channel rule: null (every location).
 */
export function locationsForChannelRules(
  rules: readonly { operator: string; values: readonly string[] }[],
  locationChannels: ReadonlyMap<string, readonly string[]>
): Set<string> | null {
  const relevant = rules.filter((r) => r.operator === "in" || r.operator === "eq" || r.operator === "ne")
  if (!relevant.length) return null
  const out = new Set<string>()
  for (const [location, channels] of locationChannels) {
    const ok = relevant.every((r) => {
      const values = new Set(r.values)
      return r.operator === "ne" ? channels.some((c) => !values.has(c)) : channels.some((c) => values.has(c))
    })
    if (ok) out.add(location)
  }
  return out
}
