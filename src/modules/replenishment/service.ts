import type { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { applyDeltas, applyDeltasEncoded, decodeDemand, encodeDemand, FORMAT_VERSION, summarize, type DemandDelta } from "../../lib/demand-codec"
import { formatCalendarDate, parseCalendarDate } from "../../lib/opening-hours"
import DemandEvent, { DEMAND_EVENT_KINDS, type DemandEventKind } from "./models/demand-event"
import DemandSeries from "./models/demand-series"
import ForecastRun from "./models/forecast-run"
import ReplenishmentProposal from "./models/replenishment-proposal"
import ServiceTarget, { serviceTargetScopeKey } from "./models/service-target"
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

export type LeadTime = { mean: number; sd: number }

/** A day to flag on an existing series (flags only ever set). */
export type DemandFlagInput = {
  variant_id: string
  location_id: string
  /** The shop's local business date, "YYYY-MM-DD". */
  business_date: string
  stockout?: boolean
  promotion?: boolean
}

export type ServiceTargetInput = {
  territory_id?: string | null
  category_id?: string | null
  abc_class?: "A" | "B" | "C" | null
  xyz_class?: "X" | "Y" | "Z" | null
  level: number
  type?: "cycle" | "fill_rate"
  created_by?: string | null
  metadata?: Record<string, unknown> | null
}

export type ProposalPolicyRow = {
  id: string
  variant_id: string
  location_id: string
  reorder_point: number | null
  order_up_to: number | null
  overrides_applied: string[] | null
}

/** One open proposal as a refresh computed it (see src/lib/replenishment-proposal). */
export type ProposalUpsert = {
  variant_id: string
  quantity: number
  on_hand: number
  reserved: number
  incoming: number
  pending: number
  position: number
  reorder_point: number
  order_up_to: number
  reason: string
  details: Record<string, unknown>
}

/** Module options (medusa-config `options` of ./src/modules/replenishment); all optional. */
export type ReplenishmentOptions = {
  /** Lead time in days by the kind of location: a shop kind ("warehouse", "standard", …) or "default". */
  lead_times?: Record<string, LeadTime>
  review_period_days?: number
  history_days?: number
  horizon_days?: number
  chunk_size?: number
  worker_threads?: number
  lease_seconds?: number
  heartbeat_seconds?: number
  /** Kept failures per run (failure_count keeps counting past it). */
  max_failures_kept?: number
  /**
   * How a cycle-service target is met: "group" (default) — by each location's series with that
   * target together, the least stock for the location's share of cycles without a stock-out
   * (src/lib/safety-stock/group-service.ts); "item" — by every series on its own.
   */
  service_scope?: "group" | "item"
  /** With group scope, the least cycle service any one series is planned at (or its target, if lower). */
  item_service_floor?: number
}

export type RunOptions = Required<ReplenishmentOptions>

export const DEFAULT_RUN_OPTIONS: RunOptions = {
  // Shops are supplied from a warehouse (2 ± 1 days); warehouses from suppliers (7 ± 2 days).
  lead_times: { default: { mean: 2, sd: 1 }, warehouse: { mean: 7, sd: 2 } },
  review_period_days: 1,
  history_days: 365,
  horizon_days: 28,
  chunk_size: 2000,
  worker_threads: 2,
  lease_seconds: 60,
  heartbeat_seconds: 5,
  max_failures_kept: 200,
  service_scope: "group",
  item_service_floor: 0.8,
}

/** What a run covers once resolved: null means "every". */
export type ResolvedScope = { location_ids: string[] | null; variant_id: string | null }

export type SeriesChunkRow = {
  id: string
  variant_id: string
  location_id: string
  days: string
  total_sold: number
  override_min: number | null
  override_max: number | null
  frozen: boolean | null
  override_service_level: number | null
  override_service_level_type: "cycle" | "fill_rate" | null
  safety_stock: number | null
  reorder_point: number | null
  order_up_to: number | null
  /** The policy's target and its service group in the last run (metadata.service_group), if it had one. */
  service_level_target?: number | null
  service_group?: { item_level?: unknown; expected?: unknown; size?: unknown; lambda?: unknown } | null
}

/**
 * Where a run is: the last series written, in the (location_id, id) order runs read in. Stored on
 * the run row as JSON text, `["<location_id>","<id>"]`.
 */
export type SeriesCursor = { location_id: string; id: string }

export const encodeSeriesCursor = (c: SeriesCursor): string => JSON.stringify([c.location_id, c.id])

/**
 * The run row's cursor; null for none and for a bare series id (the id-ordered cursor of runs
 * before the (location_id, id) order): such a run starts its chunks over, which rewrites the
 * same policies (idempotent) and counts those series twice in series_done.
 */
export function decodeSeriesCursor(stored: string | null | undefined): SeriesCursor | null {
  if (!stored || stored[0] !== "[") return null
  const v = JSON.parse(stored)
  return Array.isArray(v) && typeof v[0] === "string" && typeof v[1] === "string" ? { location_id: v[0], id: v[1] } : null
}

export type ChunkCommit = {
  cursor: string
  done: number
  failures: { series_id: string; variant_id: string; location_id: string; reason: string }[]
  overrides_kept: number
  /** The policies to upsert: as objects, or already as their JSON array with its length. */
  policies?: Record<string, unknown>[]
  policies_json?: string
  policy_count?: number
}

/** Thrown when a run's lease was taken over: the holder must stop writing at once. */
export class LeaseLostError extends Error {
  constructor(runId: string) {
    super(`forecast run ${runId}: lease lost to another owner`)
  }
}

const POLICY_COLUMNS = `variant_id text, location_id text, demand_class text, method text, forecast jsonb,
  forecast_error real, service_level_target real, service_level_type text, lead_time_mean_days real,
  lead_time_sd_days real, review_period_days integer, safety_stock integer, reorder_point integer,
  order_up_to integer, overrides_applied jsonb, metadata jsonb`

const seriesKey = (variantId: string, locationId: string) => `${variantId}\u0000${locationId}`

class ReplenishmentModuleService extends MedusaService({ DemandSeries, DemandEvent, StockPolicy, ForecastRun, ReplenishmentProposal, ServiceTarget }) {
  protected runOptions_: RunOptions

  constructor(container: Record<string, unknown>, options: ReplenishmentOptions = {}) {
    // @ts-ignore MedusaService's constructor takes the container and options
    super(...arguments)
    this.runOptions_ = {
      ...DEFAULT_RUN_OPTIONS,
      ...options,
      lead_times: { ...DEFAULT_RUN_OPTIONS.lead_times, ...(options.lead_times ?? {}) },
    }
    const { service_scope, item_service_floor } = this.runOptions_
    if (service_scope !== "group" && service_scope !== "item") throw new Error(`replenishment option service_scope must be "group" or "item", got ${JSON.stringify(service_scope)}`)
    if (!(item_service_floor >= 0.5 && item_service_floor < 1)) throw new Error(`replenishment option item_service_floor must be in [0.5, 1), got ${item_service_floor}`)
  }

  /** Run settings: module options over the defaults. */
  getRunOptions(): RunOptions {
    return this.runOptions_
  }

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

  // ---- forecast runs: lease ------------------------------------------------------------------

  /**
   * Takes the lease of the next run to work on, in one conditional UPDATE: a running run whose
   * lease expired (a crashed holder; it resumes from its cursor) before the oldest queued run,
   * and nothing while another run holds a live lease. The partial unique index
   * IDX_forecast_run_one_running makes a second concurrent claimer fail rather than start a
   * second run. Times are the database's clock, so processes on several machines agree.
   * Returns null when there is nothing to do or another run holds the lease.
   */
  @InjectManager()
  async claimRun(owner: string, @MedusaContext() sharedContext: Context = {}): Promise<(Record<string, any> & { resumed: boolean }) | null> {
    const sql = sharedContext.manager as unknown as Sql
    try {
      const [row] = await sql.execute(
        `WITH candidate AS (
           SELECT id, status FROM forecast_run
            WHERE deleted_at IS NULL
              AND (status = 'queued' OR (status = 'running' AND lease_expires_at < now()))
              AND NOT EXISTS (SELECT 1 FROM forecast_run l
                               WHERE l.deleted_at IS NULL AND l.status = 'running' AND l.lease_expires_at >= now())
            ORDER BY (status = 'running') DESC, created_at, id
            LIMIT 1
            FOR UPDATE SKIP LOCKED)
         UPDATE forecast_run r
            SET status = 'running', lease_owner = ?, heartbeat_at = now(),
                lease_expires_at = now() + make_interval(secs => ?),
                started_at = coalesce(r.started_at, now()),
                resumed_count = r.resumed_count + CASE WHEN c.status = 'running' THEN 1 ELSE 0 END,
                updated_at = now()
           FROM candidate c
          WHERE r.id = c.id
         RETURNING r.*, (c.status = 'running') AS resumed`,
        [owner, this.runOptions_.lease_seconds]
      )
      return row ?? null
    } catch (e: any) {
      // Another process claimed a run between our check and our update: the unique index said no.
      if (e?.code === "23505" || /IDX_forecast_run_one_running/.test(String(e?.message))) return null
      throw e
    }
  }

  /** The run holding a live lease, if any. */
  @InjectManager()
  async activeRun(@MedusaContext() sharedContext: Context = {}) {
    const sql = sharedContext.manager as unknown as Sql
    const [row] = await sql.execute(
      `SELECT * FROM forecast_run WHERE deleted_at IS NULL AND status = 'running' AND lease_expires_at >= now() LIMIT 1`
    )
    return row ?? null
  }

  /** Renews the lease; false when it is no longer ours (expired and taken over, or canceled). */
  @InjectManager()
  async heartbeatRun(runId: string, owner: string, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    const sql = sharedContext.manager as unknown as Sql
    const rows = await sql.execute(
      `UPDATE forecast_run SET heartbeat_at = now(), lease_expires_at = now() + make_interval(secs => ?)
        WHERE id = ? AND lease_owner = ? AND status = 'running' AND deleted_at IS NULL
        RETURNING id`,
      [this.runOptions_.lease_seconds, runId, owner]
    )
    return rows.length === 1
  }

  /** Sets what the run covers once, at its first start (a resumed run keeps them). */
  @InjectManager()
  async prepareRun(
    runId: string,
    owner: string,
    data: { as_of: string; series_total: number; scope: Record<string, unknown> },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const sql = sharedContext.manager as unknown as Sql
    const rows = await sql.execute(
      `UPDATE forecast_run SET as_of = ?, series_total = ?, scope = ?::jsonb, updated_at = now()
        WHERE id = ? AND lease_owner = ? AND status = 'running' RETURNING id`,
      [data.as_of, data.series_total, JSON.stringify(data.scope), runId, owner]
    )
    if (rows.length !== 1) throw new LeaseLostError(runId)
  }

  /** Ends a run (completed or failed) and releases its lease, if it is still ours. */
  @InjectManager()
  async finishRun(
    runId: string,
    owner: string,
    status: "completed" | "failed",
    error: string | null = null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const sql = sharedContext.manager as unknown as Sql
    const rows = await sql.execute(
      `UPDATE forecast_run SET status = ?, error = ?, finished_at = now(), lease_owner = NULL,
              lease_expires_at = NULL, updated_at = now()
        WHERE id = ? AND lease_owner = ? AND status = 'running' RETURNING id`,
      [status, error, runId, owner]
    )
    return rows.length === 1
  }

  // ---- forecast runs: reading and writing ----------------------------------------------------

  private scopeWhere(scope: ResolvedScope, params: unknown[], alias = "s") {
    let where = `${alias}.deleted_at IS NULL`
    if (scope.location_ids) {
      where += ` AND ${alias}.location_id = ANY(ARRAY(SELECT jsonb_array_elements_text(?::jsonb)))`
      params.push(JSON.stringify(scope.location_ids))
    }
    if (scope.variant_id) {
      where += ` AND ${alias}.variant_id = ?`
      params.push(scope.variant_id)
    }
    return where
  }

  @InjectManager()
  async countSeries(scope: ResolvedScope, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const sql = sharedContext.manager as unknown as Sql
    const params: unknown[] = []
    const [row] = await sql.execute(`SELECT count(*)::int AS n FROM demand_series s WHERE ${this.scopeWhere(scope, params)}`, params)
    return row.n
  }

  /**
   * One chunk of series after `after` in (location_id, id) order (keyset pagination on
   * IDX_demand_series_location_id_id: the cost of a page does not grow with how far the run is;
   * a location's series are contiguous, so once a chunk ends past a location, that location is
   * done), with the policy in force for each (overrides, levels).
   */
  @InjectManager()
  async readSeriesChunk(
    scope: ResolvedScope,
    after: SeriesCursor | null,
    limit: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SeriesChunkRow[]> {
    const sql = sharedContext.manager as unknown as Sql
    const params: unknown[] = []
    let where = this.scopeWhere(scope, params)
    if (after) {
      where += ` AND (s.location_id, s.id) > (?, ?)`
      params.push(after.location_id, after.id)
    }
    params.push(limit)
    // The chunk first, then one index probe per series for its policy (LATERAL on the unique
    // (variant_id, location_id) index): a plain join ordered by location_id lets the planner
    // merge-join stock_policy from its first location on every chunk — a run that slowed
    // quadratically (4 s a chunk at 2.4 M of 3 M series).
    return sql.execute(
      `WITH s AS MATERIALIZED (
         SELECT s.id, s.variant_id, s.location_id, s.days, s.total_sold
           FROM demand_series s
          WHERE ${where}
          ORDER BY s.location_id, s.id
          LIMIT ?)
       SELECT s.id, s.variant_id, s.location_id, s.days, s.total_sold,
              p.override_min, p.override_max, p.frozen, p.override_service_level, p.override_service_level_type,
              p.safety_stock, p.reorder_point, p.order_up_to,
              p.service_level_target, p.metadata->'service_group' AS service_group
         FROM s
         LEFT JOIN LATERAL (
           SELECT * FROM stock_policy p
            WHERE p.variant_id = s.variant_id AND p.location_id = s.location_id AND p.deleted_at IS NULL
            LIMIT 1) p ON true
        ORDER BY s.location_id, s.id`,
      params
    )
  }

  /**
   * ABC cut-offs per location, from units sold over the stored history (revenue would need
   * prices from another module): a series is A when its units are at least `a_min`, B when at
   * least `b_min`, else C — the first 80 % and the next 15 % of the location's units.
   */
  @InjectManager()
  async abcCutoffs(
    scope: ResolvedScope,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Map<string, { a_min: number; b_min: number }>> {
    const sql = sharedContext.manager as unknown as Sql
    const params: unknown[] = []
    const where = this.scopeWhere({ location_ids: scope.location_ids, variant_id: null }, params)
    const rows = await sql.execute(
      `SELECT location_id,
              coalesce(min(total_sold) FILTER (WHERE share_before < 0.8), 2147483647)::int AS a_min,
              coalesce(min(total_sold) FILTER (WHERE share_before < 0.95), 2147483647)::int AS b_min
         FROM (SELECT s.location_id, s.total_sold,
                      (sum(s.total_sold) OVER (PARTITION BY s.location_id ORDER BY s.total_sold DESC, s.id ROWS UNBOUNDED PRECEDING)
                        - s.total_sold)::float8 / nullif(sum(s.total_sold) OVER (PARTITION BY s.location_id), 0) AS share_before
                 FROM demand_series s WHERE ${where} AND s.total_sold > 0) t
        GROUP BY location_id`,
      params
    )
    return new Map(rows.map((r: any) => [r.location_id, { a_min: r.a_min, b_min: r.b_min }]))
  }

  /**
   * Writes one chunk in one transaction: first the run row, only if this owner still holds the
   * lease (the row stays locked until commit, so a takeover waits for us or we for it — a
   * writer whose lease was taken over writes nothing); then every policy in one
   * INSERT … ON CONFLICT (variant_id, location_id) DO UPDATE that leaves the merchant's
   * override columns alone.
   */
  @InjectTransactionManager()
  async commitChunk(
    runId: string,
    owner: string,
    commit: ChunkCommit,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, any>> {
    const sql = sharedContext.transactionManager as unknown as Sql
    const policyCount = commit.policy_count ?? commit.policies?.length ?? 0
    const [run] = await sql.execute(
      `UPDATE forecast_run
          SET cursor = ?, series_done = series_done + ?, failure_count = failure_count + ?,
              policies_written = policies_written + ?, overrides_kept = overrides_kept + ?,
              failures = CASE WHEN ?::int = 0 THEN failures
                              ELSE (SELECT jsonb_agg(f) FROM (
                                      SELECT f FROM jsonb_array_elements(coalesce(failures, '[]'::jsonb) || ?::jsonb) AS f
                                      LIMIT ?) x) END,
              heartbeat_at = now(), lease_expires_at = now() + make_interval(secs => ?), updated_at = now()
        WHERE id = ? AND lease_owner = ? AND status = 'running' AND deleted_at IS NULL
        RETURNING *`,
      [
        commit.cursor,
        commit.done,
        commit.failures.length,
        policyCount,
        commit.overrides_kept,
        commit.failures.length,
        JSON.stringify(commit.failures),
        this.runOptions_.max_failures_kept,
        this.runOptions_.lease_seconds,
        runId,
        owner,
      ]
    )
    if (!run) throw new LeaseLostError(runId)
    if (policyCount) {
      await sql.execute(
        `INSERT INTO stock_policy (id, variant_id, location_id, demand_class, method, forecast, forecast_error,
                service_level_target, service_level_type, lead_time_mean_days, lead_time_sd_days, review_period_days,
                safety_stock, reorder_point, order_up_to, overrides_applied, metadata, computed_at, last_run_id)
         SELECT 'spol_' || substr(md5(random()::text || p.variant_id || p.location_id), 1, 26), p.variant_id, p.location_id,
                p.demand_class, p.method, p.forecast, p.forecast_error, p.service_level_target, p.service_level_type,
                p.lead_time_mean_days, p.lead_time_sd_days, p.review_period_days, p.safety_stock, p.reorder_point,
                p.order_up_to, p.overrides_applied, p.metadata, now(), ?
           FROM jsonb_to_recordset(?::jsonb) AS p(${POLICY_COLUMNS})
         ON CONFLICT (variant_id, location_id) WHERE deleted_at IS NULL DO UPDATE SET
                demand_class = excluded.demand_class, method = excluded.method, forecast = excluded.forecast,
                forecast_error = excluded.forecast_error, service_level_target = excluded.service_level_target,
                service_level_type = excluded.service_level_type, lead_time_mean_days = excluded.lead_time_mean_days,
                lead_time_sd_days = excluded.lead_time_sd_days, review_period_days = excluded.review_period_days,
                safety_stock = excluded.safety_stock, reorder_point = excluded.reorder_point,
                order_up_to = excluded.order_up_to, overrides_applied = excluded.overrides_applied,
                metadata = excluded.metadata, computed_at = excluded.computed_at,
                last_run_id = excluded.last_run_id, updated_at = now()`,
        [runId, commit.policies_json ?? JSON.stringify(commit.policies ?? [])]
      )
    }
    return run
  }
  // ---- replenishment proposals ---------------------------------------------------------------

  /**
   * Every location a run over the scope touches — with series or with policies — in the order
   * readSeriesChunk reads them (the database's ordering of location_id): a run evaluates each
   * one's proposals once its chunks are past it.
   */
  @InjectManager()
  async runLocations(scope: ResolvedScope, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const sql = sharedContext.manager as unknown as Sql
    const params: unknown[] = []
    const series = this.scopeWhere(scope, params, "s")
    const policies = this.scopeWhere(scope, params, "p")
    const rows = await sql.execute(
      `SELECT location_id FROM demand_series s WHERE ${series}
        UNION
       SELECT location_id FROM stock_policy p WHERE ${policies}
        ORDER BY location_id`,
      params
    )
    return rows.map((r: any) => r.location_id)
  }

  /** The locations with policies in a scope: what a proposal refresh walks, one at a time. */
  @InjectManager()
  async policyLocations(scope: ResolvedScope, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const sql = sharedContext.manager as unknown as Sql
    const params: unknown[] = []
    let where = "deleted_at IS NULL"
    if (scope.location_ids) {
      where += " AND location_id = ANY(ARRAY(SELECT jsonb_array_elements_text(?::jsonb)))"
      params.push(JSON.stringify(scope.location_ids))
    }
    if (scope.variant_id) {
      where += " AND variant_id = ?"
      params.push(scope.variant_id)
    }
    const rows = await sql.execute(`SELECT DISTINCT location_id FROM stock_policy WHERE ${where} ORDER BY location_id`, params)
    return rows.map((r: any) => r.location_id)
  }

  /** What a proposal needs of each policy at one location (without the bulky forecast). */
  @InjectManager()
  async proposalInputs(
    locationId: string,
    variantId: string | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ policies: ProposalPolicyRow[]; pending: Map<string, number> }> {
    const sql = sharedContext.manager as unknown as Sql
    const params: unknown[] = [locationId]
    let where = "location_id = ? AND deleted_at IS NULL"
    if (variantId) {
      where += " AND variant_id = ?"
      params.push(variantId)
    }
    const [policies, pending] = await Promise.all([
      sql.execute(`SELECT id, variant_id, location_id, reorder_point, order_up_to, overrides_applied FROM stock_policy WHERE ${where}`, params),
      sql.execute(
        `SELECT variant_id, sum(quantity)::int AS quantity FROM replenishment_proposal
          WHERE ${where} AND status = 'approved' GROUP BY variant_id`,
        params
      ),
    ])
    return { policies, pending: new Map(pending.map((r: any) => [r.variant_id, r.quantity])) }
  }

  /**
   * Brings one location's open proposals in line with a fresh evaluation, in one transaction:
   * each series that needs stock gets its open proposal created, or updated in place when its
   * numbers changed (the
   * partial unique index keeps it to one), and the open proposals of the evaluated series that
   * no longer need stock are closed. Approved, dismissed and consumed proposals are left alone.
   */
  @InjectTransactionManager()
  async syncProposals(
    locationId: string,
    evaluated: string[],
    proposals: ProposalUpsert[],
    runId: string | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ created: number; updated: number; closed: number }> {
    const sql = sharedContext.transactionManager as unknown as Sql
    let created = 0
    let updated = 0
    if (proposals.length) {
      const rows = await sql.execute(
        `INSERT INTO replenishment_proposal (id, variant_id, location_id, status, quantity, on_hand, reserved, incoming,
                pending, position, reorder_point, order_up_to, reason, details, run_id)
         SELECT 'rprop_' || substr(md5(random()::text || p.variant_id || ?), 1, 26), p.variant_id, ?, 'open', p.quantity,
                p.on_hand, p.reserved, p.incoming, p.pending, p.position, p.reorder_point, p.order_up_to, p.reason, p.details, ?
           FROM jsonb_to_recordset(?::jsonb) AS p(variant_id text, quantity int, on_hand int, reserved int, incoming int,
                pending int, position int, reorder_point int, order_up_to int, reason text, details jsonb)
         ON CONFLICT (variant_id, location_id) WHERE status = 'open' AND deleted_at IS NULL DO UPDATE SET
                quantity = excluded.quantity, on_hand = excluded.on_hand, reserved = excluded.reserved,
                incoming = excluded.incoming, pending = excluded.pending, position = excluded.position,
                reorder_point = excluded.reorder_point, order_up_to = excluded.order_up_to, reason = excluded.reason,
                details = excluded.details, run_id = coalesce(excluded.run_id, replenishment_proposal.run_id), updated_at = now()
          -- An unchanged proposal is not rewritten: most of a nightly refresh is unchanged, and
          -- each rewrite would be a dead row for vacuum. run_id is the run that last changed it.
          WHERE (replenishment_proposal.quantity, replenishment_proposal.on_hand, replenishment_proposal.reserved,
                 replenishment_proposal.incoming, replenishment_proposal.pending, replenishment_proposal.position,
                 replenishment_proposal.reorder_point, replenishment_proposal.order_up_to, replenishment_proposal.reason,
                 replenishment_proposal.details)
                IS DISTINCT FROM (excluded.quantity, excluded.on_hand, excluded.reserved, excluded.incoming, excluded.pending,
                 excluded.position, excluded.reorder_point, excluded.order_up_to, excluded.reason, excluded.details)
         RETURNING (xmax = 0) AS inserted`,
        [locationId, locationId, runId, JSON.stringify(proposals)]
      )
      created = rows.filter((r: any) => r.inserted).length
      updated = rows.length - created
    }
    const proposed = new Set(proposals.map((p) => p.variant_id))
    const recovered = evaluated.filter((v) => !proposed.has(v))
    let closed = 0
    if (recovered.length) {
      const rows = await sql.execute(
        `UPDATE replenishment_proposal SET status = 'closed', updated_at = now()
          WHERE location_id = ? AND variant_id = ANY(ARRAY(SELECT jsonb_array_elements_text(?::jsonb))) AND status = 'open' AND deleted_at IS NULL RETURNING id`,
        [locationId, JSON.stringify(recovered)]
      )
      closed = rows.length
    }
    return { created, updated, closed }
  }

  /**
   * Moves proposals from one status to another for an actor, all or nothing: unknown ids are
   * 404, a proposal in a status the move doesn't start from is 409, and ids already in the
   * target status are left as they are (a retried click changes nothing).
   */
  @InjectTransactionManager()
  async decideProposals(
    ids: string[],
    decision: "approved" | "dismissed",
    actor: string | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ proposals: Record<string, any>[]; changed: string[] }> {
    const sql = sharedContext.transactionManager as unknown as Sql
    const unique = [...new Set(ids)]
    const rows = await sql.execute(
      `SELECT id, status FROM replenishment_proposal WHERE id = ANY(ARRAY(SELECT jsonb_array_elements_text(?::jsonb))) AND deleted_at IS NULL ORDER BY id FOR UPDATE`,
      [JSON.stringify(unique)]
    )
    const found = new Map(rows.map((r: any) => [r.id, r.status]))
    const missing = unique.filter((id) => !found.has(id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `ids: proposals not found: ${missing.slice(0, 10).join(", ")}`)
    }
    const from = decision === "approved" ? ["open"] : ["open", "approved"]
    const stuck = rows.filter((r: any) => r.status !== decision && !from.includes(r.status))
    if (stuck.length) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `ids: ${stuck.length} proposal(s) cannot be ${decision}: ${stuck.slice(0, 10).map((r: any) => `${r.id} is ${r.status}`).join(", ")}`,
        "proposal_already_decided"
      )
    }
    const changed = rows.filter((r: any) => r.status !== decision).map((r: any) => r.id)
    if (changed.length) {
      const at = decision === "approved" ? "approved" : "dismissed"
      await sql.execute(
        `UPDATE replenishment_proposal SET status = ?, ${at}_at = now(), ${at}_by = ?, updated_at = now() WHERE id = ANY(ARRAY(SELECT jsonb_array_elements_text(?::jsonb)))`,
        [decision, actor, JSON.stringify(changed)]
      )
    }
    const proposals = await sql.execute(`SELECT * FROM replenishment_proposal WHERE id = ANY(ARRAY(SELECT jsonb_array_elements_text(?::jsonb))) ORDER BY id`, [JSON.stringify(unique)])
    return { proposals, changed }
  }

  // ---- demand flags and service targets ------------------------------------------------------

  /**
   * Sets stock-out and promotion flags on business days of existing series, in one transaction
   * (rows locked in (variant, location) order, like recordDemand, so the two never deadlock).
   * Flags only ever set, so any replay or overlap changes nothing; a series whose bytes don't
   * change is not written. Pairs without a series are not created (a variant never sold at a
   * location has no history for a stock-out to censor: the forecaster starts a series' history
   * at its first recorded day) and are counted as `missing`.
   */
  @InjectTransactionManager()
  async flagDemandDays(
    flags: DemandFlagInput[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ flagged: number; unchanged: number; missing: number; series_ids: string[] }> {
    flags.forEach((f, i) => {
      if (!f.variant_id || !f.location_id) throw new MedusaError(MedusaError.Types.INVALID_DATA, `flags[${i}]: variant_id and location_id are required`)
      if (parseCalendarDate(f.business_date) === null) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `flags[${i}].business_date must be a date YYYY-MM-DD`)
      }
    })
    const wanted = new Map<string, { variant_id: string; location_id: string; deltas: DemandDelta[] }>()
    for (const f of flags) {
      if (!f.stockout && !f.promotion) continue
      const key = seriesKey(f.variant_id, f.location_id)
      const entry = wanted.get(key) ?? { variant_id: f.variant_id, location_id: f.location_id, deltas: [] }
      entry.deltas.push({ day: parseCalendarDate(f.business_date)!, stockout: !!f.stockout, promotion: !!f.promotion })
      wanted.set(key, entry)
    }
    if (!wanted.size) return { flagged: 0, unchanged: 0, missing: 0, series_ids: [] }
    const sql = sharedContext.transactionManager as unknown as Sql
    const pairs = [...wanted.values()].map(({ variant_id, location_id }) => ({ variant_id, location_id }))
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
    const updates: { id: string; days: string; origin_date: string | null }[] = []
    for (const row of locked) {
      const days = applyDeltasEncoded(row.days, wanted.get(seriesKey(row.variant_id, row.location_id))!.deltas)
      if (days === row.days) continue
      const origin = summarize(decodeDemand(days)).originDay
      updates.push({ id: row.id, days, origin_date: origin === null ? null : formatCalendarDate(origin) })
    }
    if (updates.length) {
      await sql.execute(
        `UPDATE demand_series s SET days = u.days, origin_date = u.origin_date, format_version = ?, updated_at = now()
           FROM jsonb_to_recordset(?::jsonb) AS u(id text, days text, origin_date text)
          WHERE s.id = u.id`,
        [FORMAT_VERSION, JSON.stringify(updates)]
      )
    }
    return { flagged: updates.length, unchanged: locked.length - updates.length, missing: wanted.size - locked.length, series_ids: updates.map((u) => u.id) }
  }

  /**
   * Creates a service target, or changes the level and type of the one with the same scope and
   * class filter (one per scope_key, enforced by a unique index, so two racing POSTs can't make
   * two). Returns the row and whether it is new.
   */
  @InjectTransactionManager()
  async upsertServiceTarget(
    data: ServiceTargetInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ target: Record<string, any>; created: boolean }> {
    const sql = sharedContext.transactionManager as unknown as Sql
    const [row] = await sql.execute(
      `INSERT INTO service_target (id, territory_id, category_id, abc_class, xyz_class, level, type, scope_key, created_by, metadata)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
       ON CONFLICT (scope_key) WHERE deleted_at IS NULL DO UPDATE SET
              level = excluded.level, type = excluded.type, metadata = coalesce(excluded.metadata, service_target.metadata),
              updated_at = now()
       RETURNING *, (xmax = 0) AS created`,
      [
        generateEntityId(undefined, "svct"),
        data.territory_id ?? null,
        data.category_id ?? null,
        data.abc_class ?? null,
        data.xyz_class ?? null,
        data.level,
        data.type ?? "cycle",
        serviceTargetScopeKey(data),
        data.created_by ?? null,
        data.metadata ? JSON.stringify(data.metadata) : null,
      ]
    )
    const { created, ...target } = row
    return { target, created: !!created }
  }
  /**
   * Marks approved proposals consumed by a transfer plan, all or none: 409 when any of them is
   * no longer approved (another plan took it, or the merchant dismissed it meanwhile).
   */
  @InjectTransactionManager()
  async consumeProposals(ids: string[], by: string, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const sql = sharedContext.transactionManager as unknown as Sql
    const unique = [...new Set(ids)]
    if (!unique.length) return 0
    const rows = await sql.execute(
      `UPDATE replenishment_proposal SET status = 'consumed', consumed_at = now(), consumed_by = ?, updated_at = now()
        WHERE id = ANY(ARRAY(SELECT jsonb_array_elements_text(?::jsonb))) AND status = 'approved' AND deleted_at IS NULL RETURNING id`,
      [by, JSON.stringify(unique)]
    )
    if (rows.length !== unique.length) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `${unique.length - rows.length} of the plan's proposals are no longer approved: plan again`,
        "plan_stale"
      )
    }
    return rows.length
  }

  /** Undoes consumeProposals (a failed apply's compensation). */
  @InjectTransactionManager()
  async unconsumeProposals(ids: string[], by: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const sql = sharedContext.transactionManager as unknown as Sql
    if (!ids.length) return
    await sql.execute(
      `UPDATE replenishment_proposal SET status = 'approved', consumed_at = NULL, consumed_by = NULL, updated_at = now()
        WHERE id = ANY(ARRAY(SELECT jsonb_array_elements_text(?::jsonb))) AND status = 'consumed' AND consumed_by = ?`,
      [JSON.stringify(ids), by]
    )
  }
}

export default ReplenishmentModuleService
