/**
 * The arithmetic of a forecast run for one slice of series: decode the stored history, forecast
 * (src/lib/forecast planSeries), plan the policy (src/lib/safety-stock planPolicy). Pure and
 * synchronous; a worker thread calls it (src/workers/forecast-worker.ts) with its own Workspace,
 * and tests may call it in-process.
 */
import { decodeDemand, toDailyArrays } from "../lib/demand-codec"
import { cnHolidayFlags, EVENT_PROMO, planSeries, Workspace, type SeriesPlan } from "../lib/forecast"
import {
  buildErrorPool,
  buildSizePool,
  cumulative,
  demandSizes,
  planGroupPolicies,
  xyzClass,
  type AbcClass,
  type GroupInput,
  type PolicyOverride,
  type ServiceTarget,
  type StoredShare,
} from "../lib/safety-stock"
import { formatCalendarDate } from "../lib/opening-hours"
import { pickTarget, type TargetCandidate } from "../lib/replenishment-signals"

export type ChunkContext = {
  /** Day number (days since 1970-01-01) of the run's business date: history ends the day before. */
  asOfDay: number
  historyDays: number
  horizon: number
  reviewPeriod: number
  /** How cycle-service targets are met: per location together (default) or per series. */
  serviceScope?: "group" | "item"
  /** With group scope, the least cycle service of any one series (default ITEM_SERVICE_FLOOR). */
  itemServiceFloor?: number
}

export type SeriesTask = {
  id: string
  variant_id: string
  location_id: string
  days: string
  lead_mean: number
  lead_sd: number
  abc: AbcClass
  override_min: number | null
  override_max: number | null
  frozen: boolean
  override_service_level: number | null
  override_service_level_type: "cycle" | "fill_rate" | null
  previous: { safetyStock: number; reorderPoint: number; orderUpTo: number } | null
  /** Horizon offsets (0 = as_of) of known future promotions for this series; absent = none. */
  future_promo_days?: number[] | null
  /** Territory/category service targets reaching this series, in precedence order; absent = none. */
  targets?: TargetCandidate[] | null
  /** The series' share of its service group in the last run, for a run too narrow to form the group. */
  stored_group?: StoredShare | null
}

export type PolicyRow = {
  variant_id: string
  location_id: string
  demand_class: string
  method: string
  forecast: number[]
  forecast_error: number
  service_level_target: number
  service_level_type: "cycle" | "fill_rate"
  lead_time_mean_days: number
  lead_time_sd_days: number
  review_period_days: number
  safety_stock: number
  reorder_point: number
  order_up_to: number
  overrides_applied: string[]
  metadata: Record<string, unknown>
}

export type SeriesFailure = { series_id: string; variant_id: string; location_id: string; reason: string }

export type ChunkResult = { policies: PolicyRow[]; failures: SeriesFailure[]; overridesKept: number }

/**
 * A chunk's result as it crosses back from a worker thread: the policies already as the JSON
 * array the upsert takes (serialised on the worker, so the main thread — which reads, commits and
 * evaluates proposals for the whole run — neither clones nor stringifies thousands of objects).
 */
export type ChunkOutput = { policiesJson: string; policyCount: number; failures: SeriesFailure[]; overridesKept: number }

export const toChunkOutput = (r: ChunkResult): ChunkOutput => ({
  policiesJson: JSON.stringify(r.policies),
  policyCount: r.policies.length,
  failures: r.failures,
  overridesKept: r.overridesKept,
})

const round3 = (x: number) => Math.round(x * 1000) / 1000
const round4 = (x: number) => Math.round(x * 10000) / 10000

export class ChunkComputer {
  private ws = new Workspace()
  private calendar: { key: string; events: Uint8Array; future: Uint8Array } | null = null

