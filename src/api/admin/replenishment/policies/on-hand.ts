import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/**
 * On hand (stocked − reserved, in units of the variant) per variant × location, from the
 * inventory module. Counted on the variant's first inventory item divided by its required
 * quantity, as demand capture counts it. null for variants that don't manage inventory.
 */
export async function onHandFor(
  container: MedusaContainer,
  pairs: { variant_id: string; location_id: string }[]
): Promise<Map<string, number | null>> {
  const out = new Map<string, number | null>()
  if (!pairs.length) return out
  const variantIds = [...new Set(pairs.map((p) => p.variant_id))]
  const locationIds = [...new Set(pairs.map((p) => p.location_id))]
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "variant",
    fields: ["id", "manage_inventory", "inventory_items.inventory_item_id", "inventory_items.required_quantity"],
    filters: { id: variantIds },
  })
  const itemOf = new Map<string, { item: string; per: number } | null>()
  for (const v of variants as any[]) {
    const link = v.manage_inventory ? v.inventory_items?.[0] : null
    itemOf.set(v.id, link ? { item: link.inventory_item_id, per: Math.max(1, Number(link.required_quantity ?? 1)) } : null)
  }
  const items = [...new Set([...itemOf.values()].filter(Boolean).map((x) => x!.item))]
  const levels = items.length
    ? await container.resolve(Modules.INVENTORY).listInventoryLevels({ inventory_item_id: items, location_id: locationIds }, { take: null as any })
    : []
  const level = new Map(levels.map((l: any) => [`${l.inventory_item_id}|${l.location_id}`, Number(l.stocked_quantity) - Number(l.reserved_quantity)]))
  for (const p of pairs) {
    const it = itemOf.get(p.variant_id)
    out.set(`${p.variant_id}|${p.location_id}`, it ? Math.floor((level.get(`${it.item}|${p.location_id}`) ?? 0) / it.per) : null)
  }
  return out
}
