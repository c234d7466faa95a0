import { mulberry32 } from "../random"
import type { DemandClass, ForecastError } from "../forecast/types"
import { defaultTarget, FALLBACK_TARGET, type AbcClass, type ServiceTarget, type TargetTable, type XyzClass } from "./abc-xyz"
import { compoundFillLevels, type SizePool } from "./compound"
import { pooledSample, type ErrorPool } from "./error-pool"
import { inverseNormalLoss, normalCdf, normalLoss, normalQuantile } from "./normal"

/**
 * Stock policy for one series from its forecast and the forecast's own errors.
 *
 * Time is in forecast periods (days for the nightly job). With lead time L and review period R
 * (the time between two orders), the policy holds
 * - the reorder point s, covering demand over L: a position at or below s triggers an order;
 * - the order-up-to level S, covering demand over R + L: an order brings the position up to S;
 * - the safety stock, S minus the expected demand over R + L.
 *
 * Smooth and erratic demand use the normal approximation SS = z·√(T·σd² + d²·σL²), with σd the
 * per-period sd implied by the forecast's cumulative errors over the protection interval
 * (error.hSd / √error.h: it carries the errors' autocorrelation, which the one-step sd misses).
 * Intermittent and lumpy demand use a seeded bootstrap of the demand over the interval:
 * the forecast over the interval + a cumulative forecast error from the backtest (scaled by
 * √(T / h) when the interval T differs from the errors' h), floored at 0. When σL > 0 the lead
 * time is drawn from N(L, σL) (at least 0) and the forecast taken over the drawn interval — the
 * d²·σL² term of the formula; each error is used equally often (stratified). The level is the
 * continuity-corrected target quantile of that sample (cycle service), or the smallest level
 * whose expected shortage per cycle on that sample is at most (1 − β)·(demand per cycle) (fill
 * rate, the loss-function condition). The shortage of a cycle is E[(D(L+R) − S)⁺] − E[(D(L) − S)⁺]
 * (the units short at the end of the protection interval minus those already short before the
 * cycle's demand), in the normal approach and the bootstrap alike. With a `pool`, the sample is mixed with the standardised
 * errors of similar series (weight POOL_WEIGHT errors; see error-pool.ts), so that a small sample
 * still shows a tail. Given the series' demand sizes (`sizes`, and the batch's `sizePool`), a
 * fill-rate target of intermittent and lumpy demand uses the compound model of compound.ts
 * instead: occurrence from the forecast, sizes from the history and the pool, exact on the
 * integers — the fill rate is decided by the mean of the size tail, which 13–24 errors miss.
 */

export interface PolicyOverride {
  /** Fixed reorder point (the merchant's min). */
  min?: number | null
  /** Fixed order-up-to level (the merchant's max). */
  max?: number | null
  /** Keep the previous policy as it is. */
  frozen?: boolean
}

export interface PolicyLevels {
  safetyStock: number
  reorderPoint: number
  orderUpTo: number
}

export interface PolicyInput {
  /** What planSeries returned (class, forecast per period, error distribution). */
  plan: { class: DemandClass; forecast: ArrayLike<number>; error: ForecastError }
  /** Lead time in periods: mean and standard deviation. */
  leadTime: { mean: number; sd?: number }
  /** Periods between two orders. Default 1. */
  reviewPeriod?: number
  /** Explicit target; otherwise the ABC–XYZ default, otherwise 95 % cycle service. */
  target?: ServiceTarget | null
  abc?: AbcClass | null
  xyz?: XyzClass | null
  /** Target table of the territory or category (defaults to DEFAULT_SERVICE_TARGETS). */
  targets?: Readonly<TargetTable> | null
  /** Supplier's case pack and minimum order quantity, when known. */
  casePack?: number | null
  moq?: number | null
  override?: PolicyOverride | null
  /** The policy in force, needed when the override freezes it. */
  previous?: PolicyLevels | null
  /**
   * Errors of the other series planned in the same batch (buildErrorPool), used to complete a
   * small error sample of an intermittent or lumpy series. Without it only the own sample is used.
   */
  pool?: ErrorPool | null
  /**
   * The series' own demand sizes (its non-zero baseline periods: demandSizes(history)) and the
   * batch's pooled sizes (buildSizePool). With them, a fill-rate target of an intermittent or
   * lumpy series uses the compound (occurrence × size) model of compound.ts instead of the
   * bootstrap.
   */
  sizes?: ArrayLike<number> | null
  sizePool?: SizePool | null
  /** serviceCurve() of this same input, when the caller has it: the bootstrap is not drawn again. */
  curves?: ServiceCurves | null
  /** Bootstrap seed and replicate count (defaults 1 and 1000). */
  seed?: number
  replicates?: number
}

