import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { expiresAt, type ExpiryPolicy } from "../../lib/membership"
import { bindIdentities, bindIdentity, checkOtp, eraseMember, exportMember, issueOtp, mergeMembers, recordConsent, recordMergedOrders, type BindResult, type MergeResult, type OtpCheck, type OtpIssue } from "./identities"
import { memberViewRow, pointsPageRows, type MemberViewRow } from "./member-read"
import { conflict, debitLots, rawNumber, findEntry, insertEntry, lockMember, lotRemainingAfterDebt, setBalances, type MemberRow, type NewEntry, type Sql } from "./ledger"
import CouponGrant from "./models/coupon-grant"
import EarnRule from "./models/earn-rule"
import Member from "./models/member"
import MemberConsent from "./models/member-consent"
import MemberIdentity, { type IdentityKind } from "./models/member-identity"
import MemberMerge from "./models/member-merge"
import MemberTier from "./models/member-tier"
import OtpChallenge from "./models/otp-challenge"
import PointsEntry from "./models/points-entry"
import PointsHold from "./models/points-hold"
import PointsTake from "./models/points-take"
import MemberProgram from "./models/program"
import TierChange from "./models/tier-change"

export type ProgramSettings = {
  downgrade_policy: "one_step" | "recompute"
  grace_days: number
  return_window_days: Record<string, number>
  expiry: ExpiryPolicy
  redeem_points_per_yuan: number
  redeem_block: number
  redeem_max_share: number
  consent_version: string
}

export const DEFAULT_PROGRAM: ProgramSettings = {
  downgrade_policy: "one_step",
  grace_days: 0,
  return_window_days: { default: 7 },
  expiry: { kind: "end_of_year_after_next" },
  redeem_points_per_yuan: 100,
  redeem_block: 100,
  redeem_max_share: 0.5,
  consent_version: "1",
}

type Posted = { entry: Record<string, any>; created: boolean; member: MemberRow | null }

const DAY = 86_400_000

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === "23505" || /duplicate key/i.test(String((e as Error)?.message))

