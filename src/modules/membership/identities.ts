import { createHash, timingSafeEqual } from "node:crypto"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { conflict, debitLots, type Sql } from "./ledger"

/**
 * Identities, one-time codes, merges and erasure: the SQL behind the service's "identities"
 * block. Every function runs inside the caller's transaction.
 */

export const OTP_TTL_MS = 5 * 60_000
export const OTP_MAX_ATTEMPTS = 5
/** Per phone and per customer: one code a minute, five an hour. */
export const OTP_LIMITS = [
  { window_ms: 60_000, max: 1 },
  { window_ms: 3_600_000, max: 5 },
] as const

/** The stored form of a code: salted with the challenge id, so equal codes never hash alike. */
export const hashOtp = (challengeId: string, code: string) => createHash("sha256").update(`${challengeId}:${code}`).digest("hex")

export type OtpIssue = { ok: true; id: string; expires_at: Date } | { ok: false; retry_after_seconds: number }

/**
 * A new code for `phone`, unless the phone or the customer asked too recently: then how long
 * to wait. Serialised per phone and per customer by advisory locks, so two requests at once
 * cannot both slip under a limit.
 */
export async function issueOtp(sql: Sql, input: { phone: string; customer_id: string; purpose: string; code: string; now: Date }): Promise<OtpIssue> {
  const keys = [`otp:phone:${input.phone}`, `otp:customer:${input.customer_id}`].sort()
  for (const k of keys) await sql.execute(`SELECT pg_advisory_xact_lock(hashtext(?))`, [k])
  let wait = 0
  for (const l of OTP_LIMITS) {
    const since = new Date(input.now.getTime() - l.window_ms)
    for (const [col, value] of [["phone", input.phone], ["customer_id", input.customer_id]] as const) {
      const rows = await sql.execute(
        `SELECT created_at FROM member_otp WHERE ${col} = ? AND created_at > ? AND deleted_at IS NULL ORDER BY created_at DESC LIMIT ?`,
        [value, since, l.max]
      )
      if (rows.length >= l.max) {
        // The oldest of the last `max` codes leaves the window first.
        const oldest = new Date(rows[rows.length - 1].created_at).getTime()
        wait = Math.max(wait, Math.ceil((oldest + l.window_ms - input.now.getTime()) / 1000))
      }
    }
  }
  if (wait > 0) return { ok: false, retry_after_seconds: wait }
  // A new code replaces any open one for this phone and customer.
  await sql.execute(
    `UPDATE member_otp SET consumed_at = ?, updated_at = now() WHERE phone = ? AND customer_id = ? AND purpose = ? AND consumed_at IS NULL AND deleted_at IS NULL`,
    [input.now, input.phone, input.customer_id, input.purpose]
  )
  const id = generateEntityId(undefined, "motp")
  const expires_at = new Date(input.now.getTime() + OTP_TTL_MS)
  await sql.execute(
    `INSERT INTO member_otp (id, phone, purpose, customer_id, code_hash, expires_at, attempts, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)`,
    [id, input.phone, input.purpose, input.customer_id, hashOtp(id, input.code), expires_at, input.now, input.now]
  )
  return { ok: true, id, expires_at }
}

export type OtpCheck = { ok: true } | { ok: false; reason: "no_code" | "expired" | "wrong_code" | "too_many_attempts" }

/**
 * Checks a code against the customer's open challenge for the phone. A wrong code counts an
 * attempt (committed even though the caller answers 400); the fifth wrong one kills the code.
 * A right code is consumed, so it works once.
 */
