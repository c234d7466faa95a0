import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { shopLocationId, territoryLocationIds } from "../../../workflows/replenishment/runs/scope"

export type PlaceQuery = { shop_id?: string; location_id?: string; territory_id?: string }

/**
 * The stock locations a list is about: one shop, one location or a territory's shops, or null
 * for no place filter. Asking for two places at once is an error rather than a silent pick.
 */
export async function placeLocations(container: MedusaContainer, q: PlaceQuery): Promise<string[] | null> {
  const places = (["shop_id", "location_id", "territory_id"] as const).filter((k) => q[k])
  if (places.length > 1) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${places[1]}: give only one of shop_id, location_id, territory_id`)
  }
  if (q.shop_id) return [await shopLocationId(container, q.shop_id)]
  if (q.location_id) return [q.location_id]
  if (q.territory_id) return territoryLocationIds(container, q.territory_id)
  return null
}

/** "user:usr_…" for the admin who made a request, for the record of who decided what. */
export const actorId = (req: any): string | null => (req.auth_context?.actor_id ? `${req.auth_context.actor_type}:${req.auth_context.actor_id}` : null)
