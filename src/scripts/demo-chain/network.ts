/**
 * The demo chain as a stock network (issue 4): what each shop should hold, its safety stock,
 * and from these the shortfalls and surplus the transfer planner sees; the depots' fleets; and
 * the handful of demo transfers the seed walks through their states. Pure and deterministic,
 * like the rest of demo-chain: the seed loads it into Medusa, bench/routes plans and routes it.
 *
 * The demo has no stock policies until the nightly replenishment job has run, so a documented
 * rule stands in for them (over the opening stock of stock.ts):
 * - **par** of a retail shop × variant = the middle of its normal stock range (the kind's and
 *   category's depth × the size factor), at least 4 — what stockLevel draws on average;
 * - **safety stock** = ⌈par / 2⌉ at a retail shop, WAREHOUSE_SAFETY_STOCK at a warehouse;
 * - an open retail shop holding less than its safety stock is **short** by par − stock (the
 *   empty and nearly empty shelves: about SHORT_ZERO + SHORT_LOW of what it carries);
 *   warehouses are restocked by purchasing, not by transfers, so they are never short;
 * - every other open location offers what it holds **above its safety stock** as surplus — the
 *   app's plan instance does the same with the stock policies' safety stock.
 */
import { parseTimeOfDay } from "../../lib/opening-hours"
import type { DemoCatalog } from "./catalog"
import type { DemoShop } from "./shops"
import { DEPTH, SIZE_DEPTH, stockFor } from "./stock"

/** Units a warehouse keeps back for online orders and purchasing lead time. */
export const WAREHOUSE_SAFETY_STOCK = 100

export type NetworkLine = { shop_code: string; sku: string; quantity: number }

export interface DemoNetwork {
  /** Open retail shop × variant below its safety stock: units to bring it back to par. */
  shortfall: NetworkLine[]
  /** Open location × variant: units above its safety stock. */
  surplus: NetworkLine[]
  /** Stock of every carried pair, "shop|sku" → units. */
  stock: Map<string, number>
}

/** Par and safety stock of one shop × variant (see the module comment). */
export function stockTargets(kind: DemoShop["kind"], topCategory: string, size: string | undefined): { par: number; safety: number } {
  if (kind === "warehouse") return { par: WAREHOUSE_SAFETY_STOCK, safety: WAREHOUSE_SAFETY_STOCK }
  const range = (DEPTH as any)[kind]?.[topCategory] as [number, number] | undefined
  if (!range || range[1] === 0) return { par: 0, safety: 0 }
  const factor = size ? SIZE_DEPTH[size] ?? 1 : 1
  const par = Math.max(4, Math.round(((range[0] + range[1]) / 2) * factor))
  return { par, safety: Math.ceil(par / 2) }
}

/** Shortfalls and surplus of the open shops and warehouses of a chain under the rule above. */
export function demoNetwork(shops: readonly DemoShop[], catalog: Pick<DemoCatalog, "products">, seed?: number): DemoNetwork {
  const byCode = new Map(shops.map((s) => [s.code, s]))
  const variant = new Map<string, { top: string; size?: string }>()
  for (const p of catalog.products) for (const v of p.variants) variant.set(v.sku, { top: p.top_category, size: v.options["尺码"] })
  const shortfall: NetworkLine[] = []
  const surplus: NetworkLine[] = []
  const stock = new Map<string, number>()
  for (const e of stockFor(shops, catalog, seed)) {
    stock.set(`${e.shop_code}|${e.sku}`, e.stocked_quantity)
    const shop = byCode.get(e.shop_code)!
    if (shop.status !== "open") continue
    const v = variant.get(e.sku)!
    const { par, safety } = stockTargets(shop.kind, v.top, v.size)
    if (shop.kind !== "warehouse" && e.stocked_quantity < safety) shortfall.push({ shop_code: e.shop_code, sku: e.sku, quantity: par - e.stocked_quantity })
    else if (e.stocked_quantity > safety) surplus.push({ shop_code: e.shop_code, sku: e.sku, quantity: e.stocked_quantity - safety })
  }
  return { shortfall, surplus, stock }
}

/** The regional distribution centres and the forward warehouse: every warehouse of the chain. */
export function demoDepots(shops: readonly DemoShop[]): DemoShop[] {
  return shops.filter((s) => s.kind === "warehouse" && s.status === "open")
}

/**
 * A depot's delivery fleet in the shape of POST /admin/depot-fleets: six box vans of 800 units,
 * out from 05:00 and back by 21:00, at most 500 km and 12 hours a run, 45 km/h on average,
 * 15 minutes to unload at a shop. Shops that send stock have none: the app then uses its default
 * (two vans of 300 units from 06:00, DEFAULT_FLEET in the delivery-runs workflow).
 */
export const DEMO_DEPOT_FLEET = {
  vehicle_count: 6,
  capacity_units: 800,
  capacity_volume: null,
  max_route_km: 500,
  max_duration_minutes: 720,
  speed_kmh: 45,
  service_minutes: 15,
  available_from: "05:00",
  available_until: "21:00",
} as const

export type FleetRow = {
  vehicle_count: number
  capacity_units: number
  capacity_volume?: number | null
  max_route_km?: number | null
  max_duration_minutes?: number | null
  speed_kmh: number
  service_minutes: number
  available_from: string
  available_until?: string | null
}