export async function checkOtp(sql: Sql, input: { phone: string; customer_id: string; purpose: string; code: string; now: Date }): Promise<OtpCheck> {
  const [c] = await sql.execute(
    `SELECT * FROM member_otp WHERE phone = ? AND customer_id = ? AND purpose = ? AND consumed_at IS NULL AND deleted_at IS NULL
      ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
    [input.phone, input.customer_id, input.purpose]
  )
  if (!c) return { ok: false, reason: "no_code" }
  if (new Date(c.expires_at) <= input.now) return { ok: false, reason: "expired" }
  if (Number(c.attempts) >= OTP_MAX_ATTEMPTS) return { ok: false, reason: "too_many_attempts" }
  const given = Buffer.from(hashOtp(c.id, input.code), "hex")
  if (!timingSafeEqual(given, Buffer.from(c.code_hash, "hex"))) {
    const attempts = Number(c.attempts) + 1
    await sql.execute(`UPDATE member_otp SET attempts = ?, consumed_at = ?, updated_at = now() WHERE id = ?`, [
      attempts,
      attempts >= OTP_MAX_ATTEMPTS ? input.now : null,
      c.id,
    ])
    return { ok: false, reason: attempts >= OTP_MAX_ATTEMPTS ? "too_many_attempts" : "wrong_code" }
  }
  await sql.execute(`UPDATE member_otp SET consumed_at = ?, updated_at = now() WHERE id = ?`, [input.now, c.id])
  return { ok: true }
}

export type BindResult = { outcome: "bound" | "already_bound"; member_id: string } | { outcome: "taken"; member_id: string; other_member_id: string }

/**
 * Binds a proven identity to a member. Already the member's: nothing to do. Another member's:
 * "taken" (the caller merges for a phone, refuses with 409 for the rest).
 */
export async function bindIdentity(
  sql: Sql,
  memberId: string,
  i: { kind: string; value: string; app_id?: string; verified_by: string }
): Promise<BindResult> {
  const [m] = await sql.execute(`SELECT id, status FROM member WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [memberId])
  if (!m) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Member ${memberId} was not found`)
  if (m.status !== "active") throw conflict(`Member ${memberId} is ${m.status}`, "member_not_active")
  await sql.execute(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`identity:${i.kind}:${i.app_id ?? ""}:${i.value}`])
  const [owner] = await sql.execute(`SELECT member_id FROM member_identity WHERE kind = ? AND app_id = ? AND value = ? AND deleted_at IS NULL`, [
    i.kind,
    i.app_id ?? "",
    i.value,
  ])
  if (owner?.member_id === memberId) {
    await sql.execute(`UPDATE member_identity SET verified_at = now(), verified_by = ?, updated_at = now() WHERE kind = ? AND app_id = ? AND value = ? AND deleted_at IS NULL`, [
      i.verified_by,
      i.kind,
      i.app_id ?? "",
      i.value,
    ])
    return { outcome: "already_bound", member_id: memberId }
  }
  if (owner) return { outcome: "taken", member_id: memberId, other_member_id: owner.member_id }
  await sql.execute(
    `INSERT INTO member_identity (id, member_id, kind, app_id, value, verified_at, verified_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, now(), ?, now(), now())`,
    [generateEntityId(undefined, "mid"), memberId, i.kind, i.app_id ?? "", i.value, i.verified_by]
  )
  return { outcome: "bound", member_id: memberId }
}

export type MergeResult = {
  merge_id: string
  survivor: Record<string, any>
  absorbed: Record<string, any>
  moved: Record<string, number>
  tier_changed: { from_tier_id: string | null; to_tier_id: string } | null
}

const countOf = (rows: any[]) => rows.length

/**
 * Two members found to be one person: the older (joined first) absorbs the other, in the
 * caller's one transaction. Identities, ledger entries (lots keep their expiry and remaining),
 * holds, coupons, tier history and consents change member; the balances add up; the survivor
 * keeps the higher tier; the absorbed member is left "merged" with merged_into_id, and a
 * member_merge row says what moved. Orders are Medusa's and move afterwards (the workflow).
 */
export async function mergeMembers(sql: Sql, a: string, b: string, input: { reason: string; actor: string | null }): Promise<MergeResult> {
  if (a === b) throw new MedusaError(MedusaError.Types.INVALID_DATA, "A member cannot be merged into itself")
  // Both rows locked in id order: two merges or a merge and a posting never deadlock.
  const locked = await sql.execute(`SELECT * FROM member WHERE id IN (?, ?) AND deleted_at IS NULL ORDER BY id FOR UPDATE`, [a, b])
  if (locked.length !== 2) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Members ${a} and ${b} were not both found`)
  for (const m of locked) if (m.status !== "active") throw conflict(`Member ${m.id} is ${m.status}`, "member_not_active")
  const [survivor, absorbed] = [...locked].sort((x, y) => new Date(x.joined_at).getTime() - new Date(y.joined_at).getTime() || (x.id < y.id ? -1 : 1))
  const S = survivor.id as string
  const A = absorbed.id as string
  const mergeId = generateEntityId(undefined, "mmrg")

  const moved: Record<string, number> = {}
  const move = async (table: string) => countOf(await sql.execute(`UPDATE ${table} SET member_id = ?, updated_at = now() WHERE member_id = ? RETURNING id`, [S, A]))
  moved.identities = countOf(await sql.execute(`UPDATE member_identity SET member_id = ?, updated_at = now() WHERE member_id = ? AND deleted_at IS NULL RETURNING id`, [S, A]))
  moved.entries = await move("points_entry")
  moved.holds = await move("points_hold")
  moved.tier_changes = await move("member_tier_change")
  moved.consents = await move("member_consent")
  // A coupon both members got from the same source (e.g. this year's birthday) stays usable:
  // the absorbed one's source_id is suffixed so the wallet's uniqueness holds.
  await sql.execute(
    `UPDATE member_coupon c SET source_id = c.source_id || ':merged:' || c.member_id
      WHERE c.member_id = ? AND c.source_id IS NOT NULL AND c.deleted_at IS NULL
        AND EXISTS (SELECT 1 FROM member_coupon s WHERE s.member_id = ? AND s.source = c.source AND s.source_id = c.source_id AND s.deleted_at IS NULL)`,
    [A, S]
  )
  moved.coupons = await move("member_coupon")

  const available = Number(survivor.points_available) + Number(absorbed.points_available)
  const pending = Number(survivor.points_pending) + Number(absorbed.points_pending)
  const held = Number(survivor.points_held) + Number(absorbed.points_held)
  moved.points_available = Number(absorbed.points_available)
  moved.points_pending = Number(absorbed.points_pending)
  moved.points_held = Number(absorbed.points_held)
  // One member's debt (a negative balance) is paid from the other's lots, so the lots still add
  // up to the positive balance (what the reconcile checks).
  const [{ lots }] = await sql.execute(
    `SELECT coalesce(sum(remaining), 0)::bigint AS lots FROM points_entry WHERE member_id = ? AND status = 'available' AND remaining > 0 AND deleted_at IS NULL`,
    [S]
  )
  const settle = Number(lots) - Math.max(0, available)
  moved.debt_settled = settle > 0 ? settle - (await debitLots(sql, S, mergeId, settle)) : 0

  const tiers = await sql.execute(`SELECT id, rank FROM member_tier WHERE id IN (?, ?)`, [survivor.tier_id ?? "", absorbed.tier_id ?? ""])
  const rank = (id: string | null) => (id ? Number(tiers.find((t: any) => t.id === id)?.rank ?? -1) : -1)
  const higher = rank(absorbed.tier_id) > rank(survivor.tier_id) ? absorbed.tier_id : survivor.tier_id
  let tierChanged: MergeResult["tier_changed"] = null
  if (higher && higher !== survivor.tier_id) {
    await sql.execute(
      `INSERT INTO member_tier_change (id, member_id, from_tier_id, to_tier_id, reason, actor, created_at, updated_at) VALUES (?, ?, ?, ?, 'merge', ?, now(), now())`,
      [generateEntityId(undefined, "mtch"), S, survivor.tier_id, higher, input.actor]
    )
    tierChanged = { from_tier_id: survivor.tier_id, to_tier_id: higher }
  }
  const [s] = await sql.execute(
    `UPDATE member SET points_available = ?, points_pending = ?, points_held = ?, tier_id = ?, tier_since = CASE WHEN ? THEN now() ELSE tier_since END,
            birthday = coalesce(birthday, ?), updated_at = now() WHERE id = ? RETURNING *`,
    [available, pending, held, higher, !!tierChanged, absorbed.birthday, S]
  )
  const [x] = await sql.execute(
    `UPDATE member SET status = 'merged', merged_into_id = ?, points_available = 0, points_pending = 0, points_held = 0, updated_at = now() WHERE id = ? RETURNING *`,
    [S, A]
  )
  await sql.execute(
    `INSERT INTO member_merge (id, survivor_id, absorbed_id, absorbed_customer_id, moved, reason, actor, created_at, updated_at) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, now(), now())`,
    [mergeId, S, A, absorbed.customer_id, JSON.stringify(moved), input.reason, input.actor]
  )
  return { merge_id: mergeId, survivor: s, absorbed: x, moved, tier_changed: tierChanged }
}

