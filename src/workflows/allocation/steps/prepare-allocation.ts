import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { isValidLatitude, isValidLongitude } from "../../../lib/geo"
import { cityCentroid, type AllocationContext, type AllocationLine, type CandidateLocation, type CustomerPoint } from "../../../lib/allocation"
import { REPLENISHMENT_MODULE } from "../../../modules/replenishment"
import { SHOPS_MODULE } from "../../../modules/shops"

/** What the allocation needs besides stock: read before the inventory lock is taken. */
export type AllocationPlanInput = {
  cart_id: string
  sales_channel_id: string | null
  /** Without stock: `available` is filled under the lock. */
  context: AllocationContext
  /** Every inventory item the order consumes: the lock keys, sorted. */
  inventory_item_ids: string[]
  /** The pickup shop the cart asked for, and whether it can serve (sells in the channel). */
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
export async function availableAt(container: MedusaContainer, itemIds: string[], locationIds: Set<string> | null) {
  const available: Record<string, Record<string, number>> = {}
  if (!itemIds.length) return available
  const levels = await container
    .resolve(Modules.INVENTORY)
    .listInventoryLevels(
      { inventory_item_id: itemIds },
      { select: ["inventory_item_id", "location_id", "stocked_quantity", "reserved_quantity"], take: null as any }
    )
  for (const l of levels as any[]) {
    if (locationIds && !locationIds.has(l.location_id)) continue
    ;(available[l.location_id] ??= {})[l.inventory_item_id] = Number(l.stocked_quantity) - Number(l.reserved_quantity)
  }
  return available
}

/**
 * The candidates: the stock locations of the cart's sales channel that hold a level of any of
 * the cart's inventory items (others cannot serve), with the shop's coordinates and code,
 * the safety stock per variant there, the customer's point and the pickup shop.
 */
export const prepareAllocationStepId = "prepare-allocation"
export const prepareAllocationStep = createStep(
  prepareAllocationStepId,
  async ({ cart }: { cart: any }, { container }) => {
    const lines = allocationLines(cart)
    const itemIds = [...new Set(lines.flatMap((l) => l.inventory.map((i) => i.inventory_item_id)))].sort()
    const empty: AllocationPlanInput = {
      cart_id: cart.id,
      sales_channel_id: cart.sales_channel_id ?? null,
      context: { lines, locations: [], available: {}, customer: customerPointOf(cart) },
      inventory_item_ids: itemIds,
      pickup: null,
    }
    if (!lines.length) return new StepResponse(empty)

    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: channels } = await query.graph({
      entity: "sales_channel",
      fields: ["id", "stock_locations.id"],
      filters: { id: cart.sales_channel_id },
    })
    const channelLocations = new Set<string>((channels[0]?.stock_locations ?? []).map((l: any) => l.id))
    const levels = await availableAt(container, itemIds, channelLocations)
    const pickupShopId: string | undefined = cart.metadata?.pickup_shop_id
    const shops = container.resolve(SHOPS_MODULE) as any
    let pickup: AllocationPlanInput["pickup"] = null
    let pickupShop: any = null
    if (pickupShopId) {
      ;[pickupShop] = await shops.listShops({ id: pickupShopId }, { select: ["id", "code", "name", "status", "stock_location_id", "latitude", "longitude", "metadata"] })
      const usable = pickupShop && pickupShop.status === "open" && channelLocations.has(pickupShop.stock_location_id)
      pickup = { shop_id: pickupShopId, location_id: usable ? pickupShop.stock_location_id : null, code: pickupShop?.code ?? null }
    }
    // Only locations holding some of the order can serve it — unless a line may be backordered,
    // which any location with a level can take.
    const backorder = lines.some((l) => l.allow_backorder)
    const candidateIds = new Set(Object.keys(levels).filter((id) => backorder || Object.values(levels[id]).some((v) => v > 0)))
    if (pickup?.location_id) candidateIds.add(pickup.location_id)
    const ids = [...candidateIds]

    const [shopRows, policies] = await Promise.all([
      ids.length
        ? shops.listShops(
            { stock_location_id: ids },
            { select: ["id", "code", "name", "status", "stock_location_id", "latitude", "longitude", "metadata"], take: null }
          )
        : [],
      ids.length
        ? (container.resolve(REPLENISHMENT_MODULE) as any).listStockPolicies(
            { variant_id: [...new Set(lines.map((l) => l.variant_id))] },
            { select: ["variant_id", "location_id", "safety_stock"], take: null }
          )
        : [],
    ])
    const shopByLocation = new Map((shopRows as any[]).map((s) => [s.stock_location_id, s]))
    // Locations that are no shop (a plain Medusa warehouse) are named by their stock location.
    const plain = ids.filter((id) => !shopByLocation.has(id))
    const locationById = new Map(
      (plain.length
        ? await container.resolve(Modules.STOCK_LOCATION).listStockLocations({ id: plain }, { select: ["id", "name", "metadata"], take: null as any })
        : []
      ).map((l: any) => [l.id, l])
    )
    const candidates: CandidateLocation[] = []
    for (const id of ids) {
      const shop = shopByLocation.get(id)
      const loc: any = locationById.get(id)
      // A shop that is closed or not yet open serves no online order (its pickup can't be chosen either).
      if (shop && shop.status !== "open") continue
      if (!shop && !loc) continue
      const shipping = Number(shop?.metadata?.shipping_cost ?? loc?.metadata?.shipping_cost)
      candidates.push({
        id,
        label: shop?.code ?? loc?.name ?? id,
        point: shop ? { lat: shop.latitude, lng: shop.longitude } : null,
        shipping_cost: Number.isFinite(shipping) ? shipping : null,
      })
    }
    candidates.sort((a, b) => a.id.localeCompare(b.id))
    const safety: Record<string, Record<string, number>> = {}
    for (const p of policies as any[]) {
      if (!candidateIds.has(p.location_id) || !(Number(p.safety_stock) > 0)) continue
      ;(safety[p.location_id] ??= {})[p.variant_id] = Number(p.safety_stock)
    }
    const customer = pickup?.location_id && pickupShop
      ? { point: { lat: pickupShop.latitude, lng: pickupShop.longitude }, source: "pickup_shop" as const, label: pickupShop.code }
      : customerPointOf(cart)
    return new StepResponse<AllocationPlanInput>({
      ...empty,
      context: { lines, locations: candidates, available: {}, safety_stock: safety, customer, pickup_location_id: pickup?.location_id ?? null },
      pickup,
    })
  }
)
