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
import { TRANSFERS_MODULE } from "../modules/transfers"
import type TransfersModuleService from "../modules/transfers/service"
import { buildDeliveryRunsWorkflow } from "../workflows/transfers/delivery/build-delivery-runs"
import { createTransferPlanWorkflow } from "../workflows/transfers/planning/create-transfer-plan"
import { createTransferWorkflow } from "../workflows/transfers/create-transfer"
import {
  approveTransferWorkflow,
  cancelTransferWorkflow,
  receiveTransferWorkflow,
  requestTransferWorkflow,
  shipTransferWorkflow,
} from "../workflows/transfers/transfer-action"
import {
  buildCatalog,
  buildShops,
  buildTerritories,
  DEMO_DEPOT_FLEET,
  demoDepots,
  demoNetwork,
  demoTransfers,
  stockFor,
  type DemoCatalog,
  type DemoShop,
  type DemoTransfer,
} from "./demo-chain"
import { chunks, ensureCategories } from "./common/seed-helpers"
import { seedDemoMembership } from "./demo-membership"
import { seedDemoOrders } from "./demo-orders"
import { seedDemoPresales } from "./demo-presale"
import { demoHistoryDays, seedDemoHistory } from "./demand-history/demo"

const ONLINE_CHANNEL = "Online 线上商城"
const STOREFRONT_KEY = "Mendian storefront"
const BATCH = 50
/** The actor of everything the seed does to transfers: how a re-run recognises its own documents. */
const SEED_ACTOR = "seed-demo"
/** At most this many shortfalls in the demo's stored plan, so its page stays readable. */
const PLAN_LINES = 40


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

  await seedDemoTransfers(container, { shops, catalog, log: step })
  await seedDemoMembership(container, { log: step })
  await seedDemoPresales(container, { onlineChannelId: online.id, log: step })

  step(`done: ${shopRows.length} shops, ${catalog.products.length} products, publishable key ${key.token}`)
}

/** The actions that take a transfer created as requested (or draft) to a demo state. */
const PATH: Record<DemoTransfer["state"], string[]> = {
  draft: [],
  requested: [],
  approved: ["approve"],
  in_transit: ["approve", "ship"],
  partially_received: ["approve", "ship", "receive"],
  received: ["approve", "ship", "receive"],
  cancelled: ["cancel"],
}
/** The status each action leaves a transfer in (receive: whichever the receipt makes it). */
const AFTER: Record<string, string[]> = { approve: ["approved"], ship: ["in_transit"], receive: ["partially_received", "received"], cancel: ["cancelled"] }

/**
 * Issue 4's documents for the admin's transfer pages, made through the same workflows as the
 * Admin API: a fleet at every warehouse (POST /admin/depot-fleets writes the module directly, as
 * here), transfers from the head-office city's DC in every state of the lifecycle, one stored
 * dry-run plan over the city's other shortfalls, and the DC's delivery runs for today. What they
 * contain comes from src/scripts/demo-chain/network.ts. A re-run recognises its documents by
 * their actor and note and only finishes what a broken run left half done.
 */
