import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { maskPhone, progressToNext } from "../../../lib/membership"
import { membershipOf } from "../steps/membership-service"

const EXPIRING_DAYS = 60

const tierView = (t: any) =>
  t && {
    id: t.id,
    code: t.code,
    name: t.name,
    name_en: t.name_en,
    rank: Number(t.rank),
    points_multiplier: Number(t.points_multiplier),
    free_shipping_threshold: t.free_shipping_threshold == null ? null : Number(t.free_shipping_threshold),
    presale_priority: Number(t.presale_priority),
  }

/**
 * What a member sees of themselves (and the admin sees of them): tier and progress to the
 * next, balances, points expiring in the next 60 days, coupons in the wallet. `maskPhones`
 * for the storefront's own view is off: a member may see their own number.
 */
export async function memberSummary(container: MedusaContainer, memberId: string, { maskPhones = false } = {}) {
  const membership = membershipOf(container)
  const member = await membership.retrieveMember(memberId, { relations: ["identities", "tier"] }).catch(() => null)
  if (!member || member.status === "merged") throw new MedusaError(MedusaError.Types.NOT_FOUND, `Member ${memberId} was not found`)
  const now = new Date()
  const [tiers, activity, expiring, coupons] = await Promise.all([
    membership.listMemberTiers({}, { order: { rank: "ASC" }, take: null }),
    membership.activity12m(member.id, now),
    membership.listPointsEntries(
      { member_id: member.id, status: "available", remaining: { $gt: 0 }, expires_at: { $lte: new Date(now.getTime() + EXPIRING_DAYS * 86_400_000) } },
      { select: ["remaining", "expires_at"], order: { expires_at: "ASC" }, take: 50 }
    ),
    membership.listCouponGrants({ member_id: member.id, status: "granted" }, { order: { created_at: "DESC" }, take: 50 }),
  ])
  const rungs = tiers.map((t: any) => ({ id: t.id, rank: Number(t.rank), qualify_spend: t.qualify_spend == null ? null : Number(t.qualify_spend), qualify_points: t.qualify_points }))
  const progress = progressToNext(rungs, member.tier_id ?? null, activity)
  return {
    id: member.id,
    customer_id: member.customer_id,
    status: member.status,
    joined_at: member.joined_at,
    joined_via: member.joined_via,
    tier: tierView((member as any).tier),
    tier_since: member.tier_since,
    tier_grace_until: member.tier_grace_until,
    progress: { ...progress, next_tier: tierView(tiers.find((t: any) => t.id === progress.next_tier_id)) ?? null, spend_12m: activity.spend, points_12m: activity.points },
    points: {
      available: member.points_available,
      pending: member.points_pending,
      held: member.points_held,
      spendable: Math.max(0, member.points_available - member.points_held),
      expiring_soon: expiring.reduce((s: number, l: any) => s + Number(l.remaining), 0),
      expiring_next_at: expiring[0]?.expires_at ?? null,
    },
    identities: ((member as any).identities ?? []).map((i: any) => ({
      kind: i.kind,
      app_id: i.app_id || null,
      value: i.kind === "phone" && maskPhones ? maskPhone(i.value) : i.value,
      verified_at: i.verified_at,
    })),
    coupons: coupons.map((c: any) => ({ id: c.id, code: c.code, promotion_id: c.promotion_id, source: c.source, expires_at: c.expires_at })),
  }
}

/** A page of the member's ledger, newest first. */
export async function pointsHistory(container: MedusaContainer, memberId: string, page: { limit: number; offset: number; kind?: string[] }) {
  const [entries, count] = await membershipOf(container).listAndCountPointsEntries(
    { member_id: memberId, ...(page.kind?.length ? { kind: page.kind } : {}) },
    {
      select: ["id", "kind", "status", "points", "remaining", "amount", "source_type", "source_id", "order_id", "sales_channel_id", "shop_id", "actor", "reason", "available_at", "expires_at", "created_at"],
      order: { created_at: "DESC", id: "DESC" },
      take: page.limit,
      skip: page.offset,
    }
  )
  return {
    entries: entries.map((e: any) => ({ ...e, amount: Number(e.amount) })),
    count,
    limit: page.limit,
    offset: page.offset,
  }
}
