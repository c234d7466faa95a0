import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import type { ReservationStatus } from "./models/reservation"

/** The transaction's connection: `?` placeholders, rows back. */
export type Sql = { execute: (sql: string, params?: unknown[]) => Promise<any[]> }

/** A refusal the caller can act on: 409 with a code and, where useful, details (when a window opens). */
export class PresaleConflict extends MedusaError {
  constructor(message: string, code: string, readonly details?: Record<string, unknown>) {
    super(MedusaError.Types.CONFLICT, message, code)
  }
}

/** Medusa's bigNumber columns keep a raw twin: the exact decimal as text. */
const raw = (n: number) => JSON.stringify({ value: String(n), precision: 20 })

/** A bucket's share of the cap: the cap split as evenly as whole units allow, the first buckets taking the remainder. */
export const bucketCap = (cap: number, buckets: number, bucket: number) => Math.floor(cap / buckets) + (bucket < cap % buckets ? 1 : 0)

export type Claim = {
  campaign_id: string
  item_id: string
  variant_id: string
  quantity: number
  /** Units of this item the campaign may have sold by now (the opened windows' shares). */
  cap: number
  buckets: number
  customer_id: string
  member_id: string | null
  /** Who the per-member limit counts: the member, else the customer. */
  member_subject: string
  phone: string | null
  sales_channel_id: string
  tier_priority: number
  member_limit: number | null
  phone_limit: number | null
  channel_cap: number | null
  total: number
  first_payment: number
  balance: number
  expires_at: Date
  shipping_address: Record<string, unknown> | null
  waitlist_entry_id: string | null
  /** The request's Idempotency-Key: a retry after a crash finds this reservation instead of making another. */
  idempotency_key: string | null
}

const NO_LIMIT = 2_147_483_647

/** The refusal for a campaign that takes no reservations; a canceled one says so. */
export const notActive = (status?: string) =>
  status === "canceled"
    ? new PresaleConflict("This presale was canceled: it takes no reservations", "presale_not_active", { presale_status: "canceled" })
    : new PresaleConflict("This presale is not open for reservations", "presale_not_active", status ? { presale_status: status } : undefined)

/**
 * Counts one use against a limit in one statement: the row is created or raised only when the
 * units stay within the limit, so concurrent requests from one member can't pass it together.
 */
async function countUse(sql: Sql, c: Claim, kind: "member" | "phone" | "channel", subject: string, limit: number | null, refusal: () => PresaleConflict) {
  if (limit != null && c.quantity > limit) throw refusal()
  const [row] = await sql.execute(
    `INSERT INTO presale_quota_use (id, campaign_id, kind, subject, units) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (campaign_id, kind, subject) WHERE deleted_at IS NULL DO UPDATE
       SET units = presale_quota_use.units + excluded.units, updated_at = now()
       WHERE presale_quota_use.units + excluded.units <= ?
     RETURNING units`,
    [generateEntityId(undefined, "psq"), c.campaign_id, kind, subject, c.quantity, limit ?? NO_LIMIT]
  )
  if (!row) throw refusal()
}

/**
 * The database's half of a reservation, inside the caller's transaction: the limits, then one
 * conditional UPDATE on a counter row (starting at a random bucket, trying the others when it
 * is full), then the reservation row. Anything refused throws, and the transaction takes back
 * whatever was counted before it.
 */
