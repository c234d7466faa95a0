import type { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { applyDeltas, decodeDemand, encodeDemand, FORMAT_VERSION, summarize, type DemandDelta } from "../../lib/demand-codec"
import { formatCalendarDate, parseCalendarDate } from "../../lib/opening-hours"
import DemandEvent, { DEMAND_EVENT_KINDS, type DemandEventKind } from "./models/demand-event"
import DemandSeries from "./models/demand-series"
import ForecastRun from "./models/forecast-run"
import StockPolicy from "./models/stock-policy"

export type DemandEventInput = {
  order_id: string
  line_item_id: string
  variant_id: string
  location_id: string
  kind: DemandEventKind
  /** The return's id for "returned"; empty otherwise. */
  reference?: string
  /** Units, always positive: the kind says which way they count. */
  quantity: number
  /** The shop's local business date, "YYYY-MM-DD". */
  business_date: string
}

export type RecordDemandResult = {
  /** Events that were new and changed a series. */
  recorded: number
  /** Events already in the ledger (replays), which changed nothing. */
  skipped: number
  /** The series that changed. */
  series_ids: string[]
}

type Sql = { execute: (sql: string, params?: unknown[]) => Promise<any[]> }

type InsertedEvent = { variant_id: string; location_id: string; kind: DemandEventKind; quantity: number; business_date: string }

function validate(events: DemandEventInput[]) {
  events.forEach((e, i) => {
    for (const field of ["order_id", "line_item_id", "variant_id", "location_id"] as const) {
      if (typeof e[field] !== "string" || !e[field]) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `events[${i}].${field} is required`)
      }
    }
    if (!DEMAND_EVENT_KINDS.includes(e.kind)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `events[${i}].kind must be one of ${DEMAND_EVENT_KINDS.join(", ")}`)
    }
    if (!Number.isSafeInteger(e.quantity) || e.quantity <= 0) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `events[${i}].quantity must be a positive integer`)
    }
    if (parseCalendarDate(e.business_date) === null) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `events[${i}].business_date must be a date YYYY-MM-DD`)
    }
  })
}

function deltaOf(e: InsertedEvent): DemandDelta {
  const day = parseCalendarDate(e.business_date)!
  if (e.kind === "sold") return { day, sold: e.quantity }
  if (e.kind === "canceled") return { day, sold: -e.quantity }
  return { day, returned: e.quantity }
}

const seriesKey = (variantId: string, locationId: string) => `${variantId}\u0000${locationId}`