export interface Policy extends PolicyLevels {
  approach: "normal" | "bootstrap" | "compound" | "none"
  target: ServiceTarget & { source: "input" | "abc-xyz" | "default" }
  /** Forecast demand over the lead time and over review + lead time. */
  leadTimeDemand: number
  protectionDemand: number
  /** Per-period demand and its error sd used by the normal approach. */
  demandPerPeriod: number
  sigmaPerPeriod: number
  /** The computed levels before any override, and which overrides were applied. */
  computed: PolicyLevels
  overrides: Array<"min" | "max" | "frozen">
  casePack: number
  moq: number
}

/** Bootstrap needs at least this many cumulative errors; fewer fall back to the normal approach. */
export const MIN_BOOTSTRAP_SAMPLE = 10

/** Lead time, review period and the forecast's demand and error over them. */
function intervals(input: PolicyInput) {
  const L = input.leadTime.mean
  const sL = input.leadTime.sd ?? 0
  const R = input.reviewPeriod ?? 1
  if (!(L >= 0)) throw new Error(`leadTime.mean must be ≥ 0, got ${L}`)
  if (!(sL >= 0)) throw new Error(`leadTime.sd must be ≥ 0, got ${sL}`)
  if (!(R >= 0)) throw new Error(`reviewPeriod must be ≥ 0, got ${R}`)
  const { plan } = input
  const f = plan.forecast
  const muL = cumulative(f, L)
  const muP = cumulative(f, R + L)
  const d = R + L > 0 ? muP / (R + L) : f.length ? f[0] : 0
  const err = plan.error
  const sigma = err.h > 0 && err.hSd > 0 ? err.hSd / Math.sqrt(err.h) : err.sd
  const kind: "none" | "sampled" | "normal" =
    plan.class === "none" || (muP === 0 && sigma === 0)
      ? "none"
      : (plan.class === "intermittent" || plan.class === "lumpy") && err.sample.length >= MIN_BOOTSTRAP_SAMPLE
        ? "sampled"
        : "normal"
  return { L, sL, R, f, muL, muP, d, err, sigma, kind }
}

/** A series' cycle service by level: index S holds the modelled service at level S. */
export interface ServiceCurves {
  /** Over review period + lead time: the order-up-to level's curve. */
  orderUpTo: Float64Array
  /** Over the lead time: the reorder point's curve (bootstrap only; the normal approach recomputes it cheaply). */
  reorder: Float64Array | null
}

/**
 * The cycle-service curves of a series: orderUpTo[S] = the modelled probability that a review
 * cycle ends without a stock-out at order-up-to level S, for S = 0, 1, … up to the first S where
 * it reaches 1. The same model planPolicy takes the target's quantile of (the
 * continuity-corrected bootstrap, or the normal approach), so planPolicy at level
 * curveLevel(orderUpTo, S) gives order-up-to level S. What group service allocation
 * (group-service.ts) trades between series; passing the curves back to planPolicy (`curves`)
 * spares it drawing the bootstrap again. null when there is nothing to trade — no demand, not a
 * cycle-service target — or the curve would pass MAX_CURVE_LEVELS levels.
 */
