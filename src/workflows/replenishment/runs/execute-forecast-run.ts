import os from "node:os"
import { randomUUID } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { localBusinessDate, parseCalendarDate } from "../../../lib/opening-hours"
import { REPLENISHMENT_MODULE } from "../../../modules/replenishment"
import type ReplenishmentModuleService from "../../../modules/replenishment/service"
import {
  decodeSeriesCursor,
  encodeSeriesCursor,
  LeaseLostError,
  type ResolvedScope,
  type RunOptions,
  type SeriesChunkRow,
  type SeriesCursor,
} from "../../../modules/replenishment/service"
import type { FuturePromotionIndex } from "../../../lib/replenishment-signals"
import type { StoredShare } from "../../../lib/safety-stock"
import type { ChunkContext, ChunkOutput, SeriesTask } from "../../../workers/forecast-compute"
import { wholeLocations } from "../../../workers/chunk-split"
import { ForecastPool } from "../../../workers/forecast-pool"
import { proposalEvaluator, type ProposalEvaluator } from "../proposals/evaluate-proposals"
import { resolveFuturePromotions, resolveServiceTargets, type TargetLookup } from "./run-signals"
import { locationKinds, type StoredScope } from "./scope"

/** The business day runs are dated by: the chain's head office timezone. */
export const RUN_TIMEZONE = "Asia/Shanghai"

export type ProcessOptions = {
  /** Lease owner id; one is made up from host, pid and a random part when absent. */
  owner?: string
  /** Stop after this many chunks without finishing, leaving the lease to expire (tests: a crash). */
  maxChunks?: number
  /** Override the module's run options (tests, benchmark). */
  options?: Partial<RunOptions>
}

export type RunOutcome = { run_id: string; status: "completed" | "failed" | "lease_lost" | "stopped"; resumed: boolean; chunks: number }

const service = (c: MedusaContainer) => c.resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE)

/**
 * Works the queue: takes the lease of the next run (an expired running run first, resumed from
 * its cursor; then the oldest queued one) and runs it, until nothing is left or another
 * process holds the lease. What the worker process's jobs call; returns what it did.
 *
 * Not a workflow: a run is a 15-minute loop of independent, lease-fenced chunk transactions
 * whose resume point is the cursor on the run row — a workflow would add a second, in-memory
 * notion of progress that a crash loses anyway.
 */
export async function processForecastRuns(container: MedusaContainer, opts: ProcessOptions = {}): Promise<RunOutcome[]> {
  const owner = opts.owner ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  const outcomes: RunOutcome[] = []
  for (;;) {
    const run = await service(container).claimRun(owner)
    if (!run) break
    const outcome = await executeForecastRun(container, run, owner, opts)
    outcomes.push(outcome)
    if (outcome.status === "stopped" || outcome.status === "lease_lost") break
  }
  return outcomes
}

/** Per-run lookups beyond the history (src/workflows/replenishment/runs/run-signals.ts); null = none. */
type RunSignals = { promotions: FuturePromotionIndex | null; targets: TargetLookup | null }

/** The series' share of its service group in the last run, as planGroupPolicies reads it back. */
function storedGroup(r: SeriesChunkRow): StoredShare | null {
  const g = r.service_group
  if (!g || r.service_level_target == null) return null
  const share = { level: Number(r.service_level_target), item_level: Number(g.item_level), expected: Number(g.expected), size: Number(g.size), lambda: Number(g.lambda) }
  return Object.values(share).every(Number.isFinite) ? share : null
}

function toTasks(
  rows: SeriesChunkRow[],
  kinds: Map<string, string>,
  abc: Map<string, { a_min: number; b_min: number }>,
  o: RunOptions,
  signals: RunSignals = { promotions: null, targets: null }
): SeriesTask[] {
  return rows.map((r) => {
    const lead = o.lead_times[kinds.get(r.location_id) ?? "default"] ?? o.lead_times.default
    const cut = abc.get(r.location_id)
    const sold = Number(r.total_sold)
    return {
      id: r.id,
      variant_id: r.variant_id,
      location_id: r.location_id,
      days: r.days,
      lead_mean: lead.mean,
      lead_sd: lead.sd,
      abc: cut && sold > 0 ? (sold >= cut.a_min ? "A" : sold >= cut.b_min ? "B" : "C") : "C",
      override_min: r.override_min,
      override_max: r.override_max,
      frozen: !!r.frozen,
      override_service_level: r.override_service_level === null ? null : Number(r.override_service_level),
      override_service_level_type: r.override_service_level_type,
      previous:
        r.reorder_point === null || r.order_up_to === null
          ? null
          : { safetyStock: r.safety_stock ?? 0, reorderPoint: r.reorder_point, orderUpTo: r.order_up_to },
      stored_group: storedGroup(r),
      ...(signals.promotions ? { future_promo_days: signals.promotions.daysFor(r.variant_id, r.location_id) } : {}),
      ...(signals.targets ? { targets: signals.targets(r.variant_id, r.location_id) } : {}),
    }
  })
}

