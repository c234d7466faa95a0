import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { SHOPS_MODULE } from "../../../modules/shops"

/**
 * The shop network as checkout sees it, kept for a few seconds per process: which locations a
 * sales channel sells from and where each location is. At 3,000 shops reading these on every
 * checkout costs more than the allocation itself, and they change a few times a day (a shop
 * opens, closes or joins a channel); a checkout at most TTL_MS behind such a change is fine.
 */
export const NETWORK_TTL_MS = 30_000

export type NetworkLocation = {
  id: string
  label: string
  point: { lat: number; lng: number } | null
  shipping_cost: number | null
  /** A shop that is not open serves no online order. */
  open: boolean
  shop_id: string | null
}

type Entry<T> = { at: number; value: Promise<T> }
const channels = new Map<string, Entry<Map<string, NetworkLocation>>>()

const fresh = <T>(e: Entry<T> | undefined) => e && Date.now() - e.at < NETWORK_TTL_MS

/** The locations of a sales channel with their shop's coordinates and code. */
export function channelNetwork(container: MedusaContainer, salesChannelId: string | null): Promise<Map<string, NetworkLocation>> {
  const key = salesChannelId ?? ""
  const hit = channels.get(key)
  if (fresh(hit)) return hit!.value
  const value = load(container, salesChannelId)
  channels.set(key, { at: Date.now(), value })
  value.catch(() => channels.delete(key))
  return value
}

/** Forgets what was read (tests that change the network between checkouts). */
export function clearNetworkCache() {
  channels.clear()
}

async function load(container: MedusaContainer, salesChannelId: string | null) {
  const out = new Map<string, NetworkLocation>()
  if (!salesChannelId) return out
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "sales_channel", fields: ["id", "stock_locations.id"], filters: { id: salesChannelId } })
  const ids: string[] = (data[0]?.stock_locations ?? []).map((l: any) => l?.id).filter(Boolean)
  if (!ids.length) return out
  const shops = await (container.resolve(SHOPS_MODULE) as any).listShops(
    { stock_location_id: ids },
    { select: ["id", "code", "status", "stock_location_id", "latitude", "longitude", "metadata"], take: null }
  )
  const byLocation = new Map((shops as any[]).map((s) => [s.stock_location_id, s]))
  const plain = ids.filter((id) => !byLocation.has(id))
  const locations = plain.length
    ? await container.resolve(Modules.STOCK_LOCATION).listStockLocations({ id: plain }, { select: ["id", "name", "metadata"], take: null as any })
    : []
  const plainById = new Map((locations as any[]).map((l) => [l.id, l]))
  for (const id of ids) {
    const shop: any = byLocation.get(id)
    const loc: any = plainById.get(id)
    if (!shop && !loc) continue
    const shipping = Number(shop?.metadata?.shipping_cost ?? loc?.metadata?.shipping_cost)
    out.set(id, {
      id,
      label: shop?.code ?? loc?.name ?? id,
      point: shop ? { lat: Number(shop.latitude), lng: Number(shop.longitude) } : null,
      shipping_cost: Number.isFinite(shipping) ? shipping : null,
      open: shop ? shop.status === "open" : true,
      shop_id: shop?.id ?? null,
    })
  }
  return out
}