export function serviceCurve(input: PolicyInput): ServiceCurves | null {
  if (resolveTarget(input).kind !== "cycle") return null
  const { L, sL, R, f, muP, d, err, sigma, kind } = intervals(input)
  if (kind === "none" || !Number.isFinite(muP)) return null
  if (kind === "sampled") {
    const sample = pooledSample(err, input.plan.class, cumulative(f, err.h > 0 ? err.h : 1), input.pool)
    const used = sample === err.sample ? err : { ...err, sample }
    const { dP, dL } = protectionSample(f, used, L, sL, R, input.seed ?? 1, input.replicates ?? 1000)
    const orderUpTo = sampleCurve(dP)
    return orderUpTo ? { orderUpTo, reorder: sampleCurve(dL) } : null
  }
  const sdP = Math.sqrt((R + L) * sigma * sigma + d * d * sL * sL)
  if (!Number.isFinite(sdP)) return null
  // the normal approach is cheap to plan again: no reorder curve needed
  const orderUpTo = normalCurve(muP, sdP)
  return orderUpTo ? { orderUpTo, reorder: null } : null
}

/**
 * F[S] = share of the sample a level S covers: values up to S + ½, as the bootstrap's quantile
 * counts (a value v is first covered at S = ⌈v − ½⌉), by a histogram over the levels — no sort.
 */
function sampleCurve(d: Float64Array): Float64Array | null {
  const size = d.length
  let max = 0
  for (let i = 0; i < size; i++) if (d[i] > max) max = d[i]
  const top = Math.max(0, Math.ceil(max - 0.5 - 1e-9))
  if (!(top < MAX_CURVE_LEVELS)) return null
  const F = new Float64Array(top + 1)
  for (let i = 0; i < size; i++) {
    const S = Math.ceil(d[i] - 0.5 - 1e-9)
    F[S > 0 ? (S < top ? S : top) : 0]++
  }
  let c = 0
  for (let S = 0; S <= top; S++) {
    c += F[S]
    F[S] = c / size
  }
  F[top] = 1
  return F
}

function normalCurve(mu: number, sd: number): Float64Array | null {
  // a spread far below a unit is none: planPolicy's level is then ⌈μ⌉ whatever the target
  if (!(sd > 1e-9)) {
    const n = Math.max(1, Math.ceil(mu - 1e-9) + 1)
    if (!(n <= MAX_CURVE_LEVELS)) return null
    const F = new Float64Array(n)
    F[n - 1] = 1
    return F
  }
  const top = Math.max(0, Math.ceil(mu + CURVE_Z_MAX * sd))
  if (!(top < MAX_CURVE_LEVELS)) return null
  const F = new Float64Array(top + 1)
  for (let S = 0; S <= top; S++) F[S] = normalCdf((S - mu) / sd)
  F[top] = 1
  return F
}

/** Smallest level whose service on a curve reaches p (the curve's last level if none). */
export function curveQuantile(F: Float64Array, p: number): number {
  let lo = 0
  let hi = F.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (F[mid] >= p) hi = mid
    else lo = mid + 1
  }
  return lo
}

/**
 * The cycle-service target at which planPolicy gives order-up-to level S of a service curve:
 * F[S], a hair lower, so that the normal approach's approximations of Φ and Φ⁻¹ (errors up to
 * 1.2e-7·(1 − p)) cannot round it up to S + 1; the step is far below a bootstrap sample's 1/n.
 */
export function curveLevel(F: Float64Array, S: number): number {
  const q = F[S]
  return Math.min(1 - 1e-9, q - 1e-6 * (1 - q))
}

/** Longest service curve (levels 0 … MAX_CURVE_LEVELS − 1): a series that needs more is planned on its own. */
export const MAX_CURVE_LEVELS = 20_000
/** The normal curve ends at μ + CURVE_Z_MAX·σ, where Φ is 1 to 9 digits. */
const CURVE_Z_MAX = 6

