import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { isValidLatitude, isValidLongitude } from "../../../lib/geo"
import { cityCentroid, type AllocationLine, type CustomerPoint } from "../../../lib/allocation"
import { channelNetwork } from "../utils/network-cache"

/**
 * What the allocation needs besides stock and the network: small on purpose, since every step's
 * input and output is kept in the workflow's checkpoint (the candidates and their stock are
 * read under the lock, in allocateInventoryStep).
 */
export type AllocationPlanInput = {
  cart_id: string
  sales_channel_id: string | null
  lines: AllocationLine[]
  /** Every inventory item the order consumes: the lock keys, sorted. */
  inventory_item_ids: string[]
  customer: CustomerPoint | null
  /** The pickup shop the cart asked for; location_id null when it can't serve (closed, other channel). */
  pickup: { shop_id: string; location_id: string | null; code: string | null } | null
}

/** The cart lines that keep inventory, as the allocation sees them. */
export function allocationLines(cart: any): AllocationLine[] {
  return (cart.items ?? [])
    .filter((i: any) => i.variant_id && i.variant?.manage_inventory && (i.variant.inventory_items ?? []).length)
    .map((i: any) => ({
      id: i.id,
      variant_id: i.variant_id,
      quantity: Number(i.quantity),
      allow_backorder: !!i.variant.allow_backorder,
      inventory: i.variant.inventory_items.map((x: any) => ({
        inventory_item_id: x.inventory_item_id,
        required_quantity: Math.max(1, Number(x.required_quantity ?? 1)),
      })),
    }))
}

/** The storefront's customer_location, else the shipping city's centre, else nothing. */
export function customerPointOf(cart: any): CustomerPoint | null {
  const loc = cart.metadata?.customer_location
  if (loc && isValidLatitude(Number(loc.lat)) && isValidLongitude(Number(loc.lng))) {
    return { point: { lat: Number(loc.lat), lng: Number(loc.lng) }, source: "customer_location" }
  }
  const city = cityCentroid(cart.shipping_address?.city)
  return city ? { point: city.point, source: "city", label: city.name } : null
}

/** Levels of the items at the candidate locations: location → item → stocked − reserved. */
export async function availableAt(container: MedusaContainer, itemIds: string[], locationIds: Set<string> | null, onlyStocked = false) {
  const available: Record<string, Record<string, number>> = {}
  if (!itemIds.length) return available
  const levels = await container
    .resolve(Modules.INVENTORY)
    .listInventoryLevels(
      { inventory_item_id: itemIds, ...(onlyStocked ? { stocked_quantity: { $gt: 0 } } : {}) },
      { select: ["inventory_item_id", "location_id", "stocked_quantity", "reserved_quantity"], take: null as any }
    )
  for (const l of levels as any[]) {
    if (locationIds && !locationIds.has(l.location_id)) continue
    ;(available[l.location_id] ??= {})[l.inventory_item_id] = Number(l.stocked_quantity) - Number(l.reserved_quantity)
  }
  return available
}

/**
 * The order's lines, lock keys, customer point and pickup shop. The pickup shop counts only
 * when it is open and sells in the cart's sales channel; then its point is the destination.
 */
export const prepareAllocationStepId = "prepare-allocation"
export const prepareAllocationStep = createStep(prepareAllocationStepId, async ({ cart }: { cart: any }, { container }) => {
  const lines = allocationLines(cart)
  const plan: AllocationPlanInput = {
    cart_id: cart.id,
    sales_channel_id: cart.sales_channel_id ?? null,
    lines,
    inventory_item_ids: [...new Set(lines.flatMap((l) => l.inventory.map((i) => i.inventory_item_id)))].sort(),
    customer: customerPointOf(cart),
    pickup: null,
  }
  const pickupShopId: string | undefined = cart.metadata?.pickup_shop_id
  if (lines.length && pickupShopId) {
    const network = await channelNetwork(container, plan.sales_channel_id)
    const at = [...network.values()].find((l) => l.shop_id === pickupShopId)
    plan.pickup = { shop_id: pickupShopId, location_id: at?.open ? at.id : null, code: at?.label ?? null }
    if (at?.open && at.point) plan.customer = { point: at.point, source: "pickup_shop", label: at.label }
  }
  return new StepResponse(plan)
})