class ReplenishmentModuleService extends MedusaService({ DemandSeries, DemandEvent, StockPolicy, ForecastRun }) {
  /**
   * Records demand events exactly once, in one transaction: the ledger insert skips events
   * already recorded (ON CONFLICT DO NOTHING), and only the events it did insert are applied to
   * their series, each series row locked (SELECT … FOR UPDATE, in a fixed order so two writers
   * can't deadlock) while it is decoded, changed and re-encoded. A replay changes nothing; two
   * concurrent orders for the same series serialise on the row lock and neither update is lost.
   */
  @InjectTransactionManager()
  async recordDemand(
    events: DemandEventInput[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RecordDemandResult> {
    validate(events)
    if (!events.length) return { recorded: 0, skipped: 0, series_ids: [] }
    const sql = sharedContext.transactionManager as unknown as Sql

    const rows = events.map((e) => ({
      id: generateEntityId(undefined, "dev"),
      order_id: e.order_id,
      line_item_id: e.line_item_id,
      variant_id: e.variant_id,
      location_id: e.location_id,
      kind: e.kind,
      reference: e.reference ?? "",
      quantity: e.quantity,
      business_date: e.business_date,
    }))
    const inserted = (await sql.execute(
      `INSERT INTO demand_event (id, order_id, line_item_id, variant_id, location_id, kind, reference, quantity, business_date)
       SELECT id, order_id, line_item_id, variant_id, location_id, kind, reference, quantity, business_date
         FROM jsonb_to_recordset(?::jsonb) AS e(id text, order_id text, line_item_id text, variant_id text,
              location_id text, kind text, reference text, quantity integer, business_date text)
       ON CONFLICT (line_item_id, location_id, kind, reference) WHERE deleted_at IS NULL DO NOTHING
       RETURNING variant_id, location_id, kind, quantity, business_date`,
      [JSON.stringify(rows)]
    )) as InsertedEvent[]
    if (!inserted.length) return { recorded: 0, skipped: events.length, series_ids: [] }

    const deltas = new Map<string, { variant_id: string; location_id: string; deltas: DemandDelta[] }>()
    for (const e of inserted) {
      const key = seriesKey(e.variant_id, e.location_id)
      const entry = deltas.get(key) ?? { variant_id: e.variant_id, location_id: e.location_id, deltas: [] }
      entry.deltas.push(deltaOf(e))
      deltas.set(key, entry)
    }
    const pairs = [...deltas.values()].map(({ variant_id, location_id }) => ({
      id: generateEntityId(undefined, "dser"),
      variant_id,
      location_id,
    }))

    // Missing series first (a concurrent creator wins harmlessly), then lock them all in key order.
    await sql.execute(
      `INSERT INTO demand_series (id, variant_id, location_id, days, format_version)
       SELECT id, variant_id, location_id, ?, ? FROM jsonb_to_recordset(?::jsonb) AS p(id text, variant_id text, location_id text)
       ON CONFLICT (variant_id, location_id) WHERE deleted_at IS NULL DO NOTHING`,
      [encodeDemand({ days: [], stockout: [], promotion: [] }), FORMAT_VERSION, JSON.stringify(pairs)]
    )
    const locked = (await sql.execute(
      `SELECT s.id, s.variant_id, s.location_id, s.days
         FROM demand_series s
         JOIN jsonb_to_recordset(?::jsonb) AS p(variant_id text, location_id text)
           ON p.variant_id = s.variant_id AND p.location_id = s.location_id
        WHERE s.deleted_at IS NULL
        ORDER BY s.variant_id, s.location_id
        FOR UPDATE OF s`,
      [JSON.stringify(pairs)]
    )) as { id: string; variant_id: string; location_id: string; days: string }[]

    const updates = locked.map((row) => {
      const series = applyDeltas(decodeDemand(row.days), deltas.get(seriesKey(row.variant_id, row.location_id))!.deltas)
      const s = summarize(series)
      const date = (day: number | null) => (day === null ? null : formatCalendarDate(day))
      return {
        id: row.id,
        days: encodeDemand(series),
        origin_date: date(s.originDay),
        first_sale_date: date(s.firstSaleDay),
        last_sale_date: date(s.lastSaleDay),
        total_sold: s.totalSold,
        total_returned: s.totalReturned,
        sale_days: s.saleDays,
      }
    })
    await sql.execute(
      `UPDATE demand_series s
          SET days = u.days, origin_date = u.origin_date, first_sale_date = u.first_sale_date,
              last_sale_date = u.last_sale_date, total_sold = u.total_sold,
              total_returned = u.total_returned, sale_days = u.sale_days, format_version = ?,
              updated_at = now()
         FROM jsonb_to_recordset(?::jsonb) AS u(id text, days text, origin_date text, first_sale_date text,
              last_sale_date text, total_sold integer, total_returned integer, sale_days integer)
        WHERE s.id = u.id`,
      [FORMAT_VERSION, JSON.stringify(updates)]
    )
    return { recorded: inserted.length, skipped: events.length - inserted.length, series_ids: updates.map((u) => u.id) }
  }

  /** The decoded series of one variant at one location, or null when nothing was ever recorded. */
  async retrieveDemandHistory(variantId: string, locationId: string) {
    const [row] = await this.listDemandSeries({ variant_id: variantId, location_id: locationId }, { take: 1 })
    if (!row) return null
    return { ...row, series: decodeDemand(row.days) }
  }
}

export default ReplenishmentModuleService