export function planPolicy(input: PolicyInput): Policy {
  const casePack = input.casePack && input.casePack > 0 ? Math.round(input.casePack) : 1
  const moq = input.moq && input.moq > 0 ? Math.round(input.moq) : 0
  const target = resolveTarget(input)
  const { plan } = input
  const { L, sL, R, f, muL, muP, d, err, sigma, kind } = intervals(input)

  let approach: Policy["approach"]
  let levels: PolicyLevels
  if (kind === "none") {
    approach = "none"
    levels = { safetyStock: 0, reorderPoint: 0, orderUpTo: 0 }
  } else if (kind === "sampled") {
    const compound =
      target.kind === "fill" && input.sizes && input.sizes.length > 0
        ? compoundFillLevels(d, input.sizes, input.sizePool?.[plan.class], L, sL, R, (1 - target.level) * (R > 0 ? cumulative(f, R) : muP))
        : null
    if (compound) {
      approach = "compound"
      levels = { safetyStock: 0, reorderPoint: compound.reorderPoint, orderUpTo: Math.max(compound.orderUpTo, compound.reorderPoint) }
    } else if (target.kind === "cycle" && input.curves?.reorder) {
      approach = "bootstrap"
      levels = { safetyStock: 0, reorderPoint: curveQuantile(input.curves.reorder, target.level), orderUpTo: curveQuantile(input.curves.orderUpTo, target.level) }
    } else {
      approach = "bootstrap"
      const sample = pooledSample(err, plan.class, cumulative(f, err.h > 0 ? err.h : 1), input.pool)
      const used = sample === err.sample ? err : { ...err, sample }
      levels = bootstrapLevels(f, used, L, sL, R, target, input.seed ?? 1, input.replicates ?? 1000)
    }
    levels.safetyStock = Math.max(0, Math.ceil(levels.orderUpTo - muP - 1e-9))
  } else {
    approach = "normal"
    const sdL = Math.sqrt(L * sigma * sigma + d * d * sL * sL)
    const sdP = Math.sqrt((R + L) * sigma * sigma + d * d * sL * sL)
    let ssL: number
    let ssP: number
    if (target.kind === "cycle") {
      const z = normalQuantile(target.level)
      ssL = z * sdL
      ssP = z * sdP
    } else {
      // expected shortage per cycle = (1 − β)·(demand per cycle); for the order-up-to level the
      // shortage of a cycle is σP·G((S − μP)/σP) − σL·G((S − μL)/σL): the units short at the end
      // of the protection interval minus those already short before the cycle's demand
      const perCycle = (1 - target.level) * (R > 0 ? cumulative(f, R) : d)
      ssL = sdL > 0 ? inverseNormalLoss(perCycle / sdL) * sdL : 0
      if (R > 0 && sdP > 0) ssP = normalFillLevel(muL, sdL, muP, sdP, perCycle) - muP
      else ssP = sdP > 0 ? inverseNormalLoss(perCycle / sdP) * sdP : 0
    }
    ssL = Math.max(0, ssL)
    ssP = Math.max(0, ssP)
    levels = { safetyStock: Math.ceil(ssP - 1e-9), reorderPoint: Math.ceil(muL + ssL - 1e-9), orderUpTo: Math.ceil(muP + ssP - 1e-9) }
  }
  if (levels.orderUpTo < levels.reorderPoint) levels.orderUpTo = levels.reorderPoint
  const computed = { ...levels }
  const overrides: Policy["overrides"] = []
  const o = input.override
  if (o?.frozen) {
    if (!input.previous) throw new Error("override.frozen needs the previous policy (input.previous)")
    levels = { ...input.previous }
    overrides.push("frozen")
  } else if (o) {
    const min = o.min ?? null
    const max = o.max ?? null
    if (min !== null && !(min >= 0)) throw new Error(`override.min must be ≥ 0, got ${min}`)
    if (max !== null && !(max >= 0)) throw new Error(`override.max must be ≥ 0, got ${max}`)
    if (min !== null && max !== null && max < min) throw new Error(`override.max (${max}) is below override.min (${min})`)
    if (min !== null) {
      levels.reorderPoint = min
      overrides.push("min")
      if (max === null && levels.orderUpTo < min) levels.orderUpTo = min
    }
    if (max !== null) {
      levels.orderUpTo = max
      overrides.push("max")
      if (min === null && levels.reorderPoint > max) levels.reorderPoint = max
    }
  }
  return {
    ...levels,
    approach,
    target,
    leadTimeDemand: muL,
    protectionDemand: muP,
    demandPerPeriod: d,
    sigmaPerPeriod: sigma,
    computed,
    overrides,
    casePack,
    moq,
  }
}