/** A fleet row as src/lib/routing's VehicleFleet, mapped as the delivery-runs workflow maps it. */
export function fleetVehicles(fleet: FleetRow) {
  return {
    count: fleet.vehicle_count,
    capacityUnits: fleet.capacity_units,
    ...(fleet.capacity_volume ? { capacityVolume: fleet.capacity_volume } : {}),
    ...(fleet.max_route_km ? { maxRouteKm: fleet.max_route_km } : {}),
    ...(fleet.max_duration_minutes ? { maxDurationMinutes: fleet.max_duration_minutes } : {}),
    speedKmh: fleet.speed_kmh,
    serviceMinutes: fleet.service_minutes,
    availableFrom: parseTimeOfDay(fleet.available_from) ?? 0,
    ...(fleet.available_until ? { availableUntil: parseTimeOfDay(fleet.available_until, true) ?? undefined } : {}),
  }
}

// ---------------------------------------------------------------------------------------------
// The seed's demo transfers

export type DemoTransferState = "draft" | "requested" | "approved" | "in_transit" | "partially_received" | "received" | "cancelled"

export interface DemoTransfer {
  /** Stable label, also the transfer's note: which demo transfer this is. */
  key: string
  state: DemoTransferState
  source_code: string
  reason: string
  lines: NetworkLine[]
  /** For partially_received and received: per line index what arrives. */
  receipt?: { received: number; damaged?: number }[]
}

/** Which states the demo shows, and to which of the city's shops (indices, wrapping) each goes. */
const DEMO_TRANSFER_PLAN: { key: string; state: DemoTransferState; destinations: number[]; reason: string }[] = [
  { key: "demo-draft", state: "draft", destinations: [0], reason: "补货草稿 Restock draft" },
  { key: "demo-requested", state: "requested", destinations: [1, 2], reason: "门店要货 Shop request" },
  { key: "demo-approved-distribution", state: "approved", destinations: [2, 3, 4], reason: "配送中心铺货 DC distribution" },
  { key: "demo-approved", state: "approved", destinations: [5], reason: "缺货补货 Out-of-stock restock" },
  { key: "demo-in-transit", state: "in_transit", destinations: [6, 3], reason: "缺货补货 Out-of-stock restock" },
  { key: "demo-partially-received", state: "partially_received", destinations: [7], reason: "缺货补货 Out-of-stock restock" },
  { key: "demo-received", state: "received", destinations: [8], reason: "缺货补货 Out-of-stock restock" },
  { key: "demo-cancelled", state: "cancelled", destinations: [9], reason: "重复要货 Duplicate request" },
]
const LINES_PER_DESTINATION = 2

/**
 * The demo transfers: from the head-office city's distribution centre to its open shops, each
 * line one of the shop's shortfalls (par − stock) the centre holds comfortably, no shortfall on
 * two transfers. Returns the transfers and the shortfalls of the city they leave uncovered
 * (for the demo's stored plan).
 */
export function demoTransfers(shops: readonly DemoShop[], network: DemoNetwork, cityCode = "KM"): { transfers: DemoTransfer[]; remaining: NetworkLine[] } {
  const dc = shops.find((s) => s.kind === "warehouse" && s.city_code === cityCode && s.status === "open")
  if (!dc) return { transfers: [], remaining: [] }
  const city = shops.filter((s) => s.city_code === cityCode && s.kind !== "warehouse" && s.status === "open").sort((a, b) => a.code.localeCompare(b.code))
  const pending = new Map(city.map((s) => [s.code, [] as NetworkLine[]]))
  for (const l of network.shortfall) pending.get(l.shop_code)?.push(l)
  for (const lines of pending.values()) lines.sort((a, b) => a.sku.localeCompare(b.sku))
  const dcHolds = (sku: string, q: number) => (network.stock.get(`${dc.code}|${sku}`) ?? 0) >= q + WAREHOUSE_SAFETY_STOCK
  const transfers: DemoTransfer[] = []
  if (!city.length) return { transfers, remaining: [] }
  for (const spec of DEMO_TRANSFER_PLAN) {
    const lines: NetworkLine[] = []
    for (const i of spec.destinations) {
      const queue = pending.get(city[i % city.length].code)!
      let taken = 0
      for (let k = 0; k < queue.length && taken < LINES_PER_DESTINATION; ) {
        const l = queue[k]
        if (dcHolds(l.sku, l.quantity) && !lines.some((x) => x.shop_code === l.shop_code && x.sku === l.sku)) {
          lines.push(l)
          queue.splice(k, 1)
          taken++
        } else k++
      }
    }
    if (!lines.length) continue
    const t: DemoTransfer = { key: spec.key, state: spec.state, source_code: dc.code, reason: spec.reason, lines }
    if (spec.state === "partially_received") {
      // The first line arrives whole; of the others half arrives and one unit is damaged.
      t.receipt = lines.map((l, i) => (i === 0 && lines.length > 1 ? { received: l.quantity } : { received: Math.floor((l.quantity - 1) / 2), damaged: 1 }))
    } else if (spec.state === "received") {
      t.receipt = lines.map((l, i) => (i === lines.length - 1 && l.quantity > 1 ? { received: l.quantity - 1, damaged: 1 } : { received: l.quantity }))
    }
    transfers.push(t)
  }
  return { transfers, remaining: [...pending.values()].flat() }
}
