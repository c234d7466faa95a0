import type { Sql } from "./ledger"

/**
 * The member's own reads (GET /store/members/me and /me/points, the admin's member page) in one
 * round trip each. Through the generic list/retrieve methods the summary took six ORM queries
 * (member + identities + tier, the ladder, the 12-month activity, expiring lots, coupons), about
 * half the throughput of Medusa's GET /store/customers/me under 16 clients at 100,000 members
 * and 5,000,000 entries (docs/BENCHMARKS.md, points-ledger). Every part is read through an index:
 * member by id or customer_id, entries by (member_id, created_at) and the lots index.
 */

/** The 12-month window's activity, as activity12m counts it: earns, net of returns and cancellations. */
const ACTIVITY = `(kind = 'earn' OR (kind = 'reverse' AND source_type IN ('return', 'order_cancel')))`

export type MemberViewRow = {
  id: string
  customer_id: string
  status: string
  tier_id: string | null
  tier_since: Date | null
  tier_grace_until: Date | null
  joined_at: Date
  joined_via: string | null
  points_available: number
  points_pending: number
  points_held: number
  tiers: Record<string, any>[]
  identities: { kind: string; app_id: string; value: string; verified_at: string | null }[]
  coupons: { id: string; code: string; promotion_id: string; source: string | null; expires_at: string | null }[]
  spend_12m: number
  points_12m: number
  expiring: number
  expiring_next_at: Date | null
}

/**
 * Everything the member summary shows, for the member `by` id or by customer id (active or
 * erased; a merged member is not returned when looked up by customer).
 */
export async function memberViewRow(
  sql: Sql,
  by: { member_id?: string; customer_id?: string },
  now: Date,
  expiringUntil: Date
): Promise<MemberViewRow | null> {
  const where = by.member_id ? "m.id = ?" : "m.customer_id = ? AND m.status = 'active'"
  const [row] = await sql.execute(
    `SELECT m.id, m.customer_id, m.status, m.tier_id, m.tier_since, m.tier_grace_until, m.joined_at, m.joined_via,
            m.points_available, m.points_pending, m.points_held,
            (SELECT coalesce(json_agg(json_build_object(
                      'id', t.id, 'code', t.code, 'name', t.name, 'name_en', t.name_en, 'rank', t.rank,
                      'qualify_spend', t.qualify_spend, 'qualify_points', t.qualify_points, 'points_multiplier', t.points_multiplier,
                      'free_shipping_threshold', t.free_shipping_threshold, 'presale_priority', t.presale_priority) ORDER BY t.rank), '[]')
               FROM member_tier t WHERE t.deleted_at IS NULL) AS tiers,
            (SELECT coalesce(json_agg(json_build_object('kind', i.kind, 'app_id', i.app_id, 'value', i.value, 'verified_at', i.verified_at)
                                      ORDER BY i.created_at, i.id), '[]')
               FROM member_identity i WHERE i.member_id = m.id AND i.deleted_at IS NULL) AS identities,
            (SELECT coalesce(json_agg(json_build_object('id', c.id, 'code', c.code, 'promotion_id', c.promotion_id, 'source', c.source, 'expires_at', c.expires_at)
                                      ORDER BY c.created_at DESC), '[]')
               FROM (SELECT * FROM member_coupon WHERE member_id = m.id AND status = 'granted' AND deleted_at IS NULL
                      ORDER BY created_at DESC LIMIT 50) c) AS coupons,
            a.spend_12m, a.points_12m, x.expiring, x.expiring_next_at
       FROM member m
       CROSS JOIN LATERAL (
             SELECT coalesce(sum(amount), 0)::float AS spend_12m, coalesce(sum(points), 0)::int AS points_12m
               FROM points_entry
              WHERE member_id = m.id AND created_at > ? AND created_at <= ? AND deleted_at IS NULL AND ${ACTIVITY}) a
       CROSS JOIN LATERAL (
             SELECT coalesce(sum(remaining), 0)::int AS expiring, min(expires_at) AS expiring_next_at
               FROM points_entry
              WHERE member_id = m.id AND status = 'available' AND remaining > 0 AND expires_at <= ? AND deleted_at IS NULL) x
      WHERE ${where} AND m.deleted_at IS NULL
      LIMIT 1`,
    [new Date(now.getTime() - 365 * 86_400_000), now, expiringUntil, by.member_id ?? by.customer_id]
  )
  if (!row) return null
  return {
    ...row,
    points_available: Number(row.points_available),
    points_pending: Number(row.points_pending),
    points_held: Number(row.points_held),
    spend_12m: Math.round(Number(row.spend_12m) * 100) / 100,
    points_12m: Number(row.points_12m),
    expiring: Number(row.expiring),
  }
}

export const HISTORY_FIELDS = [
  "id", "kind", "status", "points", "remaining", "amount", "source_type", "source_id", "order_id",
  "sales_channel_id", "shop_id", "actor", "reason", "available_at", "expires_at", "created_at",
] as const

/** A page of the member's ledger, newest first, with the count of the whole (filtered) ledger, in one query. */
export async function pointsPageRows(
  sql: Sql,
  memberId: string,
  page: { limit: number; offset: number; kind?: string[] }
): Promise<{ entries: Record<string, any>[]; count: number }> {
  const kinds = page.kind?.length ? `AND kind IN (SELECT jsonb_array_elements_text(?::jsonb))` : ""
  const params = (extra: unknown[]) => [memberId, ...(page.kind?.length ? [JSON.stringify(page.kind)] : []), ...extra]
  const rows = await sql.execute(
    `SELECT ${HISTORY_FIELDS.join(", ")}, count(*) OVER ()::int AS total_count
       FROM points_entry WHERE member_id = ? AND deleted_at IS NULL ${kinds}
      ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
    params([page.limit, page.offset])
  )
  let count = rows[0]?.total_count
  if (count == null) {
    // A page past the end: the count still answers.
    const [c] = await sql.execute(`SELECT count(*)::int AS n FROM points_entry WHERE member_id = ? AND deleted_at IS NULL ${kinds}`, params([]))
    count = c.n
  }
  return {
    entries: rows.map(({ total_count, ...e }: any) => ({ ...e, points: Number(e.points), remaining: Number(e.remaining), amount: Number(e.amount) })),
    count: Number(count),
  }
}