  private flags(ctx: ChunkContext) {
    const key = `${ctx.asOfDay}:${ctx.historyDays}:${ctx.horizon}`
    if (this.calendar?.key !== key) {
      const from = formatCalendarDate(ctx.asOfDay - ctx.historyDays)
      this.calendar = {
        key,
        events: Uint8Array.from(cnHolidayFlags(from, ctx.historyDays)),
        future: Uint8Array.from(cnHolidayFlags(formatCalendarDate(ctx.asOfDay), ctx.horizon)),
      }
    }
    return this.calendar
  }

  compute(ctx: ChunkContext, tasks: SeriesTask[]): ChunkResult {
    const cal = this.flags(ctx)
    const policies: PolicyRow[] = []
    const failures: SeriesFailure[] = []
    let overridesKept = 0
    const from = ctx.asOfDay - ctx.historyDays
    const to = ctx.asOfDay - 1
    // Forecast every series first, then plan policies with the chunk's pooled errors: a series
    // with few errors of its own (a short history) borrows the tail of similar series.
    const planned: Array<{ t: SeriesTask; plan: SeriesPlan; protection: number; sizes: Float64Array | null }> = []
    for (const t of tasks) {
      try {
        // History starts at the series' first recorded day: before it the item was not sold
        // here (not listed yet, or the shop not open), which is no evidence of zero demand.
        const data = decodeDemand(t.days)
        const origin = Math.min(data.days[0]?.day ?? Infinity, data.stockout[0]?.start ?? Infinity, data.promotion[0]?.start ?? Infinity)
        const start = Number.isFinite(origin) ? Math.min(Math.max(from, origin), to) : from
        const arrays = toDailyArrays(data, start, to)
        const events = cal.events.slice(start - from)
        for (let i = 0; i < events.length; i++) if (arrays.promotion[i]) events[i] |= EVENT_PROMO
        let futureEvents = cal.future
        if (t.future_promo_days?.length) {
          futureEvents = cal.future.slice()
          for (const d of t.future_promo_days) if (d >= 0 && d < futureEvents.length) futureEvents[d] |= EVENT_PROMO
        }
        const protection = ctx.reviewPeriod + Math.round(t.lead_mean)
        const plan = planSeries(
          {
            demand: arrays.net,
            censored: arrays.stockout,
            events,
            futureEvents,
            period: 7,
            horizon: ctx.horizon,
            protection,
          },
          this.ws
        )
        // Demand sizes feed the compound model of fill-rate targets, which only intermittent and
        // lumpy series use; pooled across the chunk like the errors.
        const sizes = plan.class === "intermittent" || plan.class === "lumpy" ? demandSizes(arrays.net, arrays.stockout, events) : null
        planned.push({ t, plan, protection, sizes })
      } catch (e) {
        failures.push({ series_id: t.id, variant_id: t.variant_id, location_id: t.location_id, reason: (e as Error)?.message ?? String(e) })
      }
    }
    const pool = buildErrorPool(planned.map((p) => p.plan))
    const sizePool = buildSizePool(planned.map((p) => ({ class: p.plan.class, sizes: p.sizes })))
    // Inputs first, then every policy of the chunk at once: with group scope, the series of one
    // location sharing a cycle-service target meet it together (planGroupPolicies).
    const group = (ctx.serviceScope ?? "group") === "group"
    const prepared: Array<{
      t: SeriesTask
      plan: SeriesPlan
      input: GroupInput
      xyz: string
      targetOverride: ServiceTarget | null
      configured: TargetCandidate | null
      notes: string[]
    }> = []
    for (const { t, plan, protection, sizes } of planned) {
      try {
        const err = plan.error
        const expected = cumulative(plan.forecast, err.h > 0 ? err.h : protection)
        const xyz = xyzClass(expected > 0 ? err.hSd / expected : Number.NaN)
        const targetOverride: ServiceTarget | null =
          t.override_service_level !== null
            ? { kind: t.override_service_level_type === "fill_rate" ? "fill" : "cycle", level: t.override_service_level }
            : null
        // Precedence: the merchant's override > category/territory target > ABC–XYZ default.
        const configured = targetOverride ? null : pickTarget(t.targets, t.abc, xyz)
        const target: ServiceTarget | null = targetOverride ?? (configured ? { kind: configured.type === "fill_rate" ? "fill" : "cycle", level: configured.level } : null)
        let override: PolicyOverride | null = null
        const notes: string[] = []
        if (t.frozen && !t.previous) notes.push("frozen without levels to keep: computed instead")
        if ((t.frozen && t.previous) || t.override_min !== null || t.override_max !== null) {
          override = { min: t.override_min, max: t.override_max, frozen: t.frozen && !!t.previous }
        }
        const input: GroupInput = {
          plan,
          leadTime: { mean: t.lead_mean, sd: t.lead_sd },
          reviewPeriod: ctx.reviewPeriod,
          target,
          abc: t.abc,
          xyz,
          override,
          previous: t.previous,
          pool,
          sizes,
          sizePool,
          seed: hashSeed(t.id),
          // a merchant's own target for the series is a promise about that series alone
          groupKey: group && !targetOverride ? t.location_id : null,
          stored: t.stored_group ?? null,
        }
        prepared.push({ t, plan, input, xyz, targetOverride, configured, notes })
      } catch (e) {
        failures.push({ series_id: t.id, variant_id: t.variant_id, location_id: t.location_id, reason: (e as Error)?.message ?? String(e) })
      }
    }
    const results = planGroupPolicies(
      prepared.map((p) => p.input),
      { floor: ctx.itemServiceFloor }
    )
    prepared.forEach(({ t, plan, xyz, targetOverride, configured, notes }, k) => {
      const policy = results[k]
      if (policy instanceof Error) {
        failures.push({ series_id: t.id, variant_id: t.variant_id, location_id: t.location_id, reason: policy.message })
        return
      }
      const applied: string[] = [...policy.overrides]
      if (targetOverride) applied.push("target")
      if (applied.length) overridesKept++
      const share = policy.group
      policies.push({
        variant_id: t.variant_id,
        location_id: t.location_id,
        demand_class: plan.class,
        method: plan.method,
        forecast: plan.forecast.map(round3),
        forecast_error: round3(policy.sigmaPerPeriod),
        service_level_target: policy.target.level,
        service_level_type: policy.target.kind === "fill" ? "fill_rate" : "cycle",
        lead_time_mean_days: t.lead_mean,
        lead_time_sd_days: t.lead_sd,
        review_period_days: ctx.reviewPeriod,
        safety_stock: policy.safetyStock,
        reorder_point: policy.reorderPoint,
        order_up_to: policy.orderUpTo,
        overrides_applied: applied,
        metadata: {
          approach: policy.approach,
          abc: t.abc,
          xyz,
          target_source: targetOverride ? "override" : configured ? configured.source : policy.target.source === "abc-xyz" ? "abc_xyz" : policy.target.source,
          ...(configured ? { service_target_id: configured.id } : {}),
          ...(share
            ? {
                // the series' own expected cycle service (exact: a narrower run plans at it again),
                // and the location group it meets the target in
                service_group: {
                  item_level: share.itemLevel,
                  expected: round4(share.expected),
                  size: share.size,
                  lambda: share.lambda,
                  lambda_source: share.lambdaSource,
                },
              }
            : {}),
          ...(t.future_promo_days?.length ? { future_promo_days: t.future_promo_days.length } : {}),
          computed: policy.computed,
          lead_time_demand: round3(policy.leadTimeDemand),
          adi: round3(plan.adi),
          cv2: round3(plan.cv2),
          observed_days: plan.observed,
          censored_days: plan.censored,
          ...(plan.borrowed ? { borrowed: plan.borrowed } : {}),
          ...(notes.length ? { notes } : {}),
        },
      })
    })
    return { policies, failures, overridesKept }
  }
}

/** A stable bootstrap seed per series (FNV-1a of its id): the same history gives the same policy. */
function hashSeed(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0) || 1
}