/**
 * Runs one claimed run from its cursor: reads a chunk (keyset on (location_id, id), ending at a
 * location boundary unless a location is larger than a chunk: wholeLocations), computes it
 * on the worker threads while the next chunk is read, and commits it (policies + progress, fenced
 * by the lease) while the next one computes. Once a committed chunk ends past a location, that
 * location's policies are final and its proposals are evaluated in the background while later
 * chunks compute; the locations left at the end (and any with policies but no series) are
 * evaluated last. A heartbeat renews the lease every few seconds; if it is ever lost the run
 * stops writing.
 */
export async function executeForecastRun(
  container: MedusaContainer,
  run: Record<string, any>,
  owner: string,
  opts: ProcessOptions = {}
): Promise<RunOutcome> {
  const svc = service(container)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const o: RunOptions = { ...svc.getRunOptions(), ...(opts.options ?? {}) }
  const stored = run.scope as StoredScope
  const scope: ResolvedScope = { location_ids: stored?.location_ids ?? null, variant_id: stored?.variant_id ?? null }
  const resumed = !!run.resumed
  let lost = false
  let chunks = 0
  const beat = setInterval(() => {
    svc.heartbeatRun(run.id, owner).then(
      (ok) => {
        if (!ok) lost = true
      },
      (e) => logger.warn(`forecast run ${run.id}: heartbeat failed: ${e?.message ?? e}`)
    )
  }, o.heartbeat_seconds * 1000)
  beat.unref?.()
  let pool: ForecastPool | null = null
  let proposals: ProposalEvaluator | null = null
  let stopping = false
  try {
    let asOf: string = run.as_of
    if (!asOf) {
      asOf = localBusinessDate(RUN_TIMEZONE, new Date())
      await svc.prepareRun(run.id, owner, { as_of: asOf, series_total: await svc.countSeries(scope), scope: stored ?? { kind: "all" } })
    }
    const ctx: ChunkContext = {
      asOfDay: parseCalendarDate(asOf)!,
      historyDays: o.history_days,
      horizon: o.horizon_days,
      reviewPeriod: o.review_period_days,
      serviceScope: o.service_scope,
      itemServiceFloor: o.item_service_floor,
    }
    const [kinds, abc, promotions, targets] = await Promise.all([
      locationKinds(container),
      svc.abcCutoffs(scope),
      resolveFuturePromotions(container, ctx.asOfDay, ctx.horizon, RUN_TIMEZONE),
      resolveServiceTargets(container),
    ])
    const signals: RunSignals = { promotions, targets }
    if (promotions) logger.info(`forecast run ${run.id}: ${new Set(promotions.promotions.map((p) => p.id)).size} known promotions in the horizon`)
    logger.info(`forecast run ${run.id}: ${resumed ? `resuming after ${run.cursor ?? "the start"}` : "starting"} (as of ${asOf}, owner ${owner})`)
    pool = new ForecastPool(o.worker_threads)

    // Proposals, location by location, as the chunks pass them. A resumed run re-evaluates the
    // locations before its cursor (idempotent): the crashed holder may not have reached them.
    const locations = await svc.runLocations(scope)
    const position = new Map(locations.map((l, i) => [l, i]))
    let pushed = 0 // locations[0, pushed) are queued for proposals
    const evaluator = proposalEvaluator(container, scope, {
      run_id: run.id,
      total: locations.length,
      parallel: 2, // alongside the chunks: the worker threads have the cores
      onLocation: (done, total) => {
        if (lost) throw new LeaseLostError(run.id)
        if (stopping) throw new Error("run stopped")
        if (done % 200 === 0) logger.info(`forecast run ${run.id}: proposals at ${done}/${total} locations`)
      },
    })
    proposals = evaluator
    let proposalsError: unknown = null
    evaluator.drain().catch((e) => (proposalsError ??= e))
    const proposeBefore = (location: string) => {
      const end = position.get(location)
      if (end === undefined || end <= pushed) return
      evaluator.push(locations.slice(pushed, end))
      pushed = end
      evaluator.drain().catch((e) => (proposalsError ??= e))
    }

    let cursor: SeriesCursor | null = decodeSeriesCursor(run.cursor)
    if (run.cursor && !cursor) logger.warn(`forecast run ${run.id}: cursor ${run.cursor} is from the id-ordered runs; starting the chunks over`)
    // one row more than a chunk: whether the chunk's last location goes on past it (wholeLocations)
    let next = svc.readSeriesChunk(scope, cursor, o.chunk_size + 1)
    let pendingCommit: Promise<unknown> = Promise.resolve()
    let commitError: unknown = null
    for (;;) {
      const rows = wholeLocations(await next, o.chunk_size)
      if (proposalsError) throw proposalsError
      if (!rows.length) break
      if (opts.maxChunks !== undefined && chunks >= opts.maxChunks) {
        await pendingCommit
        if (commitError) throw commitError
        await evaluator.drain()
        return { run_id: run.id, status: "stopped", resumed, chunks }
      }
      const last = rows[rows.length - 1]
      cursor = { location_id: last.location_id, id: last.id }
      next = svc.readSeriesChunk(scope, cursor, o.chunk_size + 1)
      next.catch(() => {}) // surfaced when awaited
      const result: ChunkOutput = await pool.compute(ctx, toTasks(rows, kinds, abc, o, signals))
      await pendingCommit
      if (commitError) throw commitError
      if (lost) throw new LeaseLostError(run.id)
      const commitCursor = cursor
      pendingCommit = svc
        .commitChunk(run.id, owner, {
          cursor: encodeSeriesCursor(commitCursor),
          done: rows.length,
          failures: result.failures,
          overrides_kept: result.overridesKept,
          policies_json: result.policiesJson,
          policy_count: result.policyCount,
        })
        .then(
          (r) => {
            // every location before this chunk's last one has all its policies written
            proposeBefore(commitCursor.location_id)
            if (chunks % 25 === 0) logger.info(`forecast run ${run.id}: ${r.series_done}/${r.series_total} series`)
          },
          (e) => {
            commitError = e
          }
        )
      chunks++
    }
    await pendingCommit
    if (commitError) throw commitError
    // The rest: the locations the last chunks ended in, and any location with policies whose
    // series are gone (or that gained policies since the run started). A resumed run that finds
    // no chunk left comes straight here and evaluates them all, so a crash during proposals is
    // repaired by the takeover.
    const queued = new Set(locations.slice(0, pushed))
    const rest = [...locations.slice(pushed), ...(await svc.policyLocations(scope)).filter((l) => !position.has(l))].filter((l) => !queued.has(l))
    evaluator.push(rest)
    const counts = await evaluator.drain()
    logger.info(
      `forecast run ${run.id}: proposals ${counts.created} new, ${counts.updated} updated, ${counts.closed} closed over ${counts.evaluated} series at ${counts.locations} locations`
    )
    if (!(await svc.finishRun(run.id, owner, "completed"))) throw new LeaseLostError(run.id)
    logger.info(`forecast run ${run.id}: completed`)
    return { run_id: run.id, status: "completed", resumed, chunks }
  } catch (e) {
    stopping = true
    await proposals?.drain().catch(() => {})
    if (e instanceof LeaseLostError) {
      logger.warn(e.message)
      return { run_id: run.id, status: "lease_lost", resumed, chunks }
    }
    logger.error(`forecast run ${run.id} failed: ${(e as Error)?.stack ?? e}`)
    await svc.finishRun(run.id, owner, "failed", String((e as Error)?.message ?? e)).catch(() => {})
    return { run_id: run.id, status: "failed", resumed, chunks }
  } finally {
    // a failed or lost run stops its proposals after the locations in flight
    stopping = true
    await proposals?.drain().catch(() => {})
    clearInterval(beat)
    await pool?.close()
  }
}
