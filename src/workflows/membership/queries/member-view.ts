import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { maskPhone, progressToNext } from "../../../lib/membership"
import type { MemberViewRow } from "../../../modules/membership/member-read"
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
 * for the storefront's own view is off: a member may see their own number. One query
 * (MembershipModuleService.memberView; it was six through the generic list methods, see
 * docs/BENCHMARKS.md points-ledger).
 */
export async function memberSummary(container: MedusaContainer, memberId: string, { maskPhones = false } = {}) {
  const now = new Date()
  const member = await membershipOf(container).memberView({ member_id: memberId }, now, new Date(now.getTime() + EXPIRING_DAYS * 86_400_000))
  if (!member || member.status === "merged") throw new MedusaError(MedusaError.Types.NOT_FOUND, `Member ${memberId} was not found`)
  return summaryOf(member, maskPhones)
}

/**
 * The signed-in customer's own summary (GET /store/members/me) straight from the customer id,
 * in the same single query, or null when the customer is not an active member.
 */
export async function memberSummaryOfCustomer(container: MedusaContainer, customerId: string) {
  const now = new Date()
  const member = await membershipOf(container).memberView({ customer_id: customerId }, now, new Date(now.getTime() + EXPIRING_DAYS * 86_400_000))
  return member ? summaryOf(member, false) : null
}

function summaryOf(member: MemberViewRow, maskPhones: boolean) {
  const tiers = member.tiers
  const activity = { spend: member.spend_12m, points: member.points_12m }
  const rungs = tiers.map((t: any) => ({ id: t.id, rank: Number(t.rank), qualify_spend: t.qualify_spend == null ? null : Number(t.qualify_spend), qualify_points: t.qualify_points }))
  const progress = progressToNext(rungs, member.tier_id ?? null, activity)
  return {
    id: member.id,
    customer_id: member.customer_id,
    status: member.status,
    joined_at: member.joined_at,
    joined_via: member.joined_via,
    tier: tierView(tiers.find((t: any) => t.id === member.tier_id)) ?? null,
    tier_since: member.tier_since,
    tier_grace_until: member.tier_grace_until,
    progress: { ...progress, next_tier: tierView(tiers.find((t: any) => t.id === progress.next_tier_id)) ?? null, spend_12m: activity.spend, points_12m: activity.points },
    points: {
      available: member.points_available,
      pending: member.points_pending,
      held: member.points_held,
      spendable: Math.max(0, member.points_available - member.points_held),
      expiring_soon: member.expiring,
      expiring_next_at: member.expiring_next_at ?? null,
    },
    identities: member.identities.map((i) => ({
      kind: i.kind,
      app_id: i.app_id || null,
      value: i.kind === "phone" && maskPhones ? maskPhone(i.value) : i.value,
      verified_at: date(i.verified_at),
    })),
    coupons: member.coupons.map((c) => ({ id: c.id, code: c.code, promotion_id: c.promotion_id, source: c.source, expires_at: date(c.expires_at) })),
  }
}

/** A page of the member's ledger, newest first (one query: the page and the count). */
export async function pointsHistory(container: MedusaContainer, memberId: string, page: { limit: number; offset: number; kind?: string[] }) {
  const { entries, count } = await membershipOf(container).pointsPage(memberId, page)
  return { entries, count, limit: page.limit, offset: page.offset }
}

/** Timestamps inside json_agg come back as text: the same Date the ORM would have given. */
const date = (v: string | null | undefined) => (v == null ? null : new Date(v))
