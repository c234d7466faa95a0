import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createInventoryLevelsWorkflow,
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
import { createShopsWorkflow } from "../workflows/shops/create-shops"
import { createTerritoryWorkflow } from "../workflows/territories"
import { buildCatalog, buildShops, buildTerritories, stockFor } from "./demo-chain"
import { chunks, ensureCategories } from "./common/seed-helpers"
import { seedDemoOrders } from "./demo-orders"
import { demoHistoryDays, seedDemoHistory } from "./demand-history/demo"

const ONLINE_CHANNEL = "Online 线上商城"
const STOREFRONT_KEY = "Mendian storefront"
const BATCH = 50


/**
 * The demo chain: store in CNY, a China region, territories, shops with their locations and
 * channels, a catalogue and stock at every shop. Safe to run again: whatever exists is kept.
 * DEMO_SIZE=small builds a chain of a few cities for quick runs (CI, e2e).
 */
export default async function seedDemo({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const size = process.env.DEMO_SIZE === "small" ? "small" : "full"
  const step = (msg: string) => logger.info(`[seed ${size}] ${msg}`)

  // Store, currency, region, tax region.
  const storeModule = container.resolve(Modules.STORE)
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  let [online] = await salesChannels.listSalesChannels({ name: ONLINE_CHANNEL })
  if (!online) {
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: { salesChannelsData: [{ name: ONLINE_CHANNEL, description: "App, mini-program and web shop" }] },
    })
    online = result[0]
  }
  const [store] = await storeModule.listStores()
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
  const regions = container.resolve(Modules.REGION)
  if (!(await regions.listRegions({ name: "中国 China" })).length) {
    await createRegionsWorkflow(container).run({
      input: { regions: [{ name: "中国 China", currency_code: "cny", countries: ["cn"], payment_providers: ["pp_system_default"] }] },
    })
    await createTaxRegionsWorkflow(container).run({ input: [{ country_code: "cn", provider_id: "tp_system" }] })
  }
  step("store, region and online channel ready")

  // Publishable key for storefronts.
  const apiKeys = container.resolve(Modules.API_KEY)
  let [key] = await apiKeys.listApiKeys({ title: STOREFRONT_KEY, type: "publishable" })
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: STOREFRONT_KEY, type: "publishable", created_by: "seed" }] },
    })
    key = result[0]
  }
  // Checked on every run: a run that died between creating the key and linking it is mended.
  const { data: [keyChannels] } = await query.graph({
    entity: "api_key",
    fields: ["sales_channels.id"],
    filters: { id: key.id },
  })
  if (!(keyChannels?.sales_channels ?? []).some((c: any) => c?.id === online.id)) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [online.id] } })
  }

  const fulfillment = container.resolve(Modules.FULFILLMENT)
  let [shippingProfile] = await fulfillment.listShippingProfiles({ type: "default" })
  if (!shippingProfile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default", type: "default" }] },
    })
    shippingProfile = result[0]
  }

  // Territories, parents first.
  const shopsService = container.resolve<ShopsModuleService>(SHOPS_MODULE)
  const territoryId = new Map(
    (await shopsService.listTerritories({}, { select: ["id", "code"] })).map((t) => [t.code, t.id])
  )
  for (const t of buildTerritories()) {
    if (territoryId.has(t.code)) continue
    const { result } = await createTerritoryWorkflow(container).run({
      input: {
        code: t.code,
        name: t.name,
        level: t.level,
        parent_id: t.parent_code ? territoryId.get(t.parent_code)! : null,
        metadata: { name_en: t.name_en },
      },
    })
    territoryId.set(t.code, result.id)
  }
  step(`${territoryId.size} territories`)

  // Shops with their locations, POS channels and pickup options.
  const shops = buildShops({ size })
  const existing = new Set(
    (await shopsService.listShops({ code: shops.map((s) => s.code) }, { select: ["code"] })).map((s) => s.code)
  )
  const missing = shops.filter((s) => !existing.has(s.code))
  for (const [i, batch] of chunks(missing, BATCH).entries()) {
    await createShopsWorkflow(container).run({
      input: {
        shops: batch.map(({ district_code, name_en, ...s }) => ({
          ...s,
          territory_id: territoryId.get(district_code) ?? null,
          sales_channel_ids: [online.id],
          metadata: { name_en },
        })) as any,
      },
    })
    step(`shops ${Math.min((i + 1) * BATCH, missing.length)}/${missing.length}`)
  }
  const shopRows = await shopsService.listShops(
    { code: shops.map((s) => s.code) },
    { select: ["id", "code", "kind", "status", "stock_location_id"] }
  )
  const locationOf = new Map(shopRows.map((s) => [s.code, s.stock_location_id]))
  const posChannels = await salesChannels.listSalesChannels({}, { select: ["id", "metadata"] })
  const channelIds = [online.id, ...posChannels.filter((c) => c.metadata?.channel === "pos").map((c) => c.id)]

  // Catalogue, sold online and at every till.
  const catalog = buildCatalog({ size })
  const productModule = container.resolve(Modules.PRODUCT)
  const categoryId = await ensureCategories(container, catalog.categories)
  const knownHandles = new Set(
    (await productModule.listProducts({ handle: catalog.products.map((p) => p.handle) }, { select: ["handle"] })).map((p) => p.handle)
  )
  const newProducts = catalog.products.filter((p) => !knownHandles.has(p.handle))
  for (const [i, batch] of chunks(newProducts, 25).entries()) {
    await createProductsWorkflow(container).run({
      input: {
        products: batch.map((p: any) => ({
          title: p.title,
          handle: p.handle,
          description: p.description,
          status: "published" as const,
          category_ids: [categoryId.get(p.category_handle)!],
          // Pickup and delivery options serve the default profile; a product outside it could not be sold.
          shipping_profile_id: shippingProfile.id,
          options: p.options,
          metadata: { title_en: p.title_en },
          sales_channels: channelIds.map((id) => ({ id })),
          variants: p.variants.map((v: any) => ({
            title: v.title,
            sku: v.sku,
            options: v.options,
            weight: v.weight_g,
            manage_inventory: v.manage_inventory,
            allow_backorder: v.allow_backorder,
            prices: [{ currency_code: "cny", amount: v.price_cny }],
          })),
        })),
      },
    })
    step(`products ${Math.min((i + 1) * 25, newProducts.length)}/${newProducts.length}`)
  }

  // Stock at every shop that carries the variant.
  const { data: variants } = await query.graph({
    entity: "variant",
    fields: ["sku", "inventory_items.inventory_item_id"],
    filters: { sku: catalog.products.flatMap((p: any) => p.variants.map((v: any) => v.sku)) },
  })
  const itemOf = new Map(variants.filter((v: any) => v.inventory_items?.length).map((v: any) => [v.sku, v.inventory_items[0].inventory_item_id]))
  const inventory = container.resolve(Modules.INVENTORY)
  const stocked = new Set(
    (await inventory.listInventoryLevels({ location_id: [...locationOf.values()] }, { select: ["inventory_item_id", "location_id"] }))
      .map((l) => `${l.inventory_item_id}|${l.location_id}`)
  )
  const levels = [...stockFor(shops, catalog)]
    .map((s) => ({ inventory_item_id: itemOf.get(s.sku)!, location_id: locationOf.get(s.shop_code)!, stocked_quantity: s.stocked_quantity }))
    .filter((l) => l.inventory_item_id && l.location_id && !stocked.has(`${l.inventory_item_id}|${l.location_id}`))
  for (const [i, batch] of chunks(levels, 5000).entries()) {
    await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: batch } })
    step(`inventory levels ${Math.min((i + 1) * 5000, levels.length)}/${levels.length}`)
  }

  const [region] = await regions.listRegions({ name: "中国 China" })
  await seedDemoOrders(container, {
    target: size === "small" ? 40 : 240,
    shops: shopRows.filter((s) => s.status === "open" && s.kind !== "warehouse"),
    onlineChannelId: online.id,
    regionId: region.id,
    log: step,
  })

  // Generated daily demand history (issue 3) for every carried shop × variant pair.
  await seedDemoHistory(container, { shops: shopRows, catalog, log: step })
  // The history says these shelves have been stocked all along; levels created just now would
  // make every item a new arrival, which the slow-mover list rightly ignores.
  await container
    .resolve(ContainerRegistrationKeys.PG_CONNECTION)
    .raw(`UPDATE inventory_level SET created_at = now() - make_interval(days => ?) WHERE location_id = ANY(?) AND created_at > now() - make_interval(days => ?)`, [
      demoHistoryDays(),
      [...locationOf.values()],
      demoHistoryDays(),
    ])

  step(`done: ${shopRows.length} shops, ${catalog.products.length} products, publishable key ${key.token}`)
}
