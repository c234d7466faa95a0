import { encodeDemand, FORMAT_VERSION } from "../../lib/demand-codec"
import { formatCalendarDate } from "../../lib/opening-hours"
import {
  generateSeries,
  historyCalendar,
  seriesSummaryColumns,
  shopHistoryContext,
  type HistoryShop,
  type HistoryVariant,
} from "../demo-chain/history"
import { copyCell, copyInto, inTransaction, type PgClient } from "../scale/copy"
import { entityIdFactory } from "../scale/ulid"

/**
 * Bulk-loads generated demand history into `demand_series`, one row per variant × location,
 * written exactly as ReplenishmentModuleService.recordDemand writes them (prefixed id, the
 * codec's base64 `days`, format_version, summary columns from the codec's summarize()).
 *
 * Rows go by COPY into a temporary table, then `INSERT … SELECT … ON CONFLICT (variant_id,
 * location_id) DO NOTHING`: a series that real orders already wrote to (or that an order creates
 * while the seed runs) is never overwritten. Committed per chunk of shops; a shop whose series
 * are all there is skipped and a partly loaded one gets only its missing pairs, so a rerun or a
 * resumed run carries on where it stopped.
 */

export type HistoryPair = HistoryVariant & {
  variant_id: string
  /** The shelf is empty today: the history ends in a stock-out run. */
  endsOutOfStock?: boolean
}

export type HistoryGroup = {
  shop: HistoryShop
  location_id: string
  /** How many pairs the group has (to tell a complete shop without listing its pairs). */
  expected: number
  pairs: () => Iterable<HistoryPair>
}

export type LoadHistoryOptions = {
  /** Last day of history (days since 1970-01-01), normally yesterday in Asia/Shanghai. */
  endDay: number
  days: number
  seed: number
  /** Shops per transaction. */
  chunk?: number
  log: (msg: string) => void
  /** Seconds between progress lines. */
  progressEvery?: number
}

export type LoadHistoryResult = {
  /** Series generated and offered to the table. */
  generated: number
  /** Rows actually inserted (the rest already existed). */
  inserted: number
  /** Shops skipped as complete. */
  skippedShops: number
  seconds: number
  /** Seconds spent generating and encoding (the rest is PostgreSQL). */
  generateSeconds: number
  from: string
  to: string
}

const COLUMNS = [
  "id", "variant_id", "location_id", "origin_date", "days", "format_version",
  "first_sale_date", "last_sale_date", "total_sold", "total_returned", "sale_days",
]
const STAGE = "demand_series_history_load"

export async function loadDemandHistory(pg: PgClient, groups: HistoryGroup[], opts: LoadHistoryOptions): Promise<LoadHistoryResult> {
  const started = Date.now()
  const chunk = opts.chunk ?? 25
  const calendar = historyCalendar(opts.endDay, opts.days)
  const range = { from: formatCalendarDate(calendar.from), to: formatCalendarDate(calendar.to) }

  const { rows: counts } = await pg.query(
    `SELECT location_id, count(*)::int AS n FROM demand_series
      WHERE deleted_at IS NULL AND location_id = ANY($1) GROUP BY location_id`,
    [groups.map((g) => g.location_id)]
  )
  const have = new Map<string, number>(counts.map((r: any) => [r.location_id, r.n]))
  const carrying = groups.filter((g) => g.expected > 0)
  const todo = carrying.filter((g) => (have.get(g.location_id) ?? 0) < g.expected)
  const total = todo.reduce((n, g) => n + g.expected - (have.get(g.location_id) ?? 0), 0)
  opts.log(
    `demand history ${range.from} … ${range.to} (${opts.days} days): ${carrying.length - todo.length} of ${carrying.length} shops complete, ` +
      `~${total.toLocaleString("en-US")} series to load`
  )
  const result: LoadHistoryResult = { generated: 0, inserted: 0, skippedShops: carrying.length - todo.length, seconds: 0, generateSeconds: 0, ...range }
  if (!todo.length) return result

  await pg.query(
    `CREATE TEMP TABLE IF NOT EXISTS ${STAGE} (id text, variant_id text, location_id text, origin_date text, days text,
       format_version integer, first_sale_date text, last_sale_date text, total_sold integer, total_returned integer, sale_days integer)`
  )
  const newId = entityIdFactory()
  let lastLog = Date.now()
  const every = (opts.progressEvery ?? 5) * 1000
  const progress = (force = false) => {
    const now = Date.now()
    if (!force && now - lastLog < every) return
    lastLog = now
    const s = (now - started) / 1000
    const rate = result.generated / Math.max(s, 0.001)
    const eta = rate > 0 ? Math.max(0, total - result.generated) / rate : Infinity
    opts.log(
      `demand history ${result.generated.toLocaleString("en-US")}/${total.toLocaleString("en-US")} series ` +
        `(${((100 * result.generated) / Math.max(total, 1)).toFixed(1)}%), ${Math.round(rate).toLocaleString("en-US")}/s, ` +
        `ETA ${Number.isFinite(eta) ? Math.round(eta) + " s" : "--"}`
    )
  }

  for (let c = 0; c < todo.length; c += chunk) {
    const batch = todo.slice(c, c + chunk)
    const partial = batch.filter((g) => have.get(g.location_id))
    const present = new Map<string, Set<string>>()
    if (partial.length) {
      const { rows } = await pg.query(
        "SELECT location_id, variant_id FROM demand_series WHERE deleted_at IS NULL AND location_id = ANY($1)",
        [partial.map((g) => g.location_id)]
      )
      for (const r of rows) {
        if (!present.has(r.location_id)) present.set(r.location_id, new Set())
        present.get(r.location_id)!.add(r.variant_id)
      }
    }
    function* lines() {
      for (const g of batch) {
        const t = Date.now()
        const ctx = shopHistoryContext(calendar, g.shop, opts.seed)
        const skip = present.get(g.location_id)
        const location = copyCell(g.location_id)
        let text = ""
        let n = 0
        for (const pair of g.pairs()) {
          if (skip?.has(pair.variant_id)) continue
          const { data } = generateSeries(ctx, pair, { endsOutOfStock: pair.endsOutOfStock })
          const s = seriesSummaryColumns(data)
          // base64 and ISO dates need no COPY escaping; ids are plain too, but escape them anyway.
          text +=
            `${newId("dser")}\t${copyCell(pair.variant_id)}\t${location}\t${s.origin_date ?? "\\N"}\t${encodeDemand(data)}\t` +
            `${FORMAT_VERSION}\t${s.first_sale_date ?? "\\N"}\t${s.last_sale_date ?? "\\N"}\t${s.total_sold}\t${s.total_returned}\t${s.sale_days}\n`
          n++
        }
        result.generated += n
        result.generateSeconds += (Date.now() - t) / 1000
        yield text
        progress()
      }
    }
    result.inserted += await inTransaction(pg, async () => {
      await pg.query(`TRUNCATE ${STAGE}`)
      await copyInto(pg, STAGE, COLUMNS, lines())
      const r = await pg.query(
        `INSERT INTO demand_series (${COLUMNS.map((c) => `"${c}"`).join(", ")})
         SELECT ${COLUMNS.map((c) => `"${c}"`).join(", ")} FROM ${STAGE}
         ON CONFLICT (variant_id, location_id) WHERE deleted_at IS NULL DO NOTHING`
      )
      return r.rowCount ?? 0
    })
  }
  await pg.query(`DROP TABLE IF EXISTS ${STAGE}`)
  progress(true)
  result.seconds = (Date.now() - started) / 1000
  return result
}
