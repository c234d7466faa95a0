import type { MedusaContainer } from "@medusajs/framework/types"
import { DEFAULT_TIME_ZONE, localBusinessDate } from "../../../lib/opening-hours"
import { SHOPS_MODULE } from "../../../modules/shops"
import type ShopsModuleService from "../../../modules/shops/service"

/**
 * The shop timezone of each stock location (Asia/Shanghai when no shop owns the location),
 * so demand lands on the shop's own business date, not the UTC one.
 */
export async function timeZonesOf(container: MedusaContainer, locationIds: string[]) {
  const zones = new Map<string, string>()
  const unique = [...new Set(locationIds)]
  if (unique.length) {
    const shops = await container
      .resolve<ShopsModuleService>(SHOPS_MODULE)
      .listShops({ stock_location_id: unique }, { select: ["stock_location_id", "timezone"] })
    for (const shop of shops) zones.set(shop.stock_location_id, shop.timezone || DEFAULT_TIME_ZONE)
  }
  return (locationId: string, instant: Date | string) =>
    localBusinessDate(zones.get(locationId) ?? DEFAULT_TIME_ZONE, new Date(instant))
}
