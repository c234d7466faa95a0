import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { cumulativeCap, PresaleWindowError, windowFor, type TierWindow } from "../../lib/presale"
import { claimUnits, endReservation, notActive, PresaleConflict, type Claim, type Sql } from "./claims"
import { PresaleGate, type GateClaim, type GateCounts } from "./gate"
import PresaleCampaign from "./models/campaign"
import PresaleCounter from "./models/counter"
import PresaleItem from "./models/item"
import PresaleQuotaUse from "./models/quota-use"
import PresaleReservation, { type ReservationStatus } from "./models/reservation"
import PresaleWaitlistEntry from "./models/waitlist-entry"
import PresaleWindow from "./models/window"

export type PresaleModuleOptions = {
  /** Redis for the reservation gate; without it PostgreSQL alone answers. */
  redis_url?: string
  /** How long a campaign's rules are read from memory on the hot path (ms). */
  campaign_cache_ms?: number
}

/** What the hot path needs of a campaign, read once a second at most. */
export type GateCampaign = {
  id: string
  status: string
  payment_mode: "full" | "deposit"
  deposit: number | null
  deposit_value: number | null
  balance_opens_at: Date | null
  balance_closes_at: Date | null
  per_member_limit: number | null
  per_phone_limit: number | null
  channel_caps: Record<string, number> | null
  payment_ttl_minutes: number
  buckets: number
  windows: TierWindow[]
  items: { id: string; variant_id: string; quantity: number; price: number }[]
}

export type ReserveInput = {
  campaign_id: string
  item_id?: string
  variant_id?: string
  quantity: number
  customer_id: string
  member_id: string | null
  phone: string | null
  sales_channel_id: string
  tier_priority: number
  shipping_address?: Record<string, unknown> | null
  waitlist_entry_id?: string | null
  idempotency_key?: string | null
  now?: Date
}

const fen = (n: number) => Math.round(n * 100) / 100

