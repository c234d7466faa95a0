/**
 * How a storefront's "nearest shops" list is ordered. A plugin can replace the default (pure
 * distance) with anything that only needs what a candidate carries, e.g. prefer flagships or
 * deeper stock within a few extra kilometres.
 */
export type RankableShop = {
  id: string
  kind: string
  distance_km: number
  /** Per requested variant id: units available there, or null when it is always available. */
  availability?: Record<string, number | null>
}

export type RankingContext = {
  origin: { lat: number; lng: number }
  variant_ids: string[]
  quantity: number | null
}

export interface ShopRankingStrategy {
  rank<T extends RankableShop>(candidates: T[], context: RankingContext): T[]
}

export const byDistance: ShopRankingStrategy = {
  rank(candidates) {
    return [...candidates].sort((a, b) => a.distance_km - b.distance_km || a.id.localeCompare(b.id))
  },
}