/**
 * Units to order now for an inventory position (on hand − reserved + incoming): nothing above
 * the reorder point, else up to the order-up-to level, rounded up to whole case packs and to at
 * least the minimum order quantity.
 */
export function orderQuantity(policy: Pick<Policy, "reorderPoint" | "orderUpTo" | "casePack" | "moq">, position: number): number {
  if (position > policy.reorderPoint) return 0
  let q = Math.max(0, policy.orderUpTo - position)
  if (q === 0) return 0
  q = Math.max(q, policy.moq)
  const pack = policy.casePack > 0 ? policy.casePack : 1
  return Math.ceil(q / pack - 1e-9) * pack
}

/** The target a policy is planned for: the input's, else the ABC–XYZ default, else the fallback. */
export function resolveTarget(input: PolicyInput): Policy["target"] {
  const t = input.target
  if (t) {
    if (!(t.level > 0 && t.level < 1)) throw new Error(`target.level must be in (0, 1), got ${t.level}`)
    if (t.kind !== "cycle" && t.kind !== "fill") throw new Error(`target.kind must be "cycle" or "fill"`)
    return { kind: t.kind, level: t.level, source: "input" }
  }
  if (input.abc && input.xyz) return { ...defaultTarget(input.abc, input.xyz, input.targets ?? undefined), source: "abc-xyz" }
  return { ...FALLBACK_TARGET, source: "default" }
}

/** Σ forecast over the first x periods (fractional x interpolates; past the horizon the last week's mean repeats). */
export function cumulative(f: ArrayLike<number>, x: number): number {
  if (x <= 0 || f.length === 0) return 0
  const h = f.length
  const whole = Math.floor(x)
  let s = 0
  const upto = Math.min(whole, h)
  for (let i = 0; i < upto; i++) s += f[i]
  let tail = 0
  if (whole >= h || x > h) {
    const k = Math.min(7, h)
    for (let i = h - k; i < h; i++) tail += f[i]
    tail /= k
  }
  if (whole > h) s += (whole - h) * tail
  const frac = x - whole
  if (frac > 0) s += frac * (whole < h ? f[whole] : tail)
  return s
}

/** Σ forecast over x periods from prefix sums (same rule as cumulative()). */
function cumulativeFrom(pref: Float64Array, h: number, tail: number, x: number): number {
  if (x <= 0) return 0
  const whole = Math.floor(x)
  const frac = x - whole
  if (whole < h) return pref[whole] + frac * (pref[whole + 1] - pref[whole])
  return pref[h] + (x - h) * tail
}

let scratchPref = new Float64Array(64)
let scratchP = new Float64Array(1024)
let scratchL = new Float64Array(1024)

/**
 * The bootstrap's paired demand samples over the protection interval (dP, R + L) and the lead
 * time (dL): the forecast over the interval + each cumulative error scaled to it, floored at 0;
 * with a random lead time, each error used equally often over drawn lead times. Views of shared
 * scratch buffers: valid until the next call.
 */
