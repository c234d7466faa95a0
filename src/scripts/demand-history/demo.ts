import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { formatCalendarDate } from "../../lib/opening-hours"
import type { DemoCatalog, ShopKind, ShopStatus, TopCategory } from "../demo-chain"
import { DEFAULT_SEED } from "../demo-chain"
import { yesterdayInShanghai } from "../demo-chain/history"
import type { PgClient } from "../scale/copy"
import { loadDemandHistory, type HistoryGroup, type HistoryPair } from "./load"
import { verifyDemandHistory } from "./verify"

type Knex = { client: { acquireConnection(): Promise<PgClient>; releaseConnection(c: PgClient): Promise<void> } }

/** Days of generated history the demo loads (DEMO_HISTORY_DAYS, at least 180). */
export function demoHistoryDays(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.DEMO_HISTORY_DAYS
  if (raw === undefined || raw === "") return 365
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1 || n > 1500) throw new Error(`DEMO_HISTORY_DAYS must be a whole number of days (1–1500), got "${raw}"`)
  return n
}

/**
 * The demo chain's demand history: every pair that has an inventory level at a shop's location
 * (the shops × variants it carries) gets `days` of generated daily demand ending yesterday in
 * Asia/Shanghai. Pairs whose shelf is empty today end in a stock-out run. Series that real
 * orders already wrote to are left as they are. Rerun-safe and resumable (see load.ts).
 */
export async function seedDemoHistory(
  container: MedusaContainer,
  input: {
    shops: Array<{ code: string; kind: string; status: string; stock_location_id: string | null }>
    catalog: Pick<DemoCatalog, "products">
    log: (msg: string) => void
    days?: number
    now?: Date
  }
) {
  const days = input.days ?? demoHistoryDays()
  const endDay = yesterdayInShanghai(input.now)
  const topOf = new Map<string, TopCategory>()
  for (const p of input.catalog.products) for (const v of p.variants) topOf.set(v.sku, p.top_category)

  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
  const pg = await knex.client.acquireConnection()
  try {
    const shops = input.shops.filter((s) => s.stock_location_id)
    const { rows } = await pg.query(
      `SELECT il.location_id, pv.id AS variant_id, pv.sku, il.stocked_quantity::int AS stocked
         FROM inventory_level il
         JOIN product_variant_inventory_item link ON link.inventory_item_id = il.inventory_item_id AND link.deleted_at IS NULL
         JOIN product_variant pv ON pv.id = link.variant_id AND pv.deleted_at IS NULL
        WHERE il.deleted_at IS NULL AND il.location_id = ANY($1)
        ORDER BY il.location_id, pv.sku`,
      [shops.map((s) => s.stock_location_id)]
    )
    const pairsAt = new Map<string, HistoryPair[]>()
    for (const r of rows) {
      const top = topOf.get(r.sku)
      if (!top) continue // not a demo-chain variant
      const list = pairsAt.get(r.location_id) ?? []
      list.push({ variant_id: r.variant_id, sku: r.sku, top_category: top, endsOutOfStock: r.stocked === 0 })
      pairsAt.set(r.location_id, list)
    }
    const groups: HistoryGroup[] = shops.map((s) => {
      const pairs = pairsAt.get(s.stock_location_id!) ?? []
      return {
        shop: { code: s.code, kind: s.kind as ShopKind, status: s.status as ShopStatus },
        location_id: s.stock_location_id!,
        expected: pairs.length,
        pairs: () => pairs,
      }
    })
    const r = await loadDemandHistory(pg, groups, { endDay, days, seed: DEFAULT_SEED, log: input.log })
    input.log(
      `demand history: ${r.inserted.toLocaleString("en-US")} series inserted of ${r.generated.toLocaleString("en-US")} generated ` +
        `(${r.skippedShops} shops already complete) in ${r.seconds.toFixed(1)} s, ${r.generateSeconds.toFixed(1)} s of it generating`
    )
    const sample = rows.find((row: any) => topOf.has(row.sku))
    if (sample) {
      const v = await verifyDemandHistory(container, sample.variant_id, sample.location_id, formatCalendarDate(endDay - days + 1), formatCalendarDate(endDay))
      input.log(`demand history verified through the replenishment module: ${v}`)
    }
    return r
  } finally {
    await knex.client.releaseConnection(pg)
  }
}
