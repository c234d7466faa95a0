import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

export const PRESALE_LOCATION_NAME = "预售 Presale (virtual)"

/**
 * The virtual stock location presale orders are reserved at until their stock arrives. It
 * belongs to no sales channel and no shop, so checkout, replenishment, the planner and
 * allocation never see it; the campaigns' counters say what it has sold.
 */
export async function presaleLocationId(container: MedusaContainer): Promise<string> {
  const locations = container.resolve(Modules.STOCK_LOCATION)
  const [found] = await locations.listStockLocations({ name: PRESALE_LOCATION_NAME }, { take: 1 })
  if (found) return found.id
  const created = await locations.createStockLocations({ name: PRESALE_LOCATION_NAME, metadata: { mendian_kind: "presale" } })
  return created.id
}

export const isPresaleLocation = (location: { name?: string | null; metadata?: Record<string, unknown> | null }) =>
  location.metadata?.mendian_kind === "presale" || location.name === PRESALE_LOCATION_NAME
