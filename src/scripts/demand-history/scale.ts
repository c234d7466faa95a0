import type { MedusaContainer } from "@medusajs/framework/types"
import { formatCalendarDate } from "../../lib/opening-hours"
import { stockLevel, type DemoShop, type StockVariant } from "../demo-chain"
import { yesterdayInShanghai } from "../demo-chain/history"
import { createRng, deriveSeed, mix32 } from "../demo-chain/rng"
import type { PgClient } from "../scale/copy"
import { loadDemandHistory, type HistoryGroup } from "./load"
import { verifyDemandHistory } from "./verify"

/**
 * `--history-days N` for seed:scale, taken out of the arguments before parseScaleArgs sees them
 * (it knows only the store-shop options). Accepts `--history-days 365`, `--history-days=365` and
 * `history-days=365`. Returns null when absent: no history step.
 */
export function takeHistoryDays(args: string[] = [], argv: string[] = []) {
  let days: number | null = null
  const strip = (words: string[]) => {
    const out: string[] = []
    for (let i = 0; i < words.length; i++) {
      const m = /^(?:--)?history-days(?:=(.*))?$/.exec(words[i])
      if (!m) {
        out.push(words[i])
        continue
      }
      const raw = m[1] ?? words[++i]
      const n = Number(raw)
      if (!Number.isInteger(n) || n < 1 || n > 1500) throw new Error(`--history-days must be a whole number of days (1–1500), got "${raw}"`)
      days = n
    }
    return out
  }
  const dash = argv.indexOf("--")
  const rest = { args: strip(args), argv: dash >= 0 ? [...argv.slice(0, dash + 1), ...strip(argv.slice(dash + 1))] : argv }
  return { days, ...rest }
}

type ScaleShop = { code: string; kind: DemoShop["kind"]; status: DemoShop["status"]; stock_location_id: string }
type ScaleVariant = StockVariant & { id: string; hash: number }

/**
 * A year (or `days`) of generated demand history for every shop × variant of the scale seed, by
 * COPY, committed per chunk of shops and resumable (see load.ts). Pairs the stock generator
 * leaves at zero on the shelf end in a stock-out run. Then VACUUM ANALYZE and the table's size
 * on disk, and one series read back through the replenishment module.
 */
export async function loadScaleHistory(
  container: MedusaContainer,
  pg: PgClient,
  input: { shops: ScaleShop[]; variants: ScaleVariant[]; days: number; seed: number; chunk: number; log: (msg: string) => void }
) {
  const { shops, variants, days, seed, log } = input
  const endDay = yesterdayInShanghai()
  const groups: HistoryGroup[] = shops.map((shop) => ({
    shop,
    location_id: shop.stock_location_id,
    expected: variants.length,
    *pairs() {
      const shopSeed = deriveSeed(seed, `stock:${shop.code}`)
      for (const v of variants) {
        // The same stream per (shop, SKU) as the levels: an empty shelf today ends in a stock-out.
        const q = stockLevel(shop, v, createRng(mix32(shopSeed ^ v.hash)))
        yield { variant_id: v.id, sku: v.sku, top_category: v.top_category, endsOutOfStock: q === 0 }
      }
    },
  }))
  const r = await loadDemandHistory(pg, groups, { endDay, days, seed, chunk: input.chunk, log: (m) => log(m) })
  log(
    `demand history: ${r.inserted.toLocaleString("en-US")} series inserted of ${r.generated.toLocaleString("en-US")} generated ` +
      `(${r.skippedShops} shops already complete) in ${r.seconds.toFixed(1)} s, ${r.generateSeconds.toFixed(1)} s of it generating`
  )
  if (r.inserted) {
    const t = Date.now()
    await pg.query("VACUUM (ANALYZE) demand_series")
    log(`vacuum + analyze demand_series in ${((Date.now() - t) / 1000).toFixed(1)} s`)
  }
  const { rows: [size] } = await pg.query(
    `SELECT count(*)::bigint AS series, pg_total_relation_size('demand_series') AS total,
            pg_relation_size('demand_series') AS heap, pg_indexes_size('demand_series') AS indexes,
            coalesce(pg_total_relation_size(reltoastrelid), 0) AS toast, avg(length(days))::int AS avg_days_chars
       FROM demand_series, pg_class WHERE pg_class.oid = 'demand_series'::regclass AND demand_series.deleted_at IS NULL
      GROUP BY reltoastrelid`
  )
  const mb = (b: number) => `${(Number(b) / 1048576).toFixed(0)} MB`
  log(
    `demand_series on disk: ${mb(size.total)} total (heap ${mb(size.heap)}, indexes ${mb(size.indexes)}, toast ${mb(size.toast)}) ` +
      `for ${Number(size.series).toLocaleString("en-US")} series = ${Math.round(Number(size.total) / Number(size.series))} bytes a series ` +
      `(days column ${size.avg_days_chars} base64 chars on average)`
  )
  const sample = shops.find((s) => s.status === "open" && s.kind !== "warehouse") ?? shops[0]
  if (sample && variants.length) {
    const v = await verifyDemandHistory(container, variants[0].id, sample.stock_location_id, formatCalendarDate(endDay - days + 1), formatCalendarDate(endDay))
    log(`demand history verified through the replenishment module: ${v}`)
  }
  return { ...r, size }
}
