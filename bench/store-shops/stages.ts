/**
 * Where the time of GET /store/shops goes: runs findNearbyShops in-process, one request at a
 * time, over the benchmark's own kind of requests, with a stopwatch around each stage (the
 * module's listShopsNear, every query.graph call by entity, the inventory module's
 * listInventoryLevels) and the rest (ranking, open-now, shaping) as "other".
 *
 *   flock /tmp/mendian-heavy.lock env DATABASE_URL=… npx medusa exec ./bench/store-shops/stages.ts
 *
 * Prints one JSON object. A profiling aid, not the benchmark: no HTTP, no concurrency.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CITIES } from "../../src/scripts/demo-chain/cities"
import { mulberry32 } from "../../src/lib/random"
import { SHOPS_MODULE } from "../../src/modules/shops"
import { findNearbyShops } from "../../src/workflows/shops/queries/find-nearby-shops"

const REQUESTS = Number(process.env.STAGES_REQUESTS ?? 300)
const WARMUP = 30

export default async function stages({ container }: ExecArgs) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  const shops = (
    await pg.raw("SELECT city, latitude, longitude FROM shop WHERE deleted_at IS NULL AND status = 'open' ORDER BY code")
  ).rows
  const variants = (
    await pg.raw(
      `SELECT v.id FROM product_variant v JOIN product_variant_inventory_item l ON l.variant_id = v.id AND l.deleted_at IS NULL
        WHERE v.deleted_at IS NULL AND v.manage_inventory ORDER BY v.sku`
    )
  ).rows.map((r: any) => r.id)
  const [online] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({ name: "Online 线上商城" })

  const rand = mulberry32(871)
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]
  const centre = new Map(CITIES.map((c) => [c.name, c]))
  const requests = Array.from({ length: REQUESTS + WARMUP }, () => {
    const shop = pick(shops) as any
    const city = centre.get(shop.city) ?? { lat: shop.latitude, lng: shop.longitude }
    const ids = new Set<string>()
    while (ids.size < 3) ids.add(pick(variants))
    return {
      lat: city.lat + (rand() * 2 - 1) * 0.05,
      lng: city.lng + (rand() * 2 - 1) * 0.05,
      radius_km: 50,
      limit: 20,
      offset: 0,
      sales_channel_ids: [online.id],
      variant_ids: [...ids],
    }
  })

  // Stopwatches around the services findNearbyShops resolves from the container.
  const totals: Record<string, number> = {}
  let recording = false
  const timed = (target: any, method: string, label: (args: any[]) => string) => {
    const original = target[method].bind(target)
    target[method] = async (...args: any[]) => {
      const t = process.hrtime.bigint()
      try {
        return await original(...args)
      } finally {
        if (recording) {
          const key = label(args)
          totals[key] = (totals[key] ?? 0) + Number(process.hrtime.bigint() - t) / 1e6
        }
      }
    }
  }
  timed(container.resolve(SHOPS_MODULE), "listShopsNear", () => "shops.listShopsNear")
  timed(container.resolve(ContainerRegistrationKeys.QUERY), "graph", (a) => `query.graph(${a[0].entity})`)
  timed(container.resolve(Modules.INVENTORY), "listInventoryLevels", () => "inventory.listInventoryLevels")

  let found = 0
  for (const q of requests.slice(0, WARMUP)) await findNearbyShops(container, q)
  recording = true
  const started = process.hrtime.bigint()
  for (const q of requests.slice(WARMUP)) found += (await findNearbyShops(container, q)).count
  const total = Number(process.hrtime.bigint() - started) / 1e6
  const staged = Object.values(totals).reduce((a: number, b: number) => a + b, 0)
  const perRequest = Object.fromEntries(
    [...Object.entries(totals), ["other (ranking, open-now, shaping)", total - staged] as const].map(([k, v]) => [
      k,
      Math.round((v / REQUESTS) * 100) / 100,
    ])
  )
  process.stdout.write(
    JSON.stringify(
      { requests: REQUESTS, mean_ms_per_request: Math.round((total / REQUESTS) * 100) / 100, mean_shops_in_radius: Math.round(found / REQUESTS), stages_ms: perRequest },
      null,
      2
    ) + "\n"
  )
}
