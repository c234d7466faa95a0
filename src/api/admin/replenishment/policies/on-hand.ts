import type { MedusaContainer } from "@medusajs/framework/types"
import { pairKey, stockPositions } from "../../../../workflows/replenishment/queries/stock-positions"

/**
 * Available units (stocked − reserved) per variant × location, keyed "variant|location"; null
 * for variants that don't manage inventory.
 */
export async function onHandFor(
  container: MedusaContainer,
  pairs: { variant_id: string; location_id: string }[]
): Promise<Map<string, number | null>> {
  const positions = await stockPositions(container, pairs)
  const out = new Map<string, number | null>()
  for (const p of pairs) {
    const s = positions.get(pairKey(p.variant_id, p.location_id))
    out.set(pairKey(p.variant_id, p.location_id), s ? s.on_hand - s.reserved : null)
  }
  return out
}
