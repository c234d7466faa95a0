import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

export type ShopStockSummary = {
  skus: number
  units_on_hand: number
  units_reserved: number
  retail_value: number
  currency_code: string
}

/**
 * What a shop holds: SKUs with stock, units on hand and reserved, and their retail value at
 * each variant's price in the currency (a kit component is valued at its share of the kit).
 */
export async function shopStockSummary(
  container: MedusaContainer,
  stockLocationId: string,
  currencyCode = "cny"
): Promise<ShopStockSummary> {
  const levels = await container.resolve(Modules.INVENTORY).listInventoryLevels(
    { location_id: stockLocationId },
    { select: ["inventory_item_id", "stocked_quantity", "reserved_quantity"] }
  )
  const stocked = levels.filter((l) => Number(l.stocked_quantity) > 0)
  const summary: ShopStockSummary = {
    skus: stocked.length,
    units_on_hand: stocked.reduce((s, l) => s + Number(l.stocked_quantity), 0),
    units_reserved: levels.reduce((s, l) => s + Number(l.reserved_quantity), 0),
    retail_value: 0,
    currency_code: currencyCode,
  }
  if (!stocked.length) return summary

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: items } = await query.graph({
    entity: "product_variant_inventory_item",
    fields: ["inventory_item_id", "required_quantity", "variant.prices.amount", "variant.prices.currency_code"],
    filters: { inventory_item_id: stocked.map((l) => l.inventory_item_id) },
  })
  const unitPrice = new Map<string, number>()
  for (const link of items as any[]) {
    if (unitPrice.has(link.inventory_item_id)) continue
    const price = (link.variant?.prices ?? []).find((p: any) => p.currency_code === currencyCode)
    if (price) unitPrice.set(link.inventory_item_id, Number(price.amount) / (link.required_quantity || 1))
  }
  const value = stocked.reduce(
    (s, l) => s + Number(l.stocked_quantity) * (unitPrice.get(l.inventory_item_id) ?? 0),
    0
  )
  summary.retail_value = Math.round(value * 100) / 100
  return summary
}
