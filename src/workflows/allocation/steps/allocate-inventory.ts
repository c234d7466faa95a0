import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { costAllocationStrategy, type AllocationResult, type AllocationStrategy } from "../../../lib/allocation"
import { TRANSFERS_MODULE } from "../../../modules/transfers"
import { availableAt, type AllocationPlanInput } from "./prepare-allocation"

/** What a handler of the `allocationRanking` hook may return: its own cost per location. */
export type AllocationRanking = { costs: Record<string, number>; name?: string } | undefined

/** The key under which a plugin registers its own AllocationStrategy in Medusa's container. */
export const ALLOCATION_STRATEGY_KEY = "allocationStrategy"

/** The container's strategy, else the transfers module option's, else Mendian's cost strategy. */
export function resolveAllocationStrategy(container: MedusaContainer): { strategy: AllocationStrategy; options?: Record<string, number> } {
  const registered = container.hasRegistration?.(ALLOCATION_STRATEGY_KEY)
    ? (container.resolve(ALLOCATION_STRATEGY_KEY) as AllocationStrategy)
    : undefined
  let settings: any = {}
  try {
    settings = (container.resolve(TRANSFERS_MODULE) as any).getAllocationSettings?.() ?? {}
  } catch {
    settings = {}
  }
  return { strategy: registered ?? settings.allocation_strategy ?? costAllocationStrategy, options: settings.allocation_options }
}

const describe = (r: AllocationResult, plan: AllocationPlanInput, lineTitle: Map<string, string>) =>
  r.unserved
    .map((u) => {
      const where = plan.context.locations.length ? `${u.available} available across this channel's locations` : "no location sells it in this channel"
      return `${lineTitle.get(u.line_id) ?? u.variant_id}: ${u.quantity} ordered, ${where}`
    })
    .join("; ")

/**
 * Runs while the caller holds the inventory lock on every item of the order: reads the levels
 * fresh, lets the strategy decide, and refuses the order — before anything is written — when a
 * line can't be served. The reservations follow once the order lines exist.
 */
export const allocateInventoryStepId = "allocate-inventory"
export const allocateInventoryStep = createStep(
  allocateInventoryStepId,
  async (input: { plan: AllocationPlanInput; ranking?: AllocationRanking; titles?: Record<string, string> }, { container }) => {
    const { plan } = input
    if (!plan.context.lines.length) return new StepResponse<AllocationResult | null>(null)
    const ids = new Set(plan.context.locations.map((l) => l.id))
    const available = await availableAt(container, plan.inventory_item_ids, ids)
    const { strategy, options } = resolveAllocationStrategy(container)
    const ranking = input.ranking?.costs ? input.ranking : undefined
    const result = strategy.allocate({
      ...plan.context,
      available,
      options: { ...options, ...plan.context.options },
      costs: ranking?.costs ?? null,
      costs_source: ranking ? ranking.name ?? "the allocationRanking hook" : null,
    })
    if (result.unserved.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Not enough stock to place this order: ${describe(result, plan, new Map(Object.entries(input.titles ?? {})))}`,
        "insufficient_inventory"
      )
    }
    return new StepResponse<AllocationResult | null>(result)
  }
)
