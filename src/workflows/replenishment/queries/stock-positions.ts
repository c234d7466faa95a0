import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/** Stock of one variant at one location, in units of the variant. */
export type StockPosition = {
  /** Stocked units (physically there, reserved ones included). */
  on_hand: number
  reserved: number
  /** Units on their way (Medusa's incoming_quantity: transfers in transit, open purchases). */
  incoming: number
  /** The level's creation: when the variant was first stocked here. */
  stocked_since: Date | null
}

/** How a variant is stocked: its inventory item and the supplier's ordering units, when known. */
export type VariantStocking = {
  item: string
  per: number
  case_pack: number | null
  moq: number | null
}

export const pairKey = (variantId: string, locationId: string) => `${variantId}|${locationId}`

const positive = (v: unknown) => {
  const n = Number(v)
  return Number.isFinite(n) && n > 0 ? Math.round(n) : null
}

/**
 * Per variant: its first inventory item and required quantity (as demand capture counts it),
 * plus case pack and minimum order quantity from the variant's metadata (`case_pack`, `moq`).
 * null for variants that don't manage inventory.
 */
export async function variantStocking(container: MedusaContainer, variantIds: string[]): Promise<Map<string, VariantStocking | null>> {
  const out = new Map<string, VariantStocking | null>()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  for (let i = 0; i < variantIds.length; i += 5000) {
    const { data } = await query.graph({
      entity: "variant",
      fields: ["id", "manage_inventory", "metadata", "inventory_items.inventory_item_id", "inventory_items.required_quantity"],
      filters: { id: variantIds.slice(i, i + 5000) },
    })
    for (const v of data as any[]) {
      const link = v.manage_inventory ? v.inventory_items?.[0] : null
      out.set(
        v.id,
        link
          ? {
              item: link.inventory_item_id,
              per: Math.max(1, Number(link.required_quantity ?? 1)),
              case_pack: positive(v.metadata?.case_pack),
              moq: positive(v.metadata?.moq),
            }
          : null
      )
    }
  }
  return out
}

/**
 * Stock per variant × location from the inventory module, in whole units of the variant. A
 * variant that manages inventory but has no level at the location has nothing there (zeros);
 * one that doesn't manage inventory maps to null.
 */
export async function stockPositions(
  container: MedusaContainer,
  pairs: { variant_id: string; location_id: string }[],
  stocking?: Map<string, VariantStocking | null>
): Promise<Map<string, StockPosition | null>> {
  const out = new Map<string, StockPosition | null>()
  if (!pairs.length) return out
  const variantIds = [...new Set(pairs.map((p) => p.variant_id))]
  const locationIds = [...new Set(pairs.map((p) => p.location_id))]
  const known = stocking ?? (await variantStocking(container, variantIds))
  const items = [...new Set(variantIds.map((v) => known.get(v)?.item).filter((x): x is string => !!x))]
  const levels = items.length
    ? await container
        .resolve(Modules.INVENTORY)
        .listInventoryLevels({ inventory_item_id: items, location_id: locationIds }, { take: null as any })
    : []
  const level = new Map(levels.map((l: any) => [pairKey(l.inventory_item_id, l.location_id), l]))
  for (const p of pairs) {
    const s = known.get(p.variant_id)
    if (!s) {
      out.set(pairKey(p.variant_id, p.location_id), null)
      continue
    }
    const l: any = level.get(pairKey(s.item, p.location_id))
    const units = (q: unknown) => Math.floor(Number(q ?? 0) / s.per)
    out.set(pairKey(p.variant_id, p.location_id), {
      on_hand: units(l?.stocked_quantity),
      reserved: units(l?.reserved_quantity),
      incoming: units(l?.incoming_quantity),
      stocked_since: l?.created_at ? new Date(l.created_at) : null,
    })
  }
  return out
}
