import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateEntityId, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingProfilesWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { SHOPS_MODULE } from "../modules/shops"
import type ShopsModuleService from "../modules/shops/service"
import { findNearbyShops } from "../workflows/shops/queries/find-nearby-shops"
import { createTerritoryWorkflow } from "../workflows/territories"
import { buildScaleShops, buildTerritories, stockLevel, type DemoShop, type StockVariant } from "./demo-chain"
import { chunks, ensureCategories } from "./common/seed-helpers"
import { createRng, deriveSeed, hashString, mix32 } from "./demo-chain/rng"
import { loadScaleHistory, takeHistoryDays } from "./demand-history/scale"
import { parseScaleArgs, type ScaleOptions } from "./scale/args"
import { scaleCatalog } from "./scale/catalog"
import { copyInto, copyLine, inTransaction, type PgClient } from "./scale/copy"
import { Progress } from "./scale/progress"
import { entityIdFactory } from "./scale/ulid"

/**
 * The benchmark scale: `npm run seed:scale -- --shops 3000 --variants 1000 [--history-days 365]`.
 *
 * Store, region, online channel, publishable key, territories and the catalogue go through
 * Medusa's workflows (a thousand variants is small). Shops, their stock locations with
 * addresses, the location ↔ online channel links and the shops × variants inventory levels
 * are bulk-loaded with COPY: the one place Mendian writes Medusa's tables directly (see
 * docs/ARCHITECTURE). Rows are written exactly as the modules write them: prefixed ULIDs,
 * bigNumber columns with their raw_* twins ({"value":"12","precision":20}).
 *
 * Shops here get no POS sales channel and no pickup option (createShopsWorkflow makes both
 * for a real shop): 3,000 of each would only slow the seed and are not what the nearest-shop
 * benchmark reads.
 *
 * Resumable: shops whose codes exist are skipped; levels are committed per chunk of shops,
 * and a shop that has its levels is skipped, so a rerun after a crash carries on.
 */

const ONLINE_CHANNEL = "Online 线上商城"
const STOREFRONT_KEY = "Mendian storefront"
const PRODUCT_BATCH = 25
const SHOP_BATCH = 500
/** A bigNumber zero as Medusa stores it in the raw_* jsonb twin of a numeric column. */
const RAW_ZERO = JSON.stringify({ value: "0", precision: 20 })
const rawNumber = (n: number) => `{"value":"${n}","precision":20}`

type Log = (msg: string) => void
type Knex = { client: { acquireConnection(): Promise<PgClient>; releaseConnection(c: PgClient): Promise<void> } }
type LoadedShop = { code: string; kind: DemoShop["kind"]; status: DemoShop["status"]; stock_location_id: string }
type ScaleVariant = StockVariant & { id: string; inventory_item_id: string; hash: number }

