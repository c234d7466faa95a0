import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { takeFromLots, type Lot } from "../../lib/membership"
import type { EntryKind } from "./models/points-entry"

/** The transaction's connection: `?` placeholders, rows back. */
export type Sql = { execute: (sql: string, params?: unknown[]) => Promise<any[]> }

export type MemberRow = {
  id: string
  customer_id: string
  status: string
  tier_id: string | null
  points_available: number
  points_pending: number
  points_held: number
  [k: string]: unknown
}

export type NewEntry = {
  kind: EntryKind
  points: number
  status?: "pending" | "available"
  amount?: number
  source_type: string
  source_id: string
  related_entry_id?: string | null
  order_id?: string | null
  sales_channel_id?: string | null
  shop_id?: string | null
  actor?: string | null
  reason?: string | null
  available_at?: Date | null
  expires_at?: Date | null
  lines?: unknown
}

/** Medusa's bigNumber columns keep a raw twin: the exact decimal as text. */
export const rawNumber = (n: number | null | undefined) => (n == null ? null : JSON.stringify({ value: String(n), precision: 20 }))

export const conflict = (message: string, code: string) => new MedusaError(MedusaError.Types.CONFLICT, message, code)

/** Every ledger change starts here: the member row locked, so two postings for one member serialise. */
export async function lockMember(sql: Sql, memberId: string): Promise<MemberRow> {
  const [m] = await sql.execute(`SELECT * FROM member WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [memberId])
  if (!m) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Member ${memberId} was not found`)
  if (m.status !== "active") throw conflict(`Member ${memberId} is ${m.status}`, "member_not_active")
  return { ...m, points_available: Number(m.points_available), points_pending: Number(m.points_pending), points_held: Number(m.points_held) }
}

/** An entry already posted for this source (a replayed event), or null. */
export async function findEntry(sql: Sql, sourceType: string, sourceId: string, kind: EntryKind): Promise<Record<string, any> | null> {
  const [e] = await sql.execute(`SELECT * FROM points_entry WHERE source_type = ? AND source_id = ? AND kind = ? AND deleted_at IS NULL`, [sourceType, sourceId, kind])
  return e ?? null
}

export async function insertEntry(sql: Sql, memberId: string, e: NewEntry, remaining = 0): Promise<Record<string, any>> {
  const [row] = await sql.execute(
    `INSERT INTO points_entry (id, member_id, kind, status, points, remaining, amount, raw_amount, source_type, source_id, related_entry_id, order_id,
       sales_channel_id, shop_id, actor, reason, available_at, expires_at, lines, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, now(), now())
     RETURNING *`,
    [
      generateEntityId(undefined, "pte"),
      memberId,
      e.kind,
      e.status ?? "available",
      e.points,
      remaining,
      e.amount ?? 0,
      rawNumber(e.amount ?? 0),
      e.source_type,
      e.source_id,
      e.related_entry_id ?? null,
      e.order_id ?? null,
      e.sales_channel_id ?? null,
      e.shop_id ?? null,
      e.actor ?? null,
      e.reason ?? null,
      e.available_at ?? null,
      e.expires_at ?? null,
      e.lines == null ? null : JSON.stringify(e.lines),
    ]
  )
  return row
}

export async function setBalances(sql: Sql, m: MemberRow, delta: { available?: number; pending?: number; held?: number }): Promise<MemberRow> {
  const [row] = await sql.execute(
    `UPDATE member SET points_available = points_available + ?, points_pending = points_pending + ?, points_held = points_held + ?, updated_at = now()
      WHERE id = ? RETURNING *`,
    [delta.available ?? 0, delta.pending ?? 0, delta.held ?? 0, m.id]
  )
  return { ...row, points_available: Number(row.points_available), points_pending: Number(row.points_pending), points_held: Number(row.points_held) }
}

/**
 * A spendable credit: what it brings first pays off a negative balance (points spent and then
 * returned), the rest is left on the lot. So the lots' remaining always add up to the balance
 * when it is positive, and to nothing when it is not — what the reconcile checks.
 */
export function lotRemainingAfterDebt(points: number, availableBefore: number): number {
  return Math.max(0, points - Math.max(0, -availableBefore))
}

/** Takes `points` from the member's spendable lots (first to expire first; `preferLotId` first of all) and records where from. */
export async function debitLots(sql: Sql, memberId: string, entryId: string, points: number, preferLotId?: string): Promise<number> {
  if (points <= 0) return 0
  const lots: (Lot & { id: string })[] = await sql.execute(
    `SELECT id, remaining, expires_at, created_at FROM points_entry
      WHERE member_id = ? AND status = 'available' AND remaining > 0 AND deleted_at IS NULL FOR UPDATE`,
    [memberId]
  )
  let left = points
  const takes: { lot_id: string; points: number }[] = []
  const preferred = preferLotId ? lots.find((l) => l.id === preferLotId) : undefined
  if (preferred) {
    const n = Math.min(Number(preferred.remaining), left)
    if (n > 0) takes.push({ lot_id: preferred.id, points: n })
    left -= n
  }
  const rest = takeFromLots(
    lots.filter((l) => l !== preferred).map((l) => ({ ...l, remaining: Number(l.remaining) })),
    left
  )
  takes.push(...rest.takes)
  for (const t of takes) {
    await sql.execute(`UPDATE points_entry SET remaining = remaining - ?, updated_at = now() WHERE id = ?`, [t.points, t.lot_id])
    await sql.execute(`INSERT INTO points_take (id, entry_id, lot_id, points, created_at, updated_at) VALUES (?, ?, ?, ?, now(), now())`, [
      generateEntityId(undefined, "ptk"),
      entryId,
      t.lot_id,
      t.points,
    ])
  }
  return rest.short
}
