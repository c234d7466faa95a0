import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { isOpenAt } from "../../../lib/opening-hours"
import { byDistance, type ShopRankingStrategy } from "../../../lib/shop-ranking"
import { SHOPS_MODULE } from "../../../modules/shops"
import type ShopsModuleService from "../../../modules/shops/service"
import { type Availability, variantAvailability } from "./variant-availability"

export type NearbyShopsQuery = {
  lat: number
  lng: number
  radius_km: number
  sales_channel_ids: string[]
  variant_ids?: string[]
  quantity?: number
  limit: number
  offset: number
  now?: Date
}

/** Registered in the container by a plugin, it replaces the module's ranking. */
export const SHOP_RANKING_REGISTRATION = "shopRankingStrategy"

/**
 * The storefront's "shops near me": open shops whose stock is sold in the caller's sales
 * channels, with distance, open-now and per-variant availability. A read path on every
 * storefront page, so it is a plain function over module services, not a workflow.
 */
export async function findNearbyShops(container: MedusaContainer, q: NearbyShopsQuery) {
  const service = container.resolve<ShopsModuleService>(SHOPS_MODULE)
  const candidates = await service.listShopsNear({ origin: { lat: q.lat, lng: q.lng }, radiusKm: q.radius_km })
  if (!candidates.length || !q.sales_channel_ids.length) return { shops: [], count: 0 }

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({
    entity: "sales_channel_location",
    fields: ["stock_location_id"],
    filters: {
      sales_channel_id: q.sales_channel_ids,
      stock_location_id: candidates.map((s) => s.stock_location_id),
    },
  })
  const visible = new Set(links.map((l: any) => l.stock_location_id))
  const shops = candidates.filter((s) => visible.has(s.stock_location_id))

  const variantIds = q.variant_ids ?? []
  const ranking =
    (container.hasRegistration(SHOP_RANKING_REGISTRATION)
      ? container.resolve<ShopRankingStrategy>(SHOP_RANKING_REGISTRATION)
      : null) ?? service.getRankingStrategy()
  const context = { origin: { lat: q.lat, lng: q.lng }, variant_ids: variantIds, quantity: q.quantity ?? null }
  const attach = (list: typeof shops, byVariant: Map<string, Availability>) =>
    list.map((s) => ({
      ...s,
      availability: Object.fromEntries(variantIds.map((id) => [id, byVariant.get(id)!.at(s.stock_location_id)])) as Record<
        string,
        number | null
      >,
    }))

  // The default ranking orders by distance alone, so without a quantity filter only the
  // shops on the page need their stock: ~20 locations' levels instead of every candidate's
  // (up to hundreds in a big city). A custom ranking may weigh stock, so it gets them all.
  const pageOnly = ranking === byDistance && !q.quantity
  let backorder: Record<string, boolean> = {}
  let ranked: Array<(typeof shops)[number] & { availability?: Record<string, number | null> }>
  if (variantIds.length && !pageOnly) {
    const byVariant = await variantAvailability(container, variantIds, shops.map((s) => s.stock_location_id), q.sales_channel_ids)
    backorder = Object.fromEntries([...byVariant].map(([id, a]) => [id, a.allow_backorder]))
    let withAvailability = attach(shops, byVariant)
    if (q.quantity) {
      withAvailability = withAvailability.filter((s) =>
        variantIds.every((id) => {
          const units = s.availability[id]
          return units === null || units >= q.quantity! || backorder[id]
        })
      )
    }
    ranked = ranking.rank(withAvailability, context)
  } else {
    ranked = ranking.rank(shops, context)
  }
  let pageShops = ranked.slice(q.offset, q.offset + q.limit)
  if (variantIds.length && pageOnly) {
    const byVariant = await variantAvailability(container, variantIds, pageShops.map((s) => s.stock_location_id), q.sales_channel_ids)
    backorder = Object.fromEntries([...byVariant].map(([id, a]) => [id, a.allow_backorder]))
    pageShops = attach(pageShops, byVariant)
  }

  const now = q.now ?? new Date()
  const page = pageShops.map((s) => ({
    id: s.id,
    code: s.code,
    name: s.name,
    kind: s.kind,
    address: s.address,
    city: s.city,
    province: s.province,
    phone: s.phone,
    latitude: s.latitude,
    longitude: s.longitude,
    timezone: s.timezone,
    opening_hours: s.opening_hours,
    distance_km: Math.round(s.distance_km * 1000) / 1000,
    open_now: isOpenAt((s.opening_hours ?? {}) as any, (s.closures ?? []) as any, s.timezone, now),
    stock_location_id: s.stock_location_id,
    ...(s.availability
      ? {
          availability: variantIds.map((id) => ({
            variant_id: id,
            available_quantity: s.availability![id],
            allow_backorder: backorder[id],
          })),
        }
      : {}),
  }))
  return { shops: page, count: ranked.length }
}