class MembershipModuleService extends MedusaService({
  Member,
  MemberIdentity,
  MemberTier,
  TierChange,
  PointsEntry,
  PointsTake,
  PointsHold,
  EarnRule,
  CouponGrant,
  MemberProgram,
  OtpChallenge,
  MemberMerge,
  MemberConsent,
}) {
  /** The programme's settings; the defaults until a merchant saves their own. */
  @InjectManager()
  async programSettings(@MedusaContext() sharedContext: Context = {}): Promise<ProgramSettings> {
    const sql = sharedContext.manager as unknown as Sql
    const [row] = await sql.execute(`SELECT * FROM member_program WHERE id = 'default' AND deleted_at IS NULL`)
    if (!row) return DEFAULT_PROGRAM
    return {
      downgrade_policy: row.downgrade_policy,
      grace_days: Number(row.grace_days),
      return_window_days: row.return_window_days ?? DEFAULT_PROGRAM.return_window_days,
      expiry: row.expiry ?? DEFAULT_PROGRAM.expiry,
      redeem_points_per_yuan: Number(row.redeem_points_per_yuan),
      redeem_block: Number(row.redeem_block),
      redeem_max_share: Number(row.redeem_max_share),
      consent_version: row.consent_version,
    }
  }

  /** The member an identity belongs to (phone in E.164; app_id "" for global ids), or null. */
  @InjectManager()
  async memberByIdentity(kind: IdentityKind, value: string, appId = "", @MedusaContext() sharedContext: Context = {}): Promise<Record<string, any> | null> {
    const sql = sharedContext.manager as unknown as Sql
    const [m] = await sql.execute(
      `SELECT m.* FROM member_identity i JOIN member m ON m.id = i.member_id AND m.deleted_at IS NULL
        WHERE i.kind = ? AND i.app_id = ? AND i.value = ? AND i.deleted_at IS NULL`,
      [kind, appId, value]
    )
    return m ?? null
  }

  /**
   * A new member with its identities and consent, in one transaction, on the ladder's lowest
   * rung. An identity that already belongs to someone is a 409 naming it (binding a phone of
   * another member is a merge, not an enrolment).
   */
  @InjectTransactionManager()
  async enrol(
    input: {
      customer_id: string
      joined_via: string
      joined_shop_id?: string | null
      birthday?: string | null
      identities: { kind: IdentityKind; value: string; app_id?: string; verified_by: string }[]
      consent?: { version: string; channel?: string | null } | null
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, any>> {
    const sql = sharedContext.transactionManager as unknown as Sql
    const [existing] = await sql.execute(`SELECT id FROM member WHERE customer_id = ? AND deleted_at IS NULL`, [input.customer_id])
    if (existing) throw conflict(`Customer ${input.customer_id} is already member ${existing.id}`, "already_member")
    for (const i of input.identities) {
      const [taken] = await sql.execute(`SELECT member_id FROM member_identity WHERE kind = ? AND app_id = ? AND value = ? AND deleted_at IS NULL`, [
        i.kind,
        i.app_id ?? "",
        i.value,
      ])
      if (taken) throw conflict(`${i.kind} is already bound to another member`, "identity_taken")
    }
    const [lowest] = await sql.execute(`SELECT id FROM member_tier WHERE deleted_at IS NULL ORDER BY rank LIMIT 1`)
    // Two enrolments racing past the checks above meet at the unique indexes: the loser gets the same 409.
    return this.insertEnrolment(sql, input, lowest?.id ?? null).catch((e) => {
      if (isUniqueViolation(e)) throw conflict("This customer or one of these identities was just enrolled by another request", "identity_taken")
      throw e
    })
  }

  private async insertEnrolment(sql: Sql, input: Parameters<MembershipModuleService["enrol"]>[0], lowestTierId: string | null): Promise<Record<string, any>> {
    const lowest = lowestTierId ? { id: lowestTierId } : null
    const [member] = await sql.execute(
      `INSERT INTO member (id, customer_id, status, tier_id, tier_since, joined_at, joined_via, joined_shop_id, birthday, created_at, updated_at)
       VALUES (?, ?, 'active', ?, now(), now(), ?, ?, ?, now(), now()) RETURNING *`,
      [generateEntityId(undefined, "mem"), input.customer_id, lowest?.id ?? null, input.joined_via, input.joined_shop_id ?? null, input.birthday ?? null]
    )
    for (const i of input.identities) {
      await sql.execute(
        `INSERT INTO member_identity (id, member_id, kind, app_id, value, verified_at, verified_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, now(), ?, now(), now())`,
        [generateEntityId(undefined, "mid"), member.id, i.kind, i.app_id ?? "", i.value, i.verified_by]
      )
    }
    if (input.consent) {
      await sql.execute(
        `INSERT INTO member_consent (id, member_id, kind, version, granted, channel, created_at, updated_at) VALUES (?, ?, 'privacy', ?, true, ?, now(), now())`,
        [generateEntityId(undefined, "mcst"), member.id, input.consent.version, input.consent.channel ?? null]
      )
    }
    if (lowest) {
      await sql.execute(
        `INSERT INTO member_tier_change (id, member_id, from_tier_id, to_tier_id, reason, actor, created_at, updated_at) VALUES (?, ?, NULL, ?, 'join', ?, now(), now())`,
        [generateEntityId(undefined, "mtch"), member.id, lowest.id, input.joined_via]
      )
    }
    return member
  }

  /** Undoes an enrolment that a later step of its workflow could not finish. */
  @InjectTransactionManager()
  async removeEnrolment(memberId: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const sql = sharedContext.transactionManager as unknown as Sql
    for (const table of ["member_identity", "member_consent", "member_tier_change"]) await sql.execute(`DELETE FROM ${table} WHERE member_id = ?`, [memberId])
    await sql.execute(`DELETE FROM member WHERE id = ? AND NOT EXISTS (SELECT 1 FROM points_entry WHERE member_id = ?)`, [memberId, memberId])
  }

  /**
   * A page of members, newest first: by tier, and by a search that matches a member id, any
   * identity value (`values`, e.g. the phone in E.164 and as typed) or one of `customer_ids`
   * (the customers whose email or name matched, found by the caller in the customer module).
   */
  @InjectManager()
  async searchMembers(
    f: { values?: string[]; member_id?: string; customer_ids?: string[]; tier_id?: string; limit: number; offset: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ members: Record<string, any>[]; count: number }> {
    const sql = sharedContext.manager as unknown as Sql
    const where = ["m.deleted_at IS NULL", "m.status <> 'merged'"]
    const params: unknown[] = []
    if (f.tier_id) where.push("m.tier_id = ?") && params.push(f.tier_id)
    if (f.values || f.member_id || f.customer_ids) {
      where.push(`(m.id = ? OR m.customer_id = ANY(ARRAY(SELECT jsonb_array_elements_text(?::jsonb)))
        OR EXISTS (SELECT 1 FROM member_identity i WHERE i.member_id = m.id AND i.deleted_at IS NULL
                   AND i.value = ANY(ARRAY(SELECT jsonb_array_elements_text(?::jsonb)))))`)
      params.push(f.member_id ?? "", JSON.stringify(f.customer_ids ?? []), JSON.stringify(f.values ?? []))
    }
    const [{ count }] = await sql.execute(`SELECT count(*)::int AS count FROM member m WHERE ${where.join(" AND ")}`, params)
    const members = await sql.execute(
      `SELECT m.id, m.customer_id, m.status, m.tier_id, m.joined_at, m.joined_via, m.points_available, m.points_pending, m.points_held,
              (SELECT i.value FROM member_identity i WHERE i.member_id = m.id AND i.kind = 'phone' AND i.deleted_at IS NULL LIMIT 1) AS phone
         FROM member m WHERE ${where.join(" AND ")} ORDER BY m.joined_at DESC, m.id DESC LIMIT ? OFFSET ?`,
      [...params, f.limit, f.offset]
    )
    return { members, count }
  }

  /** What the programme owes: spendable and pending points over all active members, and how many hold any. */
  @InjectManager()
  async pointsLiability(@MedusaContext() sharedContext: Context = {}): Promise<{ available: number; pending: number; held: number; members: number }> {
    const sql = sharedContext.manager as unknown as Sql
    const [r] = await sql.execute(
      `SELECT coalesce(sum(greatest(points_available, 0)), 0)::bigint AS available, coalesce(sum(points_pending), 0)::bigint AS pending,
              coalesce(sum(points_held), 0)::bigint AS held, count(*) FILTER (WHERE points_available > 0 OR points_pending > 0)::int AS members
         FROM member WHERE deleted_at IS NULL AND status = 'active'`
    )
    return { available: Number(r.available), pending: Number(r.pending), held: Number(r.held), members: Number(r.members) }
  }

  /**
   * Earn: a lot, pending until the return window closes (then `matureDue` makes it spendable).
   * A replay of the same source posts nothing and returns the first entry.
   */
  @InjectTransactionManager()
  async postEarn(memberId: string, e: Omit<NewEntry, "kind">, @MedusaContext() sharedContext: Context = {}): Promise<Posted> {
    const sql = sharedContext.transactionManager as unknown as Sql
    const m = await lockMember(sql, memberId)
    const existing = await findEntry(sql, e.source_type, e.source_id, "earn")
    if (existing) return { entry: existing, created: false, member: m }
    if (!(e.points > 0)) throw new MedusaError(MedusaError.Types.INVALID_DATA, "points: an earn must be above 0")
    const pending = (e.status ?? "pending") === "pending"
    const remaining = pending ? e.points : lotRemainingAfterDebt(e.points, m.points_available)
    const entry = await insertEntry(sql, memberId, { ...e, kind: "earn", status: pending ? "pending" : "available" }, remaining)
    const member = await setBalances(sql, m, pending ? { pending: e.points } : { available: e.points })
    return { entry, created: true, member }
  }

  /** The fulfilment starts the return window: pending earns of the order become due at `availableAt`. */
  @InjectTransactionManager()
  async scheduleAvailability(orderId: string, availableAt: Date, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const sql = sharedContext.transactionManager as unknown as Sql
    const rows = await sql.execute(
      `UPDATE points_entry SET available_at = ?, updated_at = now()
        WHERE order_id = ? AND status = 'pending' AND available_at IS NULL AND deleted_at IS NULL RETURNING id`,
      [availableAt, orderId]
    )
    return rows.length
  }

  /**
   * Pending lots whose return window has closed become spendable, together with any reversal
   * posted against them meanwhile. Returns the members touched and the points each got.
   */
  @InjectTransactionManager()
  async matureDue(now: Date, limit = 500, @MedusaContext() sharedContext: Context = {}): Promise<{ member_id: string; points: number; lot_ids: string[] }[]> {
    const sql = sharedContext.transactionManager as unknown as Sql
    const due = await sql.execute(
      `SELECT id, member_id FROM points_entry
        WHERE status = 'pending' AND kind = 'earn' AND available_at <= ? AND deleted_at IS NULL
        ORDER BY available_at, id LIMIT ?`,
      [now, limit]
    )
    const byMember = new Map<string, string[]>()
    for (const d of due) byMember.set(d.member_id, [...(byMember.get(d.member_id) ?? []), d.id])
    const out: { member_id: string; points: number; lot_ids: string[] }[] = []
    for (const [memberId, lotIds] of [...byMember].sort(([a], [b]) => (a < b ? -1 : 1))) {
      let m = await lockMember(sql, memberId).catch(() => null)
      if (!m) continue
      let total = 0
      for (const lotId of lotIds) {
        const [lot] = await sql.execute(`SELECT * FROM points_entry WHERE id = ? AND status = 'pending' FOR UPDATE`, [lotId])
        if (!lot) continue
        const flipped = await sql.execute(
          `UPDATE points_entry SET status = 'available', updated_at = now()
            WHERE (id = ? OR (related_entry_id = ? AND kind = 'reverse')) AND status = 'pending' AND deleted_at IS NULL RETURNING points`,
          [lotId, lotId]
        )
        const net = flipped.reduce((s: number, r: any) => s + Number(r.points), 0)
        const remaining = lotRemainingAfterDebt(Number(lot.remaining), m.points_available)
        await sql.execute(`UPDATE points_entry SET remaining = ? WHERE id = ?`, [remaining, lotId])
        m = await setBalances(sql, m, { pending: -net, available: net })
        total += net
      }
      out.push({ member_id: memberId, points: total, lot_ids: lotIds })
    }
    return out
  }

  /**
   * Takes back points earned on what came back. While the lot is pending the reversal is
   * pending too and the two mature together; once spendable it comes out of the lot first,
   * then the member's other lots, and may leave the balance negative (the member sees it).
   */
  @InjectTransactionManager()
  async postReversal(
    memberId: string,
    lotId: string,
    e: Omit<NewEntry, "kind" | "related_entry_id">,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Posted> {
    const sql = sharedContext.transactionManager as unknown as Sql
    const m = await lockMember(sql, memberId)
    const existing = await findEntry(sql, e.source_type, e.source_id, "reverse")
    if (existing) return { entry: existing, created: false, member: m }
    const [lot] = await sql.execute(`SELECT * FROM points_entry WHERE id = ? AND member_id = ? FOR UPDATE`, [lotId, memberId])
    if (!lot) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Points lot ${lotId} was not found for member ${memberId}`)
    const points = Math.abs(e.points)
    const entry = await insertEntry(sql, memberId, { ...e, kind: "reverse", points: -points, amount: -Math.abs(e.amount ?? 0), related_entry_id: lotId, status: lot.status })
    if (lot.status === "pending") {
      await sql.execute(`UPDATE points_entry SET remaining = greatest(0, remaining - ?) WHERE id = ?`, [points, lotId])
      return { entry, created: true, member: await setBalances(sql, m, { pending: -points }) }
    }
    await debitLots(sql, memberId, entry.id, points, lotId)
    return { entry, created: true, member: await setBalances(sql, m, { available: -points }) }
  }

  /** A manual correction by an admin (reason required); a debit never takes the balance below zero. */
  @InjectTransactionManager()
  async postAdjustment(
    memberId: string,
    input: { points: number; reason: string; actor: string; source_id?: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Posted> {
    const sql = sharedContext.transactionManager as unknown as Sql
    const m = await lockMember(sql, memberId)
    const sourceId = input.source_id ?? generateEntityId(undefined, "adj")
    const existing = await findEntry(sql, "admin", sourceId, "adjust")
    if (existing) return { entry: existing, created: false, member: m }
    const base = { kind: "adjust" as const, points: input.points, source_type: "admin", source_id: sourceId, actor: input.actor, reason: input.reason }
    if (input.points > 0) {
      const policy = await this.programSettings(sharedContext)
      const entry = await insertEntry(sql, memberId, { ...base, expires_at: expiresAt(new Date(), policy.expiry) }, lotRemainingAfterDebt(input.points, m.points_available))
      return { entry, created: true, member: await setBalances(sql, m, { available: input.points }) }
    }
    const spendable = m.points_available - m.points_held
    if (-input.points > spendable) {
      throw conflict(`points: cannot take ${-input.points}, the member has ${Math.max(0, spendable)} spendable`, "insufficient_points")
    }
    const entry = await insertEntry(sql, memberId, base)
    await debitLots(sql, memberId, entry.id, -input.points)
    return { entry, created: true, member: await setBalances(sql, m, { available: input.points }) }
  }

  /** Points applied to a cart: held against what the member can spend; one hold per cart. */
  @InjectTransactionManager()
  async holdPoints(
    memberId: string,
    input: { cart_id: string; points: number; amount: number; currency_code: string; code: string; expires_at: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, any>> {
    const sql = sharedContext.transactionManager as unknown as Sql
    const m = await lockMember(sql, memberId)
    const [open] = await sql.execute(`SELECT id FROM points_hold WHERE cart_id = ? AND status = 'held' AND deleted_at IS NULL`, [input.cart_id])
    if (open) throw conflict(`Cart ${input.cart_id} already has points applied; remove them first`, "points_already_applied")
    if (input.points > m.points_available - m.points_held) {
      throw conflict(`points: ${input.points} asked, ${Math.max(0, m.points_available - m.points_held)} spendable`, "insufficient_points")
    }
    const [hold] = await sql.execute(
      `INSERT INTO points_hold (id, member_id, cart_id, points, amount, raw_amount, currency_code, code, status, expires_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, 'held', ?, now(), now()) RETURNING *`,
      [generateEntityId(undefined, "phld"), memberId, input.cart_id, input.points, input.amount, rawNumber(input.amount), input.currency_code, input.code, input.expires_at]
    )
    await setBalances(sql, m, { held: input.points })
    return hold
  }

  @InjectTransactionManager()
  async setHoldPromotion(holdId: string, promotionId: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const sql = sharedContext.transactionManager as unknown as Sql
    await sql.execute(`UPDATE points_hold SET promotion_id = ?, updated_at = now() WHERE id = ?`, [promotionId, holdId])
  }

  /** Gives held points back (cart abandoned, points removed, checkout failed). Returns the hold, or null if none was held. */
  @InjectTransactionManager()
  async releaseHold(holdId: string, reason: string, @MedusaContext() sharedContext: Context = {}): Promise<Record<string, any> | null> {
    const sql = sharedContext.transactionManager as unknown as Sql
    const [h] = await sql.execute(`SELECT * FROM points_hold WHERE id = ? AND deleted_at IS NULL`, [holdId])
    if (!h || h.status !== "held") return null
    const m = await lockMember(sql, h.member_id)
    const [released] = await sql.execute(
      `UPDATE points_hold SET status = 'released', released_reason = ?, updated_at = now() WHERE id = ? AND status = 'held' RETURNING *`,
      [reason, holdId]
    )
    if (!released) return null
    await setBalances(sql, m, { held: -Number(h.points) })
    return released
  }

  /**
   * The order was placed with the cart's points discount: the points are spent (a redeem entry,
   * lots first to expire first). A hold released meanwhile (the cart sat past its expiry while
   * the checkout ran) is spent all the same — the discount was given — even if that leaves the
   * balance negative.
   */
  @InjectTransactionManager()
  async consumeHold(cartId: string, orderId: string, @MedusaContext() sharedContext: Context = {}): Promise<Posted | null> {
    const sql = sharedContext.transactionManager as unknown as Sql
    const done = await findEntry(sql, "order", orderId, "redeem")
    if (done) return { entry: done, created: false, member: null }
    const [h] = await sql.execute(
      `SELECT * FROM points_hold WHERE cart_id = ? AND status IN ('held', 'released') AND deleted_at IS NULL ORDER BY created_at DESC LIMIT 1`,
      [cartId]
    )
    if (!h) return null
    const m = await lockMember(sql, h.member_id)
    const [current] = await sql.execute(`SELECT status FROM points_hold WHERE id = ? FOR UPDATE`, [h.id])
    const wasHeld = current.status === "held"
    const points = Number(h.points)
    const entry = await insertEntry(sql, m.id, {
      kind: "redeem",
      points: -points,
      source_type: "order",
      source_id: orderId,
      order_id: orderId,
      actor: `customer:${m.customer_id}`,
      reason: `${points} points for ¥${Number(h.amount).toFixed(2)} off`,
    })
    await debitLots(sql, m.id, entry.id, points)
    await sql.execute(`UPDATE points_hold SET status = 'consumed', order_id = ?, updated_at = now() WHERE id = ?`, [orderId, h.id])
    return { entry, created: true, member: await setBalances(sql, m, { held: wasHeld ? -points : 0, available: -points }) }
  }

  /**
   * Points spent on an order that came back: credited back as a new lot, keeping the latest
   * expiry of the lots they were taken from (or the programme's expiry from now if that passed).
   */
  @InjectTransactionManager()
  async creditRedemption(
    redeemEntryId: string,
    input: { source_id: string; points: number; actor?: string; reason?: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Posted> {
    const sql = sharedContext.transactionManager as unknown as Sql
    const [redeem] = await sql.execute(`SELECT * FROM points_entry WHERE id = ? AND kind = 'redeem'`, [redeemEntryId])
    if (!redeem) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Redemption ${redeemEntryId} was not found`)
    const m = await lockMember(sql, redeem.member_id)
    const existing = await findEntry(sql, "return_redemption", input.source_id, "reverse")
    if (existing) return { entry: existing, created: false, member: m }
    const [{ latest, forever }] = await sql.execute(
      `SELECT max(l.expires_at) AS latest, bool_or(l.expires_at IS NULL) AS forever
         FROM points_take t JOIN points_entry l ON l.id = t.lot_id WHERE t.entry_id = ?`,
      [redeemEntryId]
    )
    const policy = await this.programSettings(sharedContext)
    const expiry = forever ? null : latest && new Date(latest) > new Date() ? new Date(latest) : expiresAt(new Date(), policy.expiry)
    const entry = await insertEntry(
      sql,
      m.id,
      {
        kind: "reverse",
        points: input.points,
        source_type: "return_redemption",
        source_id: input.source_id,
        related_entry_id: redeemEntryId,
        order_id: redeem.order_id,
        actor: input.actor ?? "system",
        reason: input.reason ?? "points spent on returned items, credited back",
        expires_at: expiry,
      },
      lotRemainingAfterDebt(input.points, m.points_available)
    )
    return { entry, created: true, member: await setBalances(sql, m, { available: input.points }) }
  }

  /** Lots past their expiry lose what is left of them (an expire entry each). */
  @InjectTransactionManager()
  async expireDue(now: Date, limit = 1000, @MedusaContext() sharedContext: Context = {}): Promise<{ member_id: string; points: number }[]> {
    const sql = sharedContext.transactionManager as unknown as Sql
    const lots = await sql.execute(
      `SELECT id, member_id FROM points_entry
        WHERE remaining > 0 AND status = 'available' AND expires_at <= ? AND deleted_at IS NULL
        ORDER BY member_id, expires_at LIMIT ?`,
      [now, limit]
    )
    const out = new Map<string, number>()
    for (const { id, member_id } of lots) {
      const m = await lockMember(sql, member_id).catch(() => null)
      if (!m) continue
      const [lot] = await sql.execute(`SELECT remaining, expires_at FROM points_entry WHERE id = ? FOR UPDATE`, [id])
      const n = Number(lot.remaining)
      if (n <= 0) continue
      await insertEntry(sql, member_id, {
        kind: "expire",
        points: -n,
        source_type: "lot",
        source_id: id,
        related_entry_id: id,
        actor: "system",
        reason: `expired ${new Date(lot.expires_at).toISOString().slice(0, 10)}`,
      })
      await sql.execute(`UPDATE points_entry SET remaining = 0, updated_at = now() WHERE id = ?`, [id])
      await setBalances(sql, m, { available: -n })
      out.set(member_id, (out.get(member_id) ?? 0) + n)
    }
    return [...out].map(([member_id, points]) => ({ member_id, points }))
  }

  /** What qualifies for a tier: spend and points earned in the 12 months before `now`, net of returns. */
  @InjectManager()
  async activity12m(memberId: string, now: Date = new Date(), @MedusaContext() sharedContext: Context = {}): Promise<{ spend: number; points: number }> {
    const sql = sharedContext.manager as unknown as Sql
    const [r] = await sql.execute(
      `SELECT coalesce(sum(amount), 0)::float AS spend,
              coalesce(sum(points), 0)::int AS points
         FROM points_entry
        WHERE member_id = ? AND created_at > ? AND created_at <= ? AND deleted_at IS NULL
          AND (kind = 'earn' OR (kind = 'reverse' AND source_type IN ('return', 'order_cancel')))`,
      [memberId, new Date(now.getTime() - 365 * DAY), now]
    )
    return { spend: Math.round(Number(r.spend) * 100) / 100, points: Number(r.points) }
  }

  /** Moves a member to a tier and writes the history row, in one transaction. */
  @InjectTransactionManager()
  async changeTier(
    memberId: string,
    input: { tier_id: string; reason: string; spend_12m?: number; points_12m?: number; actor?: string | null; grace_until?: Date | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ from_tier_id: string | null; to_tier_id: string; changed: boolean }> {
    const sql = sharedContext.transactionManager as unknown as Sql
    const m = await lockMember(sql, memberId)
    if (m.tier_id === input.tier_id) {
      if (input.grace_until !== undefined) await sql.execute(`UPDATE member SET tier_grace_until = ? WHERE id = ?`, [input.grace_until, memberId])
      return { from_tier_id: m.tier_id, to_tier_id: input.tier_id, changed: false }
    }
    await sql.execute(`UPDATE member SET tier_id = ?, tier_since = now(), tier_grace_until = NULL, updated_at = now() WHERE id = ?`, [input.tier_id, memberId])
    await sql.execute(
      `INSERT INTO member_tier_change (id, member_id, from_tier_id, to_tier_id, reason, spend_12m, raw_spend_12m, points_12m, actor, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, now(), now())`,
      [generateEntityId(undefined, "mtch"), memberId, m.tier_id, input.tier_id, input.reason, input.spend_12m ?? null, rawNumber(input.spend_12m), input.points_12m ?? null, input.actor ?? null]
    )
    return { from_tier_id: m.tier_id, to_tier_id: input.tier_id, changed: true }
  }

  /**
   * Members due for the anniversary review on `now`'s date in China time (29 February joiners
   * on 28 February in other years), and those whose grace period has run out.
   */
  @InjectManager()
  async dueForReview(now: Date, afterId = "", limit = 500, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const sql = sharedContext.manager as unknown as Sql
    const rows = await sql.execute(
      `WITH today AS (SELECT (?::timestamptz AT TIME ZONE 'Asia/Shanghai')::date AS d)
       SELECT m.id FROM member m, today
        WHERE m.deleted_at IS NULL AND m.status = 'active' AND m.id > ?
          AND m.joined_at < (today.d - 300)
          AND ((extract(month FROM m.joined_at AT TIME ZONE 'Asia/Shanghai') = extract(month FROM today.d)
                AND (extract(day FROM m.joined_at AT TIME ZONE 'Asia/Shanghai') = extract(day FROM today.d)
                     OR (extract(day FROM m.joined_at AT TIME ZONE 'Asia/Shanghai') = 29 AND extract(month FROM today.d) = 2
                         AND extract(day FROM today.d) = 28 AND extract(day FROM (today.d + 1)) = 1)))
               OR m.tier_grace_until <= ?)
        ORDER BY m.id LIMIT ?`,
      [now, afterId, now, limit]
    )
    return rows.map((r: any) => r.id)
  }

  /**
   * Proves the balances: for every member, available and pending equal the sums of the ledger,
   * held equals the open holds, and the lots' remaining add up to the positive balance. Returns
   * the members that drift (empty when all is well) and how many were checked.
   */
  @InjectManager()
  async reconcile(@MedusaContext() sharedContext: Context = {}): Promise<{ checked: number; entries: number; drift: Record<string, any>[] }> {
    const sql = sharedContext.manager as unknown as Sql
    const drift = await sql.execute(
      `WITH e AS (
         SELECT member_id,
                coalesce(sum(points) FILTER (WHERE status = 'available'), 0)::bigint AS available,
                coalesce(sum(points) FILTER (WHERE status = 'pending'), 0)::bigint AS pending,
                coalesce(sum(remaining) FILTER (WHERE status = 'available'), 0)::bigint AS lots
           FROM points_entry WHERE deleted_at IS NULL GROUP BY member_id),
       h AS (SELECT member_id, sum(points)::bigint AS held FROM points_hold WHERE status = 'held' AND deleted_at IS NULL GROUP BY member_id)
       SELECT m.id AS member_id, m.points_available, m.points_pending, m.points_held,
              coalesce(e.available, 0) AS ledger_available, coalesce(e.pending, 0) AS ledger_pending,
              coalesce(e.lots, 0) AS lots_remaining, coalesce(h.held, 0) AS holds
         FROM member m LEFT JOIN e ON e.member_id = m.id LEFT JOIN h ON h.member_id = m.id
        WHERE m.deleted_at IS NULL AND m.status <> 'merged'
          AND (m.points_available <> coalesce(e.available, 0) OR m.points_pending <> coalesce(e.pending, 0)
               OR m.points_held <> coalesce(h.held, 0) OR greatest(m.points_available, 0) <> coalesce(e.lots, 0))`
    )
    const [{ checked, entries }] = await sql.execute(
      `SELECT (SELECT count(*) FROM member WHERE deleted_at IS NULL)::int AS checked, (SELECT count(*) FROM points_entry WHERE deleted_at IS NULL)::bigint AS entries`
    )
    return { checked, entries: Number(entries), drift }
  }

  // ── Identities, phone binding, merges and PIPL (SQL in identities.ts) ──────────────────────

  /** A one-time code for binding `phone`, or how long to wait (rate limits per phone and per customer). */
  @InjectTransactionManager()
  async issuePhoneCode(input: { phone: string; customer_id: string; code: string; now?: Date }, @MedusaContext() sharedContext: Context = {}): Promise<OtpIssue> {
    const sql = sharedContext.transactionManager as unknown as Sql
    return issueOtp(sql, { ...input, purpose: "bind_phone", now: input.now ?? new Date() })
  }

  /** Checks (and on success consumes) the customer's code for `phone`; a wrong one counts an attempt. */
  @InjectTransactionManager()
  async checkPhoneCode(input: { phone: string; customer_id: string; code: string; now?: Date }, @MedusaContext() sharedContext: Context = {}): Promise<OtpCheck> {
    const sql = sharedContext.transactionManager as unknown as Sql
    return checkOtp(sql, { ...input, purpose: "bind_phone", now: input.now ?? new Date() })
  }

  /** Binds a proven identity to the member; "taken" names the member it already belongs to. */
  @InjectTransactionManager()
  async bindIdentity(memberId: string, identity: { kind: IdentityKind; value: string; app_id?: string; verified_by: string }, @MedusaContext() sharedContext: Context = {}): Promise<BindResult> {
    return bindIdentity(sharedContext.transactionManager as unknown as Sql, memberId, identity)
  }

  /** Binds several proven identities (a platform's openid and unionid) all or none; another member's is a 409. */
  @InjectTransactionManager()
  async bindIdentities(memberId: string, identities: { kind: IdentityKind; value: string; app_id?: string; verified_by: string }[], @MedusaContext() sharedContext: Context = {}): Promise<BindResult[]> {
    return bindIdentities(sharedContext.transactionManager as unknown as Sql, memberId, identities)
  }

  /** Merges two members into the older one, in one transaction (see identities.ts). */
  @InjectTransactionManager()
  async mergeMembers(a: string, b: string, input: { reason: string; actor: string | null }, @MedusaContext() sharedContext: Context = {}): Promise<MergeResult> {
    return mergeMembers(sharedContext.transactionManager as unknown as Sql, a, b, input)
  }

  @InjectTransactionManager()
  async recordMergedOrders(mergeId: string, orders: { moved: string[]; failed: { id: string; error: string }[] }, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await recordMergedOrders(sharedContext.transactionManager as unknown as Sql, mergeId, orders)
  }

  /** Everything held about the member (PIPL export). */
  @InjectManager()
  async exportMember(memberId: string, @MedusaContext() sharedContext: Context = {}): Promise<Record<string, any>> {
    return exportMember(sharedContext.manager as unknown as Sql, memberId)
  }

  /** PIPL erasure of the member's own data; the anonymised ledger stays. */
  @InjectTransactionManager()
  async eraseMember(memberId: string, now: Date = new Date(), @MedusaContext() sharedContext: Context = {}): Promise<{ member: Record<string, any>; identities: number }> {
    return eraseMember(sharedContext.transactionManager as unknown as Sql, memberId, now)
  }

  @InjectTransactionManager()
  async recordConsent(memberId: string, c: { kind: string; version: string; granted: boolean; channel: string | null }, @MedusaContext() sharedContext: Context = {}): Promise<Record<string, any>> {
    return recordConsent(sharedContext.transactionManager as unknown as Sql, memberId, c)
  }

  // ── The member's own reads, one query each (SQL in member-read.ts; bench points-ledger) ──────

  /** What GET /store/members/me and the admin's member page show, by member id or by customer id. */
  @InjectManager()
  async memberView(
    by: { member_id?: string; customer_id?: string },
    now: Date = new Date(),
    expiringUntil: Date = new Date(now.getTime() + 60 * DAY),
    @MedusaContext() sharedContext: Context = {}
  ): Promise<MemberViewRow | null> {
    return memberViewRow(sharedContext.manager as unknown as Sql, by, now, expiringUntil)
  }

  /** A page of the member's ledger, newest first, with the count. */
  @InjectManager()
  async pointsPage(memberId: string, page: { limit: number; offset: number; kind?: string[] }, @MedusaContext() sharedContext: Context = {}) {
    return pointsPageRows(sharedContext.manager as unknown as Sql, memberId, page)
  }
}

export default MembershipModuleService