class PresaleModuleService extends MedusaService({
  PresaleCampaign,
  PresaleItem,
  PresaleWindow,
  PresaleCounter,
  PresaleQuotaUse,
  PresaleReservation,
  PresaleWaitlistEntry,
}) {
  protected readonly options_: PresaleModuleOptions
  protected gate_: PresaleGate | null = null
  protected readonly cache_ = new Map<string, { at: number; campaign: GateCampaign }>()

  constructor(container: Record<string, unknown>, options: PresaleModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = options ?? {}
  }

  /** The Redis gate, or null when this deployment runs on PostgreSQL alone. */
  gate(): PresaleGate | null {
    if (!this.options_.redis_url) return null
    return (this.gate_ ??= new PresaleGate(this.options_.redis_url))
  }

  async __hooks_onApplicationShutdown() {
    await this.gate_?.close()
  }

  /** The campaign as the hot path reads it; fresh = skip the cache (admin views, jobs). */
  async gateCampaign(id: string, fresh = false): Promise<GateCampaign> {
    const hit = this.cache_.get(id)
    const ttl = this.options_.campaign_cache_ms ?? 1000
    if (!fresh && hit && Date.now() - hit.at < ttl) return hit.campaign
    const c: any = await this.retrievePresaleCampaign(id, { relations: ["items", "windows"] }).catch(() => null)
    if (!c) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Presale ${id} was not found`)
    const campaign: GateCampaign = {
      id: c.id,
      status: c.status,
      payment_mode: c.payment_mode,
      deposit: c.deposit == null ? null : Number(c.deposit),
      deposit_value: c.deposit_value == null ? null : Number(c.deposit_value),
      balance_opens_at: c.balance_opens_at,
      balance_closes_at: c.balance_closes_at,
      per_member_limit: c.per_member_limit,
      per_phone_limit: c.per_phone_limit,
      channel_caps: c.channel_caps ?? null,
      payment_ttl_minutes: c.payment_ttl_minutes,
      buckets: Math.max(1, c.buckets ?? 1),
      windows: (c.windows ?? []).map((w: any) => ({ id: w.id, opens_at: w.opens_at, min_priority: w.min_priority, share: w.share == null ? null : Number(w.share) })),
      items: (c.items ?? []).map((i: any) => ({ id: i.id, variant_id: i.variant_id, quantity: i.quantity, price: Number(i.price) })),
    }
    this.cache_.set(id, { at: Date.now(), campaign })
    return campaign
  }

  forget(id: string) {
    this.cache_.delete(id)
  }

  /**
   * Reserves units: the caller's window, then the Redis gate (when there is one), then the
   * database (the truth). A refusal anywhere is a PresaleConflict; whatever the gate counted
   * for a request the database then refused or failed is given back before this returns.
   */
  async reserve(input: ReserveInput): Promise<Record<string, any>> {
    const now = input.now ?? new Date()
    const c = await this.gateCampaign(input.campaign_id)
    if (c.status !== "active") throw notActive(c.status)
    const item = c.items.find((i) => (input.item_id ? i.id === input.item_id : i.variant_id === input.variant_id))
    if (!item) throw new MedusaError(MedusaError.Types.INVALID_DATA, `item_id: not an item of presale ${c.id}`)
    try {
      windowFor(c.windows, input.tier_priority, now)
    } catch (e) {
      if (e instanceof PresaleWindowError) throw new PresaleConflict(e.message, e.code, e.opens_at ? { opens_at: e.opens_at.toISOString() } : undefined)
      throw e
    }
    const cap = cumulativeCap(item.quantity, c.windows, now)
    const soldOut = () => {
      if (cap >= item.quantity) return new PresaleConflict("Sold out", "presale_sold_out")
      const next = c.windows.map((w) => new Date(w.opens_at)).filter((d) => d > now).sort((a, b) => +a - +b)[0]
      return new PresaleConflict(`Sold out for now: more units open at ${next?.toISOString()}`, "presale_sold_out", next ? { next_window_opens_at: next.toISOString() } : undefined)
    }
    const memberSubject = input.member_id ?? `cus:${input.customer_id}`
    const channelCap = c.channel_caps?.[input.sales_channel_id] ?? null
    if (c.per_phone_limit != null && !input.phone) {
      throw new PresaleConflict("This presale limits units per phone number: add a verified phone number first", "presale_phone_required")
    }
    const gateClaim: GateClaim = {
      campaign_id: c.id,
      item_id: item.id,
      quantity: input.quantity,
      cap,
      member: memberSubject,
      phone: input.phone,
      channel: input.sales_channel_id,
      member_limit: c.per_member_limit,
      phone_limit: c.per_phone_limit,
      channel_cap: channelCap,
    }
    const gate = this.gate()
    if (gate) {
      let outcome = await gate.admit(gateClaim)
      if (outcome === "not_primed") {
        await gate.prime(c.id, await this.countsOf(c.id))
        outcome = await gate.admit(gateClaim)
      }
      if (outcome === "sold_out") throw soldOut()
      if (outcome === "member_limit") throw new PresaleConflict(`At most ${c.per_member_limit} per member in this presale`, "presale_member_limit")
      if (outcome === "phone_limit") throw new PresaleConflict(`At most ${c.per_phone_limit} per phone number in this presale`, "presale_phone_limit")
      if (outcome === "channel_cap") throw new PresaleConflict("This sales channel's share of the presale is sold out", "presale_channel_cap")
      if (outcome !== "admitted") throw new PresaleConflict("The presale gate is not ready; try again", "presale_gate_busy")
    }
    const unit = item.price
    const total = c.payment_mode === "deposit" ? fen((unit - (c.deposit_value! - c.deposit!)) * input.quantity) : fen(unit * input.quantity)
    const first = c.payment_mode === "deposit" ? fen(c.deposit! * input.quantity) : total
    const claim: Claim = {
      campaign_id: c.id,
      item_id: item.id,
      variant_id: item.variant_id,
      quantity: input.quantity,
      cap,
      buckets: c.buckets,
      customer_id: input.customer_id,
      member_id: input.member_id,
      member_subject: memberSubject,
      phone: input.phone,
      sales_channel_id: input.sales_channel_id,
      tier_priority: input.tier_priority,
      member_limit: c.per_member_limit,
      phone_limit: c.per_phone_limit,
      channel_cap: channelCap,
      total,
      first_payment: first,
      balance: fen(total - first),
      expires_at: new Date(now.getTime() + c.payment_ttl_minutes * 60_000),
      shipping_address: input.shipping_address ?? null,
      waitlist_entry_id: input.waitlist_entry_id ?? null,
      idempotency_key: input.idempotency_key ?? null,
    }
    try {
      return await this.claimInDb(claim, soldOut)
    } catch (e) {
      if (gate) await gate.release(gateClaim).catch(() => undefined)
      throw e
    }
  }

  @InjectTransactionManager()
  protected async claimInDb(claim: Claim, soldOut: () => PresaleConflict, @MedusaContext() ctx: Context = {}) {
    return claimUnits(ctx.transactionManager as unknown as Sql, claim, soldOut)
  }

  /**
   * Ends a reservation that holds units (expired, canceled, forfeited) and gives the units
   * back to the campaign, in the database and then the gate. Null when it had already ended.
   */
  async release(id: string, from: ReservationStatus[], to: ReservationStatus, reason: string | null) {
    const r0 = await this.retrievePresaleReservation(id)
    const c = await this.gateCampaign(r0.campaign_id, true)
    const channelCap = c.channel_caps?.[r0.sales_channel_id] ?? null
    const ended = await this.releaseInDb(id, from, to, reason, channelCap != null)
    if (ended) {
      await this.gate()
        ?.release({
          campaign_id: ended.campaign_id,
          item_id: ended.item_id,
          quantity: ended.quantity,
          member: ended.member_id ?? `cus:${ended.customer_id}`,
          phone: ended.phone,
          channel: ended.sales_channel_id,
          channel_cap: channelCap,
        })
        .catch(() => undefined)
    }
    return ended
  }

  @InjectTransactionManager()
  protected async releaseInDb(id: string, from: ReservationStatus[], to: ReservationStatus, reason: string | null, channelCapped: boolean, @MedusaContext() ctx: Context = {}) {
    return endReservation(ctx.transactionManager as unknown as Sql, id, from, to, reason, channelCapped)
  }

  /** A conditional status change (paid, converted, …): null when the reservation was not in `from`. */
  @InjectTransactionManager()
  async advance(id: string, from: ReservationStatus[], to: ReservationStatus, set: Record<string, unknown> = {}, @MedusaContext() ctx: Context = {}) {
    const sql = ctx.transactionManager as unknown as Sql
    const cols = Object.keys(set)
    const [r] = await sql.execute(
      `UPDATE presale_reservation SET status = ?, ${cols.map((k) => `${k} = ?`).join(", ")}${cols.length ? ", " : ""}updated_at = now()
        WHERE id = ? AND status = ANY(?::text[]) AND deleted_at IS NULL RETURNING *`,
      [to, ...cols.map((k) => set[k]), id, `{${from.join(",")}}`]
    )
    return r ?? null
  }

  /** The reservation a customer's request with this Idempotency-Key made, if it got that far. */
  @InjectManager()
  async reservationByKey(customerId: string, key: string, @MedusaContext() ctx: Context = {}): Promise<string | null> {
    const sql = ctx.manager as unknown as Sql
    const [r] = await sql.execute(
      `SELECT id FROM presale_reservation WHERE customer_id = ? AND metadata->>'idempotency_key' = ? AND deleted_at IS NULL ORDER BY created_at DESC LIMIT 1`,
      [customerId, key]
    )
    return r?.id ?? null
  }

  /** Sold per item and the uses per member, phone and channel, as the database counts them. */
  @InjectManager()
  async countsOf(campaignId: string, @MedusaContext() ctx: Context = {}): Promise<GateCounts> {
    const sql = ctx.manager as unknown as Sql
    const sold = await sql.execute(
      `SELECT item_id, sum(sold)::int AS sold FROM presale_counter WHERE campaign_id = ? AND deleted_at IS NULL GROUP BY item_id`,
      [campaignId]
    )
    const uses = await sql.execute(`SELECT kind, subject, units FROM presale_quota_use WHERE campaign_id = ? AND deleted_at IS NULL`, [campaignId])
    return {
      sold: Object.fromEntries(sold.map((r) => [r.item_id, Number(r.sold)])),
      uses: uses.map((u) => ({ kind: u.kind, subject: u.subject, units: Number(u.units) })),
    }
  }

  /** Units each reservation status holds per item: what the counters must equal (reconciliation). */
  @InjectManager()
  async heldByReservations(campaignId: string, @MedusaContext() ctx: Context = {}) {
    const sql = ctx.manager as unknown as Sql
    return sql.execute(
      `SELECT item_id, status, count(*)::int AS reservations, sum(quantity)::int AS units FROM presale_reservation
        WHERE campaign_id = ? AND deleted_at IS NULL GROUP BY item_id, status`,
      [campaignId]
    )
  }

  /**
   * Stops a campaign for good: status canceled (from any other status) with the cancellation's
   * details in metadata.cancellation, in one conditional statement. Null when it was already
   * canceled; otherwise the status it had, so a failed cancellation can put it back.
   */
  @InjectTransactionManager()
  async stopCampaign(id: string, cancellation: Record<string, unknown>, @MedusaContext() ctx: Context = {}): Promise<{ previous_status: string; previous_metadata: unknown } | null> {
    const sql = ctx.transactionManager as unknown as Sql
    const [r] = await sql.execute(
      `WITH before AS (SELECT id, status, metadata FROM presale_campaign WHERE id = ? AND status <> 'canceled' AND deleted_at IS NULL FOR UPDATE)
       UPDATE presale_campaign c SET status = 'canceled', metadata = coalesce(c.metadata, '{}'::jsonb) || jsonb_build_object('cancellation', ?::jsonb || jsonb_build_object('canceled_from', before.status)), updated_at = now()
         FROM before WHERE c.id = before.id RETURNING before.status AS previous_status, before.metadata AS previous_metadata`,
      [id, JSON.stringify(cancellation)]
    )
    this.forget(id)
    return r ? { previous_status: r.previous_status, previous_metadata: r.previous_metadata } : null
  }

  /** Puts a campaign back as it was before stopCampaign (a cancellation whose next step failed). */
  @InjectTransactionManager()
  async unstopCampaign(id: string, previous: { previous_status: string; previous_metadata: unknown }, @MedusaContext() ctx: Context = {}) {
    const sql = ctx.transactionManager as unknown as Sql
    await sql.execute(`UPDATE presale_campaign SET status = ?, metadata = ?::jsonb, updated_at = now() WHERE id = ? AND status = 'canceled'`, [
      previous.previous_status,
      previous.previous_metadata == null ? null : JSON.stringify(previous.previous_metadata),
      id,
    ])
    this.forget(id)
  }

  /**
   * Records a step of a canceled campaign's cancellation once (metadata.cancellation[key] = value):
   * true for the one caller that set it, false when it was already set.
   */
  @InjectTransactionManager()
  async markCancellation(id: string, key: string, value: unknown, @MedusaContext() ctx: Context = {}): Promise<boolean> {
    const sql = ctx.transactionManager as unknown as Sql
    const [r] = await sql.execute(
      `UPDATE presale_campaign SET metadata = jsonb_set(coalesce(metadata, '{}'::jsonb), '{cancellation}', coalesce(metadata->'cancellation', '{}'::jsonb) || jsonb_build_object(?::text, ?::jsonb)), updated_at = now()
        WHERE id = ? AND status = 'canceled' AND deleted_at IS NULL AND (metadata->'cancellation'->>?::text) IS NULL RETURNING id`,
      [key, JSON.stringify(value), id, key]
    )
    return !!r
  }

  /** Clears a cancellation step's record (its work failed after it was claimed). */
  @InjectTransactionManager()
  async unmarkCancellation(id: string, key: string, @MedusaContext() ctx: Context = {}) {
    const sql = ctx.transactionManager as unknown as Sql
    await sql.execute(`UPDATE presale_campaign SET metadata = metadata #- ARRAY['cancellation', ?::text], updated_at = now() WHERE id = ?`, [key, id])
  }

  /** Closes a campaign's waiting-list entries (it was canceled): they will never be promoted. */
  @InjectTransactionManager()
  async closeWaitlist(campaignId: string, reason: string, @MedusaContext() ctx: Context = {}): Promise<number> {
    const sql = ctx.transactionManager as unknown as Sql
    const rows = await sql.execute(
      `UPDATE presale_waitlist_entry SET status = 'closed', reason = ?, updated_at = now() WHERE campaign_id = ? AND status = 'waiting' AND deleted_at IS NULL RETURNING id`,
      [reason, campaignId]
    )
    return rows.length
  }

  /** Reservations per status and end reason: what a cancellation did and what it left. */
  @InjectManager()
  async reservationOutcomes(campaignId: string, @MedusaContext() ctx: Context = {}): Promise<{ status: string; end_reason: string | null; reservations: number }[]> {
    const sql = ctx.manager as unknown as Sql
    const rows = await sql.execute(
      `SELECT status, end_reason, count(*)::int AS reservations FROM presale_reservation WHERE campaign_id = ? AND deleted_at IS NULL GROUP BY status, end_reason`,
      [campaignId]
    )
    return rows.map((r) => ({ status: r.status, end_reason: r.end_reason, reservations: Number(r.reservations) }))
  }

  /** Creates an item's counter rows (idempotent), e.g. when a campaign or an item is added. */
  @InjectTransactionManager()
  async ensureCounters(campaignId: string, itemIds: string[], buckets: number, @MedusaContext() ctx: Context = {}) {
    const sql = ctx.transactionManager as unknown as Sql
    for (const item of itemIds) {
      for (let b = 0; b < buckets; b++) {
        await sql.execute(
          `INSERT INTO presale_counter (id, campaign_id, item_id, bucket, sold) VALUES (?, ?, ?, ?, 0)
           ON CONFLICT (item_id, bucket) WHERE deleted_at IS NULL DO NOTHING`,
          [`pscn_${item}_${b}`, campaignId, item, b]
        )
      }
    }
  }
}

export default PresaleModuleService
