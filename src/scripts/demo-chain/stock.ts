/**
 * Opening stock: which shop carries which variant, and how many it holds.
 *
 * Warehouses carry everything and hold deep stock; flagships carry nearly everything,
 * standard shops most of it, minis a small assortment leaning to food and beauty. Within a
 * size run the middle sizes are deeper. Some shelves are empty or nearly so, as in any real
 * chain the morning after a busy day.
 */
import type { DemoCatalog, DemoVariant, TopCategory } from "./catalog"
import { createRng, DEFAULT_SEED, deriveSeed, hashString, mix32, type Rng } from "./rng"
import type { DemoShop, ShopKind } from "./shops"

export interface StockEntry {
  shop_code: string
  sku: string
  stocked_quantity: number
}

export type StockShop = Pick<DemoShop, "code" | "kind" | "status">
export type StockVariant = Pick<DemoVariant, "sku" | "options" | "manage_inventory"> & { top_category: TopCategory }

/** Probability that a shop of a kind carries a variant of a category. */
export const CARRY_RATE: Record<ShopKind, Record<TopCategory, number>> = {
  warehouse: { apparel: 1, beauty: 1, electronics: 1, grocery: 1, home: 1, services: 1 },
  flagship: { apparel: 0.92, beauty: 0.9, electronics: 0.9, grocery: 0.86, home: 0.88, services: 1 },
  standard: { apparel: 0.74, beauty: 0.74, electronics: 0.68, grocery: 0.72, home: 0.6, services: 1 },
  mini: { apparel: 0.3, beauty: 0.68, electronics: 0.55, grocery: 0.9, home: 0.45, services: 1 },
}

/** Normal stock range [min, max] per shop kind and category, before the size factor. */
export const DEPTH: Record<Exclude<ShopKind, "warehouse">, Record<TopCategory, [number, number]>> = {
  flagship: { apparel: [6, 24], beauty: [10, 40], electronics: [6, 25], grocery: [20, 80], home: [5, 20], services: [0, 0] },
  standard: { apparel: [4, 12], beauty: [6, 24], electronics: [4, 12], grocery: [12, 48], home: [4, 10], services: [0, 0] },
  mini: { apparel: [4, 6], beauty: [5, 20], electronics: [4, 8], grocery: [10, 36], home: [4, 6], services: [0, 0] },
}

/** Middle sizes sell most, so they are stocked deeper. */
export const SIZE_DEPTH: Record<string, number> = { XS: 0.5, S: 0.8, M: 1.3, L: 1.25, XL: 0.9, XXL: 0.6 }

/** Share of a retail shop's carried variants at zero, and at a low 1–3. */
export const SHORT_ZERO = 0.08
export const SHORT_LOW = 0.15

/**
 * The stocked quantity of a variant at a shop, or null when the shop does not carry it
 * (or holds no inventory at all: planned shops, services). Closed shops keep their
 * assortment at zero.
 */
export function stockLevel(shop: StockShop, variant: StockVariant, rng: Rng): number | null {
  if (!variant.manage_inventory || shop.status === "planned") return null
  const size = variant.options["尺码"]
  let carry = CARRY_RATE[shop.kind][variant.top_category]
  if ((shop.kind === "mini" || shop.kind === "standard") && (size === "XS" || size === "XXL")) carry *= 0.7
  if (!rng.chance(carry)) return null
  if (shop.status === "closed") return 0

  const sizeFactor = size ? SIZE_DEPTH[size] ?? 1 : 1
  const r = rng.next()
  if (shop.kind === "warehouse") {
    if (r < 0.01) return 0
    if (r < 0.04) return rng.int(20, 150)
    // Log-uniform 200–2,000: most lines a few hundred, fast movers deep.
    const q = 200 * Math.pow(10, rng.next()) * sizeFactor
    return Math.min(2000, Math.max(200, Math.round(q)))
  }
  if (r < SHORT_ZERO) return 0
  if (r < SHORT_ZERO + SHORT_LOW) return rng.int(1, 3)
  const [min, max] = DEPTH[shop.kind][variant.top_category]
  return Math.max(4, Math.round(rng.float(min, max) * sizeFactor))
}

/**
 * Every carried (shop, SKU) pair with its quantity. Each pair draws from its own stream
 * (seed, shop, SKU), so a pair's stock does not depend on the order or on the other shops.
 */
export function* stockFor(shops: readonly StockShop[], catalog: Pick<DemoCatalog, "products">, seed: number = DEFAULT_SEED): Generator<StockEntry> {
  const variants: Array<StockVariant & { hash: number }> = catalog.products.flatMap((p) =>
    p.variants.map((v) => ({ ...v, top_category: p.top_category, hash: Math.imul(hashString(v.sku), 0x9e3779b1) }))
  )
  for (const shop of shops) {
    const shopSeed = deriveSeed(seed, `stock:${shop.code}`)
    for (const variant of variants) {
      const rng = createRng(mix32(shopSeed ^ variant.hash))
      const q = stockLevel(shop, variant, rng)
      if (q !== null) yield { shop_code: shop.code, sku: variant.sku, stocked_quantity: q }
    }
  }
}