async function seedDemoTransfers(
  container: ExecArgs["container"],
  { shops, catalog, log }: { shops: DemoShop[]; catalog: DemoCatalog; log: (msg: string) => void }
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service = container.resolve<TransfersModuleService>(TRANSFERS_MODULE)
  const shopsService = container.resolve<ShopsModuleService>(SHOPS_MODULE)
  const rows = await shopsService.listShops({ code: shops.map((s) => s.code) }, { select: ["id", "code", "stock_location_id"] })
  const shopOf = new Map(rows.map((r) => [r.code, r]))

  // Fleets: every warehouse; a fleet someone changed is kept.
  let fleets = 0
  for (const depot of demoDepots(shops)) {
    const location_id = shopOf.get(depot.code)?.stock_location_id
    if (!location_id || (await service.listDepotFleets({ location_id })).length) continue
    await service.createDepotFleets({ location_id, ...DEMO_DEPOT_FLEET } as any)
    fleets++
  }

  const network = demoNetwork(shops, catalog)
  const { transfers, remaining } = demoTransfers(shops, network)
  if (!transfers.length) return log(`transfers: no distribution centre in the demo's head-office city (${fleets} fleets)`)
  const skus = [...new Set([...transfers.flatMap((t) => t.lines), ...remaining].map((l) => l.sku))]
  const { data: variants } = await query.graph({ entity: "variant", fields: ["id", "sku"], filters: { sku: skus } })
  const variantOf = new Map((variants as any[]).map((v) => [v.sku, v.id as string]))
  const location = (code: string) => shopOf.get(code)?.stock_location_id as string

  const existing = new Map(
    ((await service.listTransfers({ created_by: SEED_ACTOR } as any, { select: ["id", "status", "note"], take: null as any })) as any[]).map((t) => [t.note, t])
  )
  let created = 0
  let moved = 0
  for (const t of transfers) {
    let doc = existing.get(t.key)
    if (!doc) {
      const { result } = await createTransferWorkflow(container).run({
        input: {
          source: { location_id: location(t.source_code) },
          lines: t.lines.map((l) => ({ destination: { location_id: location(l.shop_code) }, variant_id: variantOf.get(l.sku)!, quantity: l.quantity })),
          origin: t.lines.length > 1 && new Set(t.lines.map((l) => l.shop_code)).size > 1 ? "distribution" : "manual",
          reason: t.reason,
          note: t.key,
          submit: t.state !== "draft",
          actor: SEED_ACTOR,
        },
      })
      doc = result
      created++
    }
    // Walk the rest of the way; a run that died part-way resumes where the document stands.
    const path = PATH[t.state]
    const done = path.findIndex((a) => AFTER[a].includes(doc.status))
    if (doc.status === t.state) continue
    for (const action of path.slice(done + 1)) {
      const input: any = { id: doc.id, actor: SEED_ACTOR }
      if (action === "receive") {
        const lines = await service.listTransferLines({ transfer_id: doc.id } as any, { select: ["id", "destination_location_id", "variant_id"] })
        input.lines = t.lines.map((l, i) => ({
          id: (lines as any[]).find((x) => x.destination_location_id === location(l.shop_code) && x.variant_id === variantOf.get(l.sku))!.id,
          ...t.receipt![i],
        }))
      }
      const workflow = { approve: approveTransferWorkflow, ship: shipTransferWorkflow, receive: receiveTransferWorkflow, cancel: cancelTransferWorkflow, request: requestTransferWorkflow }[action]!
      const { result } = await workflow(container).run({ input })
      doc = { ...doc, status: result.status }
      moved++
    }
  }
  log(`transfers: ${created} created, ${moved} actions, ${transfers.length} demo transfers; ${fleets} depot fleets added`)

  // One stored dry run over the city's shortfalls no demo transfer covers.
  const [planned] = await service.listTransferPlans({ created_by: SEED_ACTOR } as any, { select: ["id"] })
  const city = shops.filter((s) => s.city_code === shops.find((x) => x.code === transfers[0].source_code)!.city_code && s.status === "open")
  const shortfall = remaining
    .filter((l) => variantOf.has(l.sku) && shopOf.has(l.shop_code))
    .slice(0, PLAN_LINES)
    .map((l) => ({ shop_id: shopOf.get(l.shop_code)!.id, variant_id: variantOf.get(l.sku)!, quantity: l.quantity }))
  if (!planned && shortfall.length) {
    const { result } = await createTransferPlanWorkflow(container).run({
      input: { shop_ids: city.map((s) => shopOf.get(s.code)!.id).filter(Boolean), shortfall, actor: SEED_ACTOR },
    })
    log(`transfer plan: ${shortfall.length} shortfalls, cost ${Math.round((result as any).total_cost)} against greedy ${Math.round((result as any).baseline_cost ?? 0)}`)
  }

  // Today's runs for the distribution centre's approved transfers.
  const depot = location(transfers[0].source_code)
  const runs = await service.listDeliveryRuns({ depot_location_id: depot, created_by: SEED_ACTOR } as any, { select: ["id"] })
  if (!runs.length) {
    const { result } = await buildDeliveryRunsWorkflow(container).run({ input: { depot: { location_id: depot }, actor: SEED_ACTOR } })
    log(`delivery runs ${result.date}: ${(result.runs as any[]).length} runs, ${result.totals.km.toFixed(1)} km against ${result.baseline.km.toFixed(1)} km one trip per transfer`)
  }
}
