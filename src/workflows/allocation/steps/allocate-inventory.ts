import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { costAllocationStrategy, type AllocationResult, type AllocationStrategy } from "../../../lib/allocation"
import { haversineKm } from "../../../lib/geo"
import { REPLENISHMENT_MODULE } from "../../../modules/replenishment"
import { TRANSFERS_MODULE } from "../../../modules/transfers"
import { channelNetwork } from "../utils/network-cache"
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

/** With a destination and more holders than this, the nearest ones are tried first. */
export const NEAREST_CANDIDATES = 150

const describe = (r: AllocationResult, anyLocation: boolean, lineTitle: Map<string, string>) =>
  r.unserved
    .map((u) => {
      const where = anyLocation ? `${u.available} available across this channel's locations` : "no location sells it in this channel"
      return `${lineTitle.get(u.line_id) ?? u.variant_id}: ${u.quantity} ordered, ${where}`
    })
    .join("; ")

async function safetyStock(container: MedusaContainer, variantIds: string[], locationIds: string[]) {
  const safety: Record<string, Record<string, number>> = {}
  if (!variantIds.length || !locationIds.length) return safety
  const policies = await (container.resolve(REPLENISHMENT_MODULE) as any).listStockPolicies(
    { variant_id: variantIds, location_id: locationIds, safety_stock: { $gt: 0 } },
    { select: ["variant_id", "location_id", "safety_stock"], take: null }
  )
  for (const p of policies as any[]) (safety[p.location_id] ??= {})[p.variant_id] = Number(p.safety_stock)
  return safety
}

export type AllocatedReservation = { id: string; cart_line_item_id: string; location_id: string; inventory_item_id: string }

/**
 * Allocates and reserves in one step under the locking module, keyed by every inventory item of
 * the order (the keys Medusa's reserveInventoryStep locks), exactly as long as it takes: reads
 * the levels fresh, takes the sales channel's locations that hold some of the order (any with a
 * level when a line may be backordered; the nearest NEAREST_CANDIDATES first when there are
 * more, all of them if those can't serve) and their safety stock, lets the strategy decide,
 * refuses the order — before anything is written — when a line can't be served, and creates the
 * reservations at the chosen locations. They get their order line once the order exists
 * (attachReservationsStep); the compensation deletes them under the same lock.
 */
export const allocateInventoryStepId = "allocate-inventory"
export const allocateInventoryStep = createStep(
  allocateInventoryStepId,
  async (input: { plan: AllocationPlanInput; ranking?: AllocationRanking; titles?: Record<string, string> }, { container }) => {
    const { plan } = input
    const none = { allocation: null as AllocationResult | null, reservations: [] as AllocatedReservation[] }
    if (!plan.lines.length) return new StepResponse(none, { ids: [] as string[], keys: [] as string[] })
    const locking = container.resolve(Modules.LOCKING)
    const out = await locking.execute(plan.inventory_item_ids, async () => {
      const result = await decideUnderLock(container, input)
      const lineById = new Map(plan.lines.map((l) => [l.id, l]))
      const wanted = result.lines.flatMap((line) =>
        line.parts.flatMap((p) =>
          lineById.get(line.line_id)!.inventory.map((inv) => ({
            cart_line_item_id: line.line_id,
            inventory_item_id: inv.inventory_item_id,
            location_id: p.location_id,
            quantity: p.quantity * inv.required_quantity,
            allow_backorder: lineById.get(line.line_id)!.allow_backorder,
          }))
        )
      )
      const created = wanted.length
        ? await container.resolve(Modules.INVENTORY).createReservationItems(wanted.map(({ cart_line_item_id, ...r }) => r))
        : []
      const reservations: AllocatedReservation[] = created.map((r: any, i: number) => ({
        id: r.id,
        cart_line_item_id: wanted[i].cart_line_item_id,
        location_id: wanted[i].location_id,
        inventory_item_id: wanted[i].inventory_item_id,
      }))
      return { allocation: result, reservations }
    }, { timeout: 30 })
    return new StepResponse(out, { ids: out.reservations.map((r) => r.id), keys: plan.inventory_item_ids })
  },
  async (data, { container }) => {
    if (!data?.ids.length) return
    await container.resolve(Modules.LOCKING).execute(data.keys, () => container.resolve(Modules.INVENTORY).deleteReservationItems(data.ids), { timeout: 30 })
  }
)

async function decideUnderLock(
  container: MedusaContainer,
  input: { plan: AllocationPlanInput; ranking?: AllocationRanking; titles?: Record<string, string> }
): Promise<AllocationResult> {
  const { plan } = input
  const network = await channelNetwork(container, plan.sales_channel_id)
  const open = new Set([...network.values()].filter((l) => l.open).map((l) => l.id))
  const backorder = plan.lines.some((l) => l.allow_backorder)
  const available = await availableAt(container, plan.inventory_item_ids, open, !backorder)
  const pickupId = plan.pickup?.location_id ?? null
  const holding = Object.keys(available).filter((id) => backorder || Object.values(available[id]).some((v) => v > 0))
  if (pickupId && !holding.includes(pickupId)) holding.push(pickupId)

  const { strategy, options } = resolveAllocationStrategy(container)
  const ranking = input.ranking?.costs ? input.ranking : undefined
  const origin = plan.customer?.point
  const distance = (id: string) => {
    const p = network.get(id)?.point
    return origin && p ? haversineKm(origin, p) : Infinity
  }
  const variantIds = [...new Set(plan.lines.map((l) => l.variant_id))]
  const decide = async (ids: string[]) =>
    strategy.allocate({
      lines: plan.lines,
      locations: ids.map((id) => {
        const l = network.get(id)!
        return { id, label: l.label, point: l.point, shipping_cost: l.shipping_cost }
      }),
      available: Object.fromEntries(ids.map((id) => [id, available[id] ?? {}])),
      safety_stock: await safetyStock(container, variantIds, ids),
      customer: plan.customer,
      pickup_location_id: pickupId,
      options: { ...options },
      costs: ranking?.costs ?? null,
      costs_source: ranking ? ranking.name ?? "the allocationRanking hook" : null,
    })
  const cheapest = (ids: string[]) =>
    ranking
      ? [...ids].sort((a, b) => (ranking.costs[a] ?? Infinity) - (ranking.costs[b] ?? Infinity))
      : [...ids].sort((a, b) => distance(a) - distance(b))
  let result: AllocationResult
  if (holding.length > NEAREST_CANDIDATES && (origin || ranking)) {
    const near = cheapest(holding).slice(0, NEAREST_CANDIDATES)
    if (pickupId && !near.includes(pickupId)) near.push(pickupId)
    result = await decide(near)
    if (result.unserved.length) result = await decide(holding)
  } else {
    result = await decide(holding)
  }
  if (result.unserved.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Not enough stock to place this order: ${describe(result, network.size > 0, new Map(Object.entries(input.titles ?? {})))}`,
      "insufficient_inventory"
    )
  }
  return result
}