/** What the workflow adds once Medusa has moved the absorbed customer's orders. */
export async function recordMergedOrders(sql: Sql, mergeId: string, orders: { moved: string[]; failed: { id: string; error: string }[] }) {
  await sql.execute(
    `UPDATE member_merge SET moved = moved || ?::jsonb, updated_at = now() WHERE id = ?`,
    [JSON.stringify({ orders: orders.moved.length, order_ids: orders.moved, orders_failed: orders.failed }), mergeId]
  )
}

/** Everything held about a member (PIPL export): the member, identities, consents, tier history, ledger, holds, coupons, merges. */
export async function exportMember(sql: Sql, memberId: string): Promise<Record<string, any>> {
  const [member] = await sql.execute(`SELECT * FROM member WHERE id = ? AND deleted_at IS NULL`, [memberId])
  if (!member) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Member ${memberId} was not found`)
  const q = (s: string) => sql.execute(s, [memberId])
  return {
    member,
    identities: await q(`SELECT id, kind, app_id, value, verified_at, verified_by, created_at FROM member_identity WHERE member_id = ? AND deleted_at IS NULL ORDER BY created_at`),
    consents: await q(`SELECT id, kind, version, granted, channel, created_at FROM member_consent WHERE member_id = ? AND deleted_at IS NULL ORDER BY created_at`),
    tier_history: await q(
      `SELECT id, from_tier_id, to_tier_id, reason, spend_12m, points_12m, actor, created_at FROM member_tier_change WHERE member_id = ? AND deleted_at IS NULL ORDER BY created_at`
    ),
    ledger: await q(
      `SELECT id, kind, status, points, remaining, amount, source_type, source_id, order_id, sales_channel_id, shop_id, reason, available_at, expires_at, created_at
         FROM points_entry WHERE member_id = ? AND deleted_at IS NULL ORDER BY created_at, id`
    ),
    holds: await q(`SELECT id, cart_id, points, amount, currency_code, status, order_id, expires_at, created_at FROM points_hold WHERE member_id = ? AND deleted_at IS NULL ORDER BY created_at`),
    coupons: await q(`SELECT id, promotion_id, code, status, source, expires_at, redeemed_at, order_id, created_at FROM member_coupon WHERE member_id = ? AND deleted_at IS NULL ORDER BY created_at`),
    merges: await sql.execute(`SELECT id, survivor_id, absorbed_id, moved, reason, created_at FROM member_merge WHERE survivor_id = ? OR absorbed_id = ? ORDER BY created_at`, [
      memberId,
      memberId,
    ]),
  }
}

/**
 * PIPL erasure: identities deleted, personal fields cleared, open holds released, the member
 * "erased". The ledger stays (member_id, points, orders) — bookkeeping with nothing personal
 * in it — so the liability and the reconcile still add up. One-time codes for the member's
 * phones and customer go too.
 */
export async function eraseMember(sql: Sql, memberId: string, now: Date): Promise<{ member: Record<string, any>; identities: number }> {
  const [m] = await sql.execute(`SELECT * FROM member WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [memberId])
  if (!m) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Member ${memberId} was not found`)
  if (m.status !== "active") throw conflict(`Member ${memberId} is ${m.status}`, "member_not_active")
  const phones = await sql.execute(`SELECT value FROM member_identity WHERE member_id = ? AND kind = 'phone'`, [memberId])
  await sql.execute(`DELETE FROM member_otp WHERE customer_id = ? OR phone IN (SELECT jsonb_array_elements_text(?::jsonb))`, [
    m.customer_id,
    JSON.stringify(phones.map((p: any) => p.value)),
  ])
  const gone = await sql.execute(`DELETE FROM member_identity WHERE member_id = ? RETURNING id`, [memberId])
  // Points on open carts go back; the ledger itself is not personal and stays.
  const [{ held }] = await sql.execute(
    `WITH r AS (UPDATE points_hold SET status = 'released', released_reason = 'erased', updated_at = now() WHERE member_id = ? AND status = 'held' RETURNING points)
     SELECT coalesce(sum(points), 0)::int AS held FROM r`,
    [memberId]
  )
  await sql.execute(`UPDATE points_entry SET actor = CASE WHEN actor LIKE 'customer:%' THEN 'customer:erased' ELSE actor END WHERE member_id = ?`, [memberId])
  const [member] = await sql.execute(
    `UPDATE member SET status = 'erased', erased_at = ?, birthday = NULL, joined_shop_id = NULL, metadata = NULL, points_held = points_held - ?, updated_at = now()
      WHERE id = ? RETURNING *`,
    [now, held, memberId]
  )
  return { member, identities: gone.length }
}

export async function recordConsent(sql: Sql, memberId: string, c: { kind: string; version: string; granted: boolean; channel: string | null }) {
  const [row] = await sql.execute(
    `INSERT INTO member_consent (id, member_id, kind, version, granted, channel, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, now(), now()) RETURNING *`,
    [generateEntityId(undefined, "mcst"), memberId, c.kind, c.version, c.granted, c.channel]
  )
  return row
}

/** Binds several identities at once, or none: one that is another member's is a 409 (identity_taken) and the transaction rolls back. */
export async function bindIdentities(sql: Sql, memberId: string, list: { kind: string; value: string; app_id?: string; verified_by: string }[]): Promise<BindResult[]> {
  const out: BindResult[] = []
  for (const i of list) {
    const r = await bindIdentity(sql, memberId, i)
    if (r.outcome === "taken") throw conflict(`This ${i.kind} is already bound to another member`, "identity_taken")
    out.push(r)
  }
  return out
}
