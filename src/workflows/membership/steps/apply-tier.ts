import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { tierAfterActivity, tierAtAnniversary, type TierRung } from "../../../lib/membership"
import { membershipOf } from "./membership-service"

export type TierDecision = {
  member_id: string
  customer_id: string
  from_tier_id: string | null
  to_tier_id: string
  changed: boolean
  reason: string
}

const rungsOf = (tiers: any[]): (TierRung & { customer_group_id: string | null })[] =>
  tiers.map((t) => ({
    id: t.id,
    rank: Number(t.rank),
    qualify_spend: t.qualify_spend == null ? null : Number(t.qualify_spend),
    qualify_points: t.qualify_points == null ? null : Number(t.qualify_points),
    customer_group_id: t.customer_group_id ?? null,
  }))

/**
 * Puts the customer in the tier's customer group and out of the other tiers' groups, so
 * member prices (price lists on those groups) follow the tier.
 */
export async function syncTierGroup(container: any, customerId: string, tierId: string, tiers: { id: string; customer_group_id: string | null }[]) {
  const customers = container.resolve(Modules.CUSTOMER)
  const target = tiers.find((t) => t.id === tierId)?.customer_group_id
  const others = tiers.map((t) => t.customer_group_id).filter((g): g is string => !!g && g !== target)
  const current = await customers.listCustomerGroupCustomers({ customer_id: customerId }, { take: null })
  const inGroups = new Set(current.map((c: any) => c.customer_group_id))
  const leave = others.filter((g) => inGroups.has(g)).map((g) => ({ customer_id: customerId, customer_group_id: g }))
  if (leave.length) await customers.removeCustomerFromGroup(leave)
  if (target && !inGroups.has(target)) await customers.addCustomerToGroup({ customer_id: customerId, customer_group_id: target })
}

/**
 * Re-evaluates a member's tier. "activity": upgrade at once when the last 12 months qualify
 * for more, never down. "anniversary": the yearly review, down by the programme's policy
 * (after its grace period); the anniversary job picks who is due. Safe to run again.
 */
export const applyTierStep = createStep(
  "membership-apply-tier",
  async (input: { member_id: string | null; mode: "activity" | "anniversary" | "join"; actor?: string | null; now?: Date }, { container }) => {
    if (!input.member_id) return new StepResponse(null as TierDecision | null)
    const membership = membershipOf(container)
    const member = await membership.retrieveMember(input.member_id)
    if (member.status !== "active") return new StepResponse(null as TierDecision | null)
    const tiers = rungsOf(await membership.listMemberTiers({}, { take: null }))
    if (!tiers.length) return new StepResponse(null as TierDecision | null)
    const now = input.now ? new Date(input.now) : new Date()
    const activity = await membership.activity12m(member.id, now)
    let target: string
    let reason: string = input.mode === "join" ? "join" : "upgrade"
    let graceUntil: Date | null | undefined
    if (input.mode === "anniversary") {
      const program = await membership.programSettings()
      const decided = tierAtAnniversary(tiers, member.tier_id ?? null, activity, program.downgrade_policy).id
      reason = "anniversary"
      const graceEnds = member.tier_grace_until ? new Date(member.tier_grace_until) : null
      if (decided !== member.tier_id && program.grace_days > 0 && tiers.find((t) => t.id === decided)!.rank < (tiers.find((t) => t.id === member.tier_id)?.rank ?? 0)) {
        // The first review that would downgrade starts the grace period; a later one carries it out.
        if (!graceEnds) {
          graceUntil = new Date(now.getTime() + program.grace_days * 86_400_000)
          target = member.tier_id!
        } else target = graceEnds <= now ? decided : member.tier_id!
      } else {
        target = decided
        if (graceEnds) graceUntil = null
      }
    } else {
      target = tierAfterActivity(tiers, member.tier_id ?? null, activity).id
    }
    const result = await membership.changeTier(member.id, {
      tier_id: target,
      reason,
      spend_12m: activity.spend,
      points_12m: activity.points,
      actor: input.actor ?? "system",
      grace_until: graceUntil,
    })
    if (result.changed || input.mode === "join") await syncTierGroup(container, member.customer_id, target, tiers)
    return new StepResponse({ member_id: member.id, customer_id: member.customer_id, ...result, reason } as TierDecision)
  }
)
