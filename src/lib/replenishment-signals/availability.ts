/**
 * Whether a variant can be sold at a location from the inventory levels there: its available
 * units are the fewest kits any of its inventory items makes, floor((stocked − reserved) ÷
 * required quantity). A variant is out of stock (its demand that day censored) when that is
 * ≤ 0. An inventory item without a level at the location counts as 0 available.
 */
export type VariantItem = { inventory_item_id: string; required_quantity?: number | null }
export type LevelQuantities = { stocked_quantity: number | string | null; reserved_quantity: number | string | null }

export function availableUnits(items: readonly VariantItem[], levelOf: (inventoryItemId: string) => LevelQuantities | undefined): number {
  if (!items.length) return Number.POSITIVE_INFINITY
  let units = Number.POSITIVE_INFINITY
  for (const item of items) {
    const level = levelOf(item.inventory_item_id)
    const available = level ? Number(level.stocked_quantity ?? 0) - Number(level.reserved_quantity ?? 0) : 0
    const required = Number(item.required_quantity ?? 1) || 1
    units = Math.min(units, Math.floor(available / required))
  }
  return units
}

export const isOutOfStock = (items: readonly VariantItem[], levelOf: (inventoryItemId: string) => LevelQuantities | undefined) =>
  availableUnits(items, levelOf) <= 0