export async function claimUnits(sql: Sql, c: Claim, soldOut: () => PresaleConflict): Promise<Record<string, any>> {
  // The campaign's status as committed now, not as a server cached it up to a second ago: a
  // canceled (or closed) campaign takes nothing more, on every server, from the moment it stops.
  const [campaign] = await sql.execute(`SELECT status FROM presale_campaign WHERE id = ? AND deleted_at IS NULL`, [c.campaign_id])
  if (campaign?.status !== "active") throw notActive(campaign?.status)
  await countUse(sql, c, "member", c.member_subject, c.member_limit, () => new PresaleConflict(`At most ${c.member_limit} per member in this presale`, "presale_member_limit"))
  if (c.phone) {
    await countUse(sql, c, "phone", c.phone, c.phone_limit, () => new PresaleConflict(`At most ${c.phone_limit} per phone number in this presale`, "presale_phone_limit"))
  }
  // Only a capped channel is counted: an uncapped one would make every reservation queue on its row.
  if (c.channel_cap != null) {
    await countUse(sql, c, "channel", c.sales_channel_id, c.channel_cap, () => new PresaleConflict("This sales channel's share of the presale is sold out", "presale_channel_cap"))
  }
  const start = Math.floor(Math.random() * c.buckets)
  let bucket = -1
  for (let i = 0; i < c.buckets && bucket < 0; i++) {
    const b = (start + i) % c.buckets
    const [row] = await sql.execute(
      `UPDATE presale_counter SET sold = sold + ?, updated_at = now()
        WHERE item_id = ? AND bucket = ? AND deleted_at IS NULL AND sold + ? <= ? RETURNING bucket`,
      [c.quantity, c.item_id, b, c.quantity, bucketCap(c.cap, c.buckets, b)]
    )
    if (row) bucket = b
  }
  if (bucket < 0) throw soldOut()
  const [reservation] = await sql.execute(
    `INSERT INTO presale_reservation
       (id, campaign_id, item_id, variant_id, quantity, customer_id, member_id, phone, sales_channel_id, tier_priority, bucket,
        status, total, raw_total, first_payment, raw_first_payment, balance, raw_balance, expires_at, shipping_address, waitlist_entry_id, metadata)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'reserved', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     RETURNING *`,
    [
      generateEntityId(undefined, "psr"),
      c.campaign_id,
      c.item_id,
      c.variant_id,
      c.quantity,
      c.customer_id,
      c.member_id,
      c.phone,
      c.sales_channel_id,
      c.tier_priority,
      bucket,
      c.total,
      raw(c.total),
      c.first_payment,
      raw(c.first_payment),
      c.balance,
      raw(c.balance),
      c.expires_at,
      c.shipping_address ? JSON.stringify(c.shipping_address) : null,
      c.waitlist_entry_id,
      c.idempotency_key ? JSON.stringify({ idempotency_key: c.idempotency_key }) : null,
    ]
  )
  return reservation
}

/**
 * Ends a reservation that still holds units and gives them back, in the caller's transaction.
 * The status change is conditional, so a second end (a retry, a job racing a cancel) changes
 * nothing and returns null.
 */
export async function endReservation(
  sql: Sql,
  id: string,
  from: ReservationStatus[],
  to: ReservationStatus,
  reason: string | null,
  channelCapped: boolean
): Promise<Record<string, any> | null> {
  const [r] = await sql.execute(
    `UPDATE presale_reservation SET status = ?, ended_at = now(), end_reason = ?, updated_at = now()
      WHERE id = ? AND status = ANY(?::text[]) AND deleted_at IS NULL RETURNING *`,
    [to, reason, id, `{${from.join(",")}}`]
  )
  if (!r) return null
  await sql.execute(`UPDATE presale_counter SET sold = sold - ?, updated_at = now() WHERE item_id = ? AND bucket = ? AND deleted_at IS NULL`, [r.quantity, r.item_id, r.bucket])
  const subjects: [string, string][] = [["member", r.member_id ?? `cus:${r.customer_id}`]]
  if (r.phone) subjects.push(["phone", r.phone])
  if (channelCapped) subjects.push(["channel", r.sales_channel_id])
  for (const [kind, subject] of subjects) {
    await sql.execute(
      `UPDATE presale_quota_use SET units = GREATEST(0, units - ?), updated_at = now() WHERE campaign_id = ? AND kind = ? AND subject = ? AND deleted_at IS NULL`,
      [r.quantity, r.campaign_id, kind, subject]
    )
  }
  return r
}