function protectionSample(f: ArrayLike<number>, err: ForecastError, L: number, sL: number, R: number, seed: number, B: number) {
  if (!(Number.isInteger(B) && B >= 10)) throw new Error(`replicates must be an integer ≥ 10, got ${B}`)
  const sample = err.sample
  const ns = sample.length
  // With a fixed lead time every replicate is one of the ns sample points, so the bootstrap's
  // limit (B → ∞) is the sample itself, used exactly. With a random lead time each error is
  // used equally often (⌈B / ns⌉ times, stratified) and only the lead times are drawn, so the
  // result tends to the fixed-lead-time one as the spread shrinks.
  const exact = !(sL > 0)
  const size = exact ? ns : ns * Math.max(1, Math.ceil(B / ns))
  if (scratchP.length < size) {
    scratchP = new Float64Array(size)
    scratchL = new Float64Array(size)
  }
  const dP = scratchP.subarray(0, size)
  const dL = scratchL.subarray(0, size)
  const h = err.h > 0 ? err.h : 1
  const fixedMuL = cumulative(f, L)
  const fixedMuP = cumulative(f, R + L)
  const rootP = Math.sqrt((R + L) / h)
  const rootL = Math.sqrt(L / h)
  if (exact) {
    for (let i = 0; i < ns; i++) {
      const vP = fixedMuP + sample[i] * rootP
      const vL = fixedMuL + sample[i] * rootL
      dP[i] = vP > 0 ? vP : 0
      dL[i] = vL > 0 ? vL : 0
    }
  } else {
    const hf = f.length
    if (scratchPref.length < hf + 1) scratchPref = new Float64Array(hf + 1)
    const pref = scratchPref
    pref[0] = 0
    for (let i = 0; i < hf; i++) pref[i + 1] = pref[i] + f[i]
    let tail = 0
    const kt = Math.min(7, hf)
    for (let i = hf - kt; i < hf; i++) tail += f[i]
    tail = kt > 0 ? tail / kt : 0
    const rng = mulberry32(seed)
    let spare = NaN
    for (let b = 0, i = 0; b < size; b++, i = i + 1 === ns ? 0 : i + 1) {
      // Box–Muller, both normals used; lead times are never negative
      let z: number
      if (spare === spare) {
        z = spare
        spare = NaN
      } else {
        const r = Math.sqrt(-2 * Math.log(rng() || 1e-12))
        const a = 2 * Math.PI * rng()
        z = r * Math.cos(a)
        spare = r * Math.sin(a)
      }
      const lb = Math.max(0, L + sL * z)
      const muL = cumulativeFrom(pref, hf, tail, lb)
      const muP = cumulativeFrom(pref, hf, tail, R + lb)
      const e = sample[i]
      // as in z·√(T·σd² + d²·σL²): the forecast error of the nominal interval plus the demand
      // of the lead-time deviation (the forecast over the drawn interval)
      const vP = muP + e * rootP
      const vL = muL + e * rootL
      dP[b] = vP > 0 ? vP : 0
      dL[b] = vL > 0 ? vL : 0
    }
  }
  return { dP, dL, size, fixedMuP }
}

function bootstrapLevels(
  f: ArrayLike<number>,
  err: ForecastError,
  L: number,
  sL: number,
  R: number,
  target: ServiceTarget,
  seed: number,
  B: number
): PolicyLevels {
  const { dP, dL, size, fixedMuP } = protectionSample(f, err, L, sL, R, seed, B)
  if (target.kind === "cycle") {
    // Demand comes in whole units while the sample is continuous (forecast + error): a level S
    // covers every sample value below S + ½ (continuity correction).
    const S = Math.max(0, Math.ceil(quantile(dP, target.level) - 0.5 - 1e-9))
    const s = Math.max(0, Math.ceil(quantile(dL, target.level) - 0.5 - 1e-9))
    return { safetyStock: 0, reorderPoint: s, orderUpTo: S }
  }
  // fill rate: smallest integer level whose expected shortage per cycle ≤ (1 − β)·(demand per cycle)
  const perCycle = (1 - target.level) * (R > 0 ? cumulative(f, R) : fixedMuP)
  const S = R > 0 ? smallestLevelNet(dP, dL, perCycle, size) : smallestLevel(dP, perCycle, size)
  const s = smallestLevel(dL, perCycle, size)
  return { safetyStock: 0, reorderPoint: s, orderUpTo: S }
}