export default async function seedScale({ container, args }: ExecArgs) {
  const started = Date.now()
  // --history-days N (issue 3): also a generated demand history for every shop × variant.
  const history = takeHistoryDays(args, process.argv)
  const opts = parseScaleArgs(history.args, history.argv)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const log: Log = (msg) => logger.info(`[seed:scale] ${msg}`)
  log(`target: ${opts.shops} shops × ${opts.variants} variants = ${(opts.shops * opts.variants).toLocaleString("en-US")} inventory levels`)

  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
  const pg = await knex.client.acquireConnection()
  // Two seeds loading the same shops would trip over each other's unique keys.
  const { rows: [lock] } = await pg.query("SELECT pg_try_advisory_lock(hashtext('mendian:seed-scale')) AS ok")
  if (!lock.ok) {
    await knex.client.releaseConnection(pg)
    throw new Error("another seed:scale is running against this database")
  }
  try {
    const { onlineId, token } = await setUp(container, log)
    const territoryIds = await loadTerritories(container, log)
    const variants = await loadCatalogue(container, opts, onlineId, log)
    const shops = await loadShops(pg, opts, onlineId, territoryIds, log)
    const loaded = await loadLevels(pg, opts, shops, variants, log)
    if (loaded) {
      // Fresh statistics and visibility map, as autovacuum would leave them on a live database.
      const t = Date.now()
      await pg.query("VACUUM (ANALYZE) inventory_level")
      await pg.query("ANALYZE shop, stock_location, stock_location_address, sales_channel_stock_location")
      log(`vacuum + analyze in ${((Date.now() - t) / 1000).toFixed(1)} s`)
    }
    await verify(container, opts, onlineId, shops, variants, log)
    if (history.days) {
      await loadScaleHistory(container, pg, { shops, variants, days: history.days, seed: opts.seed, chunk: opts.chunk, log })
    }
    log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s; publishable key ${token}`)
  } finally {
    await pg.query("SELECT pg_advisory_unlock(hashtext('mendian:seed-scale'))").catch(() => {})
    await knex.client.releaseConnection(pg)
  }
}

/** Store in CNY, the China region, the online channel and its publishable key. */
async function setUp(container: MedusaContainer, log: Log) {
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  let [online] = await salesChannels.listSalesChannels({ name: ONLINE_CHANNEL })
  if (!online) {
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: { salesChannelsData: [{ name: ONLINE_CHANNEL, description: "App, mini-program and web shop" }] },
    })
    online = result[0]
  }
  const [store] = await container.resolve(Modules.STORE).listStores()
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "Mendian 门店连锁",
        supported_currencies: [{ currency_code: "cny", is_default: true }],
        default_sales_channel_id: online.id,
      },
    },
  })
  if (!(await container.resolve(Modules.REGION).listRegions({ name: "中国 China" })).length) {
    await createRegionsWorkflow(container).run({
      input: { regions: [{ name: "中国 China", currency_code: "cny", countries: ["cn"], payment_providers: ["pp_system_default"] }] },
    })
    await createTaxRegionsWorkflow(container).run({ input: [{ country_code: "cn", provider_id: "tp_system" }] })
  }
  const apiKeys = container.resolve(Modules.API_KEY)
  let key = (await apiKeys.listApiKeys({ title: STOREFRONT_KEY, type: "publishable" })).find((k) => !k.revoked_at)
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: STOREFRONT_KEY, type: "publishable", created_by: "seed-scale" }] },
    })
    key = result[0]
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [online.id] } })
  }
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  if (!(await fulfillment.listShippingProfiles({ type: "default" })).length) {
    await createShippingProfilesWorkflow(container).run({ input: { data: [{ name: "Default", type: "default" }] } })
  }
  log("store, region, online channel and publishable key ready")
  return { onlineId: online.id, token: key.token }
}

async function loadTerritories(container: MedusaContainer, log: Log) {
  const service = container.resolve<ShopsModuleService>(SHOPS_MODULE)
  const ids = new Map((await service.listTerritories({}, { select: ["id", "code"] })).map((t) => [t.code, t.id]))
  for (const t of buildTerritories()) {
    if (ids.has(t.code)) continue
    const { result } = await createTerritoryWorkflow(container).run({
      input: {
        code: t.code,
        name: t.name,
        level: t.level,
        parent_id: t.parent_code ? ids.get(t.parent_code)! : null,
        metadata: { name_en: t.name_en },
      },
    })
    ids.set(t.code, result.id)
  }
  log(`${ids.size} territories`)
  return ids
}

/** Categories and products through Medusa's workflows; returns the variants with their inventory items. */
async function loadCatalogue(container: MedusaContainer, opts: ScaleOptions, onlineId: string, log: Log): Promise<ScaleVariant[]> {
  const catalog = scaleCatalog(opts.variants, opts.seed)
  const products = container.resolve(Modules.PRODUCT)
  const categoryIds = await ensureCategories(container, catalog.categories)

  const known = new Set(
    (await products.listProducts({ handle: catalog.products.map((p) => p.handle) }, { select: ["handle"] })).map((p) => p.handle)
  )
  const missing = catalog.products.filter((p) => !known.has(p.handle))
  const progress = new Progress("variants", missing.reduce((n, p) => n + p.variants.length, 0), "variants")
  for (const batch of chunks(missing, PRODUCT_BATCH)) {
    await createProductsWorkflow(container).run({
      input: {
        products: batch.map((p) => ({
          title: p.title,
          handle: p.handle,
          description: p.description,
          status: "published" as const,
          category_ids: [categoryIds.get(p.category_handle)!],
          options: p.options.map((o) => ({ title: o.title, values: o.values })),
          metadata: { title_en: p.metadata.title_en },
          sales_channels: [{ id: onlineId }],
          variants: p.variants.map((v) => ({
            title: v.title,
            sku: v.sku,
            barcode: v.barcode,
            options: v.options,
            weight: v.weight_g,
            manage_inventory: true,
            allow_backorder: v.allow_backorder,
            prices: [{ currency_code: "cny", amount: v.price_cny }],
          })),
        })),
      },
    })
    progress.add(batch.reduce((n, p) => n + p.variants.length, 0))
  }
  if (missing.length) progress.finish()

  const wanted = catalog.products.flatMap((p) => p.variants.map((v) => ({ ...v, top_category: p.top_category })))
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "variant",
    fields: ["id", "sku", "inventory_items.inventory_item_id"],
    filters: { sku: wanted.map((v) => v.sku) },
  })
  const bySku = new Map((data as any[]).map((v) => [v.sku, v]))
  const variants = wanted.map((v) => {
    const row = bySku.get(v.sku)
    const item = row?.inventory_items?.[0]?.inventory_item_id
    if (!item) {
      throw new Error(
        `variant ${v.sku} is missing or keeps no inventory: this database was seeded with another --variants ` +
          `(or a product batch was cut off mid-way); seed a fresh database`
      )
    }
    return { ...v, id: row.id, inventory_item_id: item, hash: Math.imul(hashString(v.sku), 0x9e3779b1) }
  })
  log(`${catalog.products.length} products, ${variants.length} variants with inventory items (${missing.length} products created now)`)
  return variants
}

/** Shops, their stock locations and addresses, and the location ↔ online channel links, by COPY. */
async function loadShops(
  pg: PgClient,
  opts: ScaleOptions,
  onlineId: string,
  territoryIds: Map<string, string>,
  log: Log
): Promise<LoadedShop[]> {
  const shops = buildScaleShops(opts.shops, opts.seed)
  const existing = async () =>
    new Map<string, string>(
      (
        await pg.query("SELECT code, stock_location_id FROM shop WHERE deleted_at IS NULL AND code = ANY($1)", [
          shops.map((s) => s.code),
        ])
      ).rows.map((r: any) => [r.code, r.stock_location_id])
    )
  const before = await existing()
  const missing = shops.filter((s) => !before.has(s.code))
  log(`shops: ${before.size} exist, ${missing.length} to load`)

  if (missing.length) {
    const progress = new Progress("shops", missing.length, "shops")
    for (const batch of chunks(missing, SHOP_BATCH)) {
      const addresses: string[] = []
      const locations: string[] = []
      const links: string[] = []
      const rows: string[] = []
      for (const s of batch) {
        const addressId = generateEntityId(undefined, "laddr")
        const locationId = generateEntityId(undefined, "sloc")
        // As createShopsWorkflow builds them (src/workflows/shops/create-shops.ts).
        addresses.push(copyLine([addressId, s.address || s.name, s.city, "cn", s.phone, s.province]))
        locations.push(copyLine([locationId, `${s.name} (${s.code})`, addressId, { shop_code: s.code }]))
        links.push(copyLine([generateEntityId(undefined, "scloc"), onlineId, locationId]))
        rows.push(
          copyLine([
            generateEntityId(undefined, "shop"), s.code, s.name, s.kind, s.status, s.latitude, s.longitude,
            s.address, s.city, s.province, s.phone, s.floor_area_m2, s.staff_count, s.opening_hours,
            s.closures, s.timezone, locationId, territoryIds.get(s.district_code) ?? null, { name_en: s.name_en },
          ])
        )
      }
      await inTransaction(pg, async () => {
        await copyInto(pg, "stock_location_address", ["id", "address_1", "city", "country_code", "phone", "province"], [addresses.join("")])
        await copyInto(pg, "stock_location", ["id", "name", "address_id", "metadata"], [locations.join("")])
        await copyInto(pg, "sales_channel_stock_location", ["id", "sales_channel_id", "stock_location_id"], [links.join("")])
        await copyInto(
          pg,
          "shop",
          [
            "id", "code", "name", "kind", "status", "latitude", "longitude", "address", "city", "province", "phone",
            "floor_area_m2", "staff_count", "opening_hours", "closures", "timezone", "stock_location_id", "territory_id", "metadata",
          ],
          [rows.join("")]
        )
      })
      progress.add(batch.length)
    }
    progress.finish()
  }

  const locationOf = await existing()
  return shops.map((s) => ({ code: s.code, kind: s.kind, status: s.status, stock_location_id: locationOf.get(s.code)! }))
}

/**
 * One inventory level per shop × variant, stocked as the demo chain's stock generator says
 * for the pairs it carries and 0 for the others; committed per chunk of shops. Returns how
 * many levels were written.
 */
async function loadLevels(pg: PgClient, opts: ScaleOptions, shops: LoadedShop[], variants: ScaleVariant[], log: Log) {
  const itemIds = variants.map((v) => v.inventory_item_id)
  const { rows } = await pg.query(
    `SELECT location_id, count(*)::int AS n FROM inventory_level
      WHERE deleted_at IS NULL AND location_id = ANY($1) AND inventory_item_id = ANY($2)
      GROUP BY location_id`,
    [shops.map((s) => s.stock_location_id), itemIds]
  )
  const have = new Map<string, number>(rows.map((r: any) => [r.location_id, r.n]))
  const todo = shops.filter((s) => (have.get(s.stock_location_id) ?? 0) < variants.length)
  const total = todo.reduce((n, s) => n + variants.length - (have.get(s.stock_location_id) ?? 0), 0)
  log(`inventory levels: ${shops.length - todo.length} shops complete, ${total.toLocaleString("en-US")} levels to load`)
  if (!todo.length) return 0

  const newId = entityIdFactory()
  const progress = new Progress("inventory levels", total)
  for (const batch of chunks(todo, opts.chunk)) {
    // Only a changed variant set leaves a shop partly loaded: then only its missing pairs go in.
    const partial = batch.filter((s) => have.get(s.stock_location_id))
    const present = new Map<string, Set<string>>()
    if (partial.length) {
      const { rows: existing } = await pg.query(
        "SELECT location_id, inventory_item_id FROM inventory_level WHERE deleted_at IS NULL AND location_id = ANY($1)",
        [partial.map((s) => s.stock_location_id)]
      )
      for (const r of existing) {
        if (!present.has(r.location_id)) present.set(r.location_id, new Set())
        present.get(r.location_id)!.add(r.inventory_item_id)
      }
    }
    function* lines() {
      for (const shop of batch) {
        const shopSeed = deriveSeed(opts.seed, `stock:${shop.code}`)
        const skip = present.get(shop.stock_location_id)
        let text = ""
        let n = 0
        for (const v of variants) {
          if (skip?.has(v.inventory_item_id)) continue
          // The same random stream per (shop, SKU) as stockFor(), so carried pairs match the demo chain.
          const q = stockLevel(shop, v, createRng(mix32(shopSeed ^ v.hash))) ?? 0
          text += `${newId("ilev")}\t${v.inventory_item_id}\t${shop.stock_location_id}\t${q}\t0\t0\t${rawNumber(q)}\t${RAW_ZERO}\t${RAW_ZERO}\n`
          n++
        }
        yield text
        progress.add(n)
      }
    }
    await inTransaction(pg, () =>
      copyInto(
        pg,
        "inventory_level",
        [
          "id", "inventory_item_id", "location_id", "stocked_quantity", "reserved_quantity", "incoming_quantity",
          "raw_stocked_quantity", "raw_reserved_quantity", "raw_incoming_quantity",
        ],
        lines()
      )
    )
  }
  progress.finish()
  return progress.done
}

/** Reads the loaded data back through Medusa: the inventory module and the nearest-shop query. */
async function verify(
  container: MedusaContainer,
  opts: ScaleOptions,
  onlineId: string,
  shops: LoadedShop[],
  variants: ScaleVariant[],
  log: Log
) {
  const service = container.resolve<ShopsModuleService>(SHOPS_MODULE)
  const [sample] = await service.listShops(
    { code: shops.filter((s) => s.status === "open" && s.kind !== "warehouse").map((s) => s.code).slice(0, 1) },
    { select: ["code", "latitude", "longitude", "stock_location_id"] }
  )
  const inventory = container.resolve(Modules.INVENTORY)
  const [levels, count] = await inventory.listAndCountInventoryLevels(
    { location_id: sample.stock_location_id },
    { select: ["inventory_item_id", "stocked_quantity", "reserved_quantity"], take: 3 }
  )
  if (count < variants.length) {
    throw new Error(`inventory module lists ${count} levels at ${sample.code}, expected ${variants.length}`)
  }
  const rng = createRng(opts.seed)
  const picked = [0, 1, 2].map(() => rng.pick(variants).id)
  const near = await findNearbyShops(container, {
    lat: sample.latitude,
    lng: sample.longitude,
    radius_km: 50,
    sales_channel_ids: [onlineId],
    variant_ids: picked,
    limit: 20,
    offset: 0,
  })
  const first = near.shops[0] as any
  if (!near.count || first?.availability?.length !== picked.length) {
    throw new Error(`findNearbyShops found ${near.count} shops near ${sample.code} without availability for ${picked.join(", ")}`)
  }
  log(
    `verified: ${count} levels at ${sample.code} through the inventory module (e.g. stocked ${levels
      .map((l) => Number(l.stocked_quantity))
      .join(", ")}); ${near.count} shops within 50 km of it, nearest ${first.code} with ` +
      first.availability.map((a: any) => a.available_quantity).join("/") +
      " units of 3 variants"
  )
}
