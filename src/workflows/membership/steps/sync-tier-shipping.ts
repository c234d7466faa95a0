import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { membershipOf } from "./membership-service"

type Tier = { id: string; code: string; customer_group_id: string | null; free_shipping_threshold: unknown; metadata?: Record<string, any> | null }

/**
 * The tier's free-shipping benefit, as Medusa's own promotion engine applies it: an automatic
 * promotion taking 100 % off the shipping of carts whose customer is in the tier's group and
 * whose item total (tax included, after discounts) reaches the threshold. The promotion's id
 * is kept in the tier's metadata; a changed threshold replaces it, none removes it.
 */
export const syncTierShippingStep = createStep(
  "membership-sync-tier-shipping",
  async (tier: Tier, { container }) => {
    const promotions = container.resolve(Modules.PROMOTION)
    const membership = membershipOf(container)
    const previous = (tier.metadata?.free_shipping_promotion_id as string | undefined) ?? null
    const threshold = tier.free_shipping_threshold == null ? null : Number(tier.free_shipping_threshold)
    if (previous) await promotions.softDeletePromotions([previous])
    let created: string | null = null
    if (threshold != null && tier.customer_group_id) {
      const [promotion] = await promotions.createPromotions([
        {
          code: `TIER-SHIP-${tier.code.toUpperCase()}-${Date.now().toString(36).toUpperCase()}`,
          type: "standard",
          status: "active",
          is_automatic: true,
          application_method: { type: "percentage", target_type: "shipping_methods", allocation: "across", value: 100 },
          rules: [
            { attribute: "customer.groups.id", operator: "in", values: [tier.customer_group_id] },
            ...(threshold > 0 ? [{ attribute: "item_total", operator: "gte" as const, values: [String(threshold)] }] : []),
          ],
        } as any,
      ])
      created = promotion.id
    }
    await membership.updateMemberTiers({ id: tier.id, metadata: { ...(tier.metadata ?? {}), free_shipping_promotion_id: created } } as any)
    return new StepResponse({ promotion_id: created }, { tier_id: tier.id, metadata: tier.metadata ?? null, previous, created })
  },
  async (undo, { container }) => {
    if (!undo) return
    const promotions = container.resolve(Modules.PROMOTION)
    if (undo.created) await promotions.deletePromotions([undo.created])
    if (undo.previous) await promotions.restorePromotions([undo.previous])
    await membershipOf(container).updateMemberTiers({ id: undo.tier_id, metadata: undo.metadata } as any)
  }
)