function expectedShortage(d: Float64Array, level: number): number {
  let s = 0
  for (let i = 0; i < d.length; i++) if (d[i] > level) s += d[i] - level
  return s / d.length
}

/**
 * Smallest integer level S whose expected shortage in a review cycle, E[(D(L+R) − S)⁺] −
 * E[(D(L) − S)⁺] on the paired sample (the same error and lead time in both), is at most
 * `allowed`. The second term is the shortage that was already there before the cycle's demand.
 * D(L) is capped at D(L+R) per replicate (an additive negative error can otherwise make the
 * shorter interval's demand the larger), so each replicate's shortage lies in [0, D(L+R) − D(L)]
 * and falls as S grows.
 */
function smallestLevelNet(dP: Float64Array, dL: Float64Array, allowed: number, B: number): number {
  const short = (S: number) => {
    let x = 0
    for (let i = 0; i < B; i++) {
      const p = dP[i]
      if (p <= S) continue
      const l = dL[i] < p ? dL[i] : p
      x += l > S ? p - l : p - S
    }
    return x / B
  }
  if (short(0) <= allowed) return 0
  let hi = 0
  for (let i = 0; i < B; i++) if (dP[i] > hi) hi = dP[i]
  let lo = 0
  let top = Math.ceil(hi)
  while (top - lo > 1) {
    const mid = (lo + top) >> 1
    if (short(mid) <= allowed) top = mid
    else lo = mid
  }
  return top
}

/**
 * The (continuous) order-up-to level S of the normal approach at which the expected shortage per
 * review cycle, σP·G((S − μP)/σP) − σL·G((S − μL)/σL), equals `allowed` (Silver, Pyke & Peterson's
 * periodic-review condition with the second term kept). The shortage falls from μP − μL (the
 * cycle's demand: nothing on hand) to 0 as S grows, so bisection finds it.
 */
export function normalFillLevel(muL: number, sdL: number, muP: number, sdP: number, allowed: number): number {
  const short = (S: number) => sdP * normalLoss((S - muP) / sdP) - (sdL > 0 ? sdL * normalLoss((S - muL) / sdL) : Math.max(0, muL - S))
  const spread = Math.max(sdP, sdL)
  let lo = Math.min(muL, muP) - 10 * spread - 1
  let hi = muP + 10 * spread + 1
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2
    if (short(mid) > allowed) lo = mid
    else hi = mid
  }
  return hi
}

function smallestLevel(d: Float64Array, allowed: number, B: number): number {
  let hi = 0
  for (let i = 0; i < B; i++) if (d[i] > hi) hi = d[i]
  let lo = 0
  let top = Math.ceil(hi)
  if (expectedShortage(d, 0) <= allowed) return 0
  while (top - lo > 1) {
    const mid = (lo + top) >> 1
    if (expectedShortage(d, mid) <= allowed) top = mid
    else lo = mid
  }
  return top
}

/**
 * Quantile p of a sample as the inverse of its empirical distribution function (the smallest
 * value with at least a share p of the sample at or below it; Hyndman & Fan type 1). Unlike
 * interpolating definitions it does not change when every sample point is repeated, so the
 * stratified random-lead-time sample tends to the fixed-lead-time one. Reorders `a`.
 */
export function quantile(a: Float64Array, p: number): number {
  const n = a.length
  if (n === 0) return 0
  return select(a, Math.min(n - 1, Math.max(0, Math.ceil(p * n - 1e-9) - 1)))
}

/** k-th smallest (0-based) by quickselect; reorders `a`. */
export function select(a: Float64Array, k: number): number {
  let lo = 0
  let hi = a.length - 1
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1]
    let i = lo
    let j = hi
    while (i <= j) {
      while (a[i] < pivot) i++
      while (a[j] > pivot) j--
      if (i <= j) {
        const t = a[i]
        a[i] = a[j]
        a[j] = t
        i++
        j--
      }
    }
    if (k <= j) hi = j
    else if (k >= i) lo = i
    else return a[k]
  }
  return a[k]
}
