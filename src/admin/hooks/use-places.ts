import { useMemo } from "react"
import type { Shop } from "../lib/types"
import { useStockLocationNames } from "./use-replenishment"
import { useAllShops } from "./use-shops"

export type PlaceName = { locationId: string; shop: Shop | null; name: string | null }

/**
 * Names for stock locations: the shop that owns each (code, name, time zone) from the cached
 * shop list, else the location's own name from Medusa (a location that is no shop).
 */
export const usePlaces = (locationIds: string[]) => {
  const shops = useAllShops({ order: "code" })
  const byLocation = useMemo(() => new Map((shops.data ?? []).map((s) => [s.stock_location_id, s] as const)), [shops.data])
  const unknown = useMemo(
    () => (shops.data ? [...new Set(locationIds)].filter((id) => !byLocation.has(id)).sort() : []),
    [shops.data, byLocation, locationIds]
  )
  const names = useStockLocationNames(unknown)
  return useMemo(
    () =>
      (locationId: string): PlaceName => {
        const shop = byLocation.get(locationId) ?? null
        return { locationId, shop, name: shop?.name ?? names.data?.get(locationId) ?? null }
      },
    [byLocation, names.data]
  )
}

/** A shop by id, from the same cached list (time zones of destinations). */
export const useShopsById = () => {
  const shops = useAllShops({ order: "code" })
  return useMemo(() => new Map((shops.data ?? []).map((s) => [s.id, s] as const)), [shops.data])
}
