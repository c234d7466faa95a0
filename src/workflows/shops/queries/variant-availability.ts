import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

/** Units of a variant sellable at a location; null when it never runs out (no inventory kept). */
export type Availability = {
  manage_inventory: boolean
  allow_backorder: boolean
  at: (locationId: string) => number | null
}

/**
 * Available units (stocked − reserved) of each variant at each location, honouring kits:
 * a variant built from several inventory items, each needing required_quantity units, is
 * available as often as its scarcest item allows.
 */
export async function variantAvailability(
  container: MedusaContainer,
  variantIds: string[],
  locationIds: string[],
  /** The caller's sales channels: a variant sold in none of them is not theirs to ask about. */
  salesChannelIds: string[]
): Promise<Map<string, Availability>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "variant",
    fields: [
      "id",
      "manage_inventory",
      "allow_backorder",
      "inventory_items.required_quantity",
      "inventory_items.inventory_item_id",
      "product.sales_channels.id",
    ],
    filters: { id: variantIds },
  })
  const sold = new Set(salesChannelIds)
  const visible = variants.filter((v: any) => (v.product?.sales_channels ?? []).some((c: any) => c && sold.has(c.id)))
  const missing = variantIds.filter((id) => !visible.some((v: any) => v.id === id))
  if (missing.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `variant_id: ${missing.join(", ")} not found`)
  }

  const itemIds = [
    ...new Set(visible.flatMap((v: any) => (v.inventory_items ?? []).map((i: any) => i.inventory_item_id))),
  ] as string[]
  const available = new Map<string, number>()
  if (itemIds.length && locationIds.length) {
    const levels = await container.resolve(Modules.INVENTORY).listInventoryLevels(
      { inventory_item_id: itemIds, location_id: locationIds },
      { select: ["inventory_item_id", "location_id", "stocked_quantity", "reserved_quantity"] }
    )
    for (const l of levels) {
      available.set(
        `${l.inventory_item_id}|${l.location_id}`,
        Number(l.stocked_quantity) - Number(l.reserved_quantity)
      )
    }
  }

  const result = new Map<string, Availability>()
  for (const v of visible as any[]) {
    const items: { inventory_item_id: string; required_quantity: number }[] = v.inventory_items ?? []
    const tracked = v.manage_inventory && items.length > 0
    result.set(v.id, {
      manage_inventory: !!v.manage_inventory,
      allow_backorder: !!v.allow_backorder,
      at: (locationId) =>
        tracked
          ? Math.max(
              0,
              Math.min(
                ...items.map((i) =>
                  Math.floor((available.get(`${i.inventory_item_id}|${locationId}`) ?? 0) / (i.required_quantity || 1))
                )
              )
            )
          : null,
    })
  }
  return result
}
