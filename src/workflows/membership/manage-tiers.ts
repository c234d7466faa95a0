import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCustomerGroupsWorkflow } from "@medusajs/medusa/core-flows"
import { membershipOf } from "./steps/membership-service"
import { syncTierShippingStep } from "./steps/sync-tier-shipping"

export type TierInput = {
  code: string
  name: string
  name_en?: string | null
  rank: number
  qualify_spend?: number | null
  qualify_points?: number | null
  points_multiplier?: number
  customer_group_id?: string | null
  free_shipping_threshold?: number | null
  presale_priority?: number
  birthday_promotion_id?: string | null
}

const assertFreeStep = createStep("membership-assert-tier-free", async (input: { code?: string; rank?: number; id?: string }, { container }) => {
  const membership = membershipOf(container)
  const taken = [
    ...(input.code ? await membership.listMemberTiers({ code: input.code }, { take: 1 }) : []),
    ...(input.rank != null ? await membership.listMemberTiers({ rank: input.rank }, { take: 1 }) : []),
  ].find((t: any) => t.id !== input.id)
  if (taken) {
    const field = taken.code === input.code ? "code" : "rank"
    throw new MedusaError(MedusaError.Types.CONFLICT, `${field}: tier ${taken.code} already has ${field} ${(taken as any)[field]}`, "tier_conflict")
  }
  return new StepResponse(true)
})

const createTierStep = createStep(
  "membership-create-tier",
  async (input: TierInput & { customer_group_id: string }, { container }) => {
    const tier = await membershipOf(container).createMemberTiers(input as any)
    return new StepResponse(tier, tier.id)
  },
  async (id, { container }) => {
    if (id) await membershipOf(container).deleteMemberTiers(id)
  }
)

/**
 * A new rung. Without a customer group of its own, one is created ("会员 · 金卡"), so price lists
 * for the tier's member prices have a group to target; members follow it as their tier changes.
 */
export const createTierWorkflow = createWorkflow("membership-create-tier", (input: TierInput) => {
  assertFreeStep(input)
  const groups = when({ input }, ({ input }) => !input.customer_group_id).then(() =>
    createCustomerGroupsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ customersData: [{ name: `会员 · ${input.name}`, metadata: { source: "mendian.membership", tier_code: input.code } }] })),
    })
  )
  const tier = createTierStep(
    transform({ input, groups }, ({ input, groups }) => ({ ...input, customer_group_id: input.customer_group_id ?? (groups as any[])[0].id }))
  )
  syncTierShippingStep(tier)
  return new WorkflowResponse(tier)
})

const updateTierStep = createStep(
  "membership-update-tier",
  async (input: { id: string } & Partial<TierInput>, { container }) => {
    const membership = membershipOf(container)
    const before = await membership.retrieveMemberTier(input.id)
    const tier = await membership.updateMemberTiers(input as any)
    return new StepResponse(tier, before)
  },
  async (before, { container }) => {
    if (before) await membershipOf(container).updateMemberTiers(before as any)
  }
)

/** Changes a rung; members are re-evaluated upward on their next activity and downward at their anniversary. */
export const updateTierWorkflow = createWorkflow("membership-update-tier", (input: { id: string } & Partial<TierInput>) => {
  assertFreeStep(input)
  const tier = updateTierStep(input)
  // Only when the threshold (or the group) is part of the change: the promotion follows them.
  when({ input }, ({ input }) => "free_shipping_threshold" in input || "customer_group_id" in input).then(() => {
    syncTierShippingStep(tier).config({ name: "membership-sync-tier-shipping-on-update" })
  })
  return new WorkflowResponse(tier)
})

