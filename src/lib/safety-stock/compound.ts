import type { DemandClass } from "../forecast/types"
import { POOL_MAX } from "./error-pool"
import { normalCdf } from "./normal"

/**
 * Compound (occurrence × size) demand over an interval, for the fill-rate level of intermittent
 * and lumpy series.
 *
 * The fill rate is decided by the rare large order: the expected shortage E[(D − S)⁺] is the
 * mean of the tail, and a bootstrap of 13–24 cumulative errors (a monthly series with three
 * years) has seen one or two of those orders at most. The compound model splits demand in a
 * period into whether there is any (probability p) and how much (the size distribution), and
 * fills the size tail from the other series:
 *
 * - size distribution: the series' own non-zero baseline periods (weight 1 each), mixed with the
 *   batch's pooled sizes of the same demand class, each divided by its own series' mean size and
 *   multiplied by this series' mean size (a scale family across series), with a total weight of
 *   SIZE_POOL_WEIGHT sizes (the own share is n / (n + SIZE_POOL_WEIGHT));
 * - occurrence: p = (forecast per period over the protection interval) / (mean size), so the
 *   compound's mean is the forecast — the forecast keeps deciding the level, the model only the
 *   shape;
 * - the number of periods with demand in n periods is Binomial(n, p); the demand is computed
 *   exactly on the integers (successive convolutions with one period's distribution);
 * - a random lead time is a mixture over whole periods (normal, rounded, at least 0).
 *
 * SIZE_POOL_WEIGHT is a fit of the size distribution, not of an inventory outcome: the
 * leave-one-out likelihood of each series' own sizes under (its other sizes + W × the pooled
 * shape) / (n − 1 + W) rises with W on both data sets of bench/forecast (carparts' first
 * hold-out month and the synthetic mix's first night), flattening past W ≈ 64 on carparts (an
 * own size seen once has no leave-one-out probability of its own; the pooled shape gives it
 * one). Over W = 0 … 300 the inventory outcomes move by at most 1.5 points of fill rate
 * (docs/BENCHMARKS.md "Inventory outcome").
 */

/** Weight of the pooled size distribution, in sizes (the own sizes weigh 1 each). */
export const SIZE_POOL_WEIGHT = 100
/** Points kept of each class's pooled (scaled) size distribution: its quantiles (k + ½) / SIZE_POOL_POINTS. */
export const SIZE_POOL_POINTS = 1000

/**
 * Multiply-adds one series' compound levels may cost (a few milliseconds at most). The exact
 * integer computation costs about periods × (occurrences kept) × (size range)², so large lots or
 * long lead times would make one series take seconds: above the budget the sizes go on a coarser
 * grid of `step` units (the levels are then multiples of step, within about a step of the exact
 * ones), and where even MIN_GRID points a size range would exceed it, the caller falls back to
 * the bootstrap.
 */
export const COMPOUND_WORK_BUDGET = 1e6
/** Most points a size distribution gets on its grid, however small the work. */
const MAX_GRID = 256
/** Fewest points a size distribution may be squeezed to before the model gives up. */
const MIN_GRID = 8

const POOLED: readonly DemandClass[] = ["intermittent", "lumpy"]

/** Pooled scaled sizes (size / own mean size) per demand class, ascending. */
export type SizePool = Partial<Record<DemandClass, Float64Array>>

let scratchSizes = new Float64Array(512)

/** The non-zero demand of the observed baseline periods (no censored or event period). */
export function demandSizes(demand: ArrayLike<number>, censored?: ArrayLike<number> | null, events?: ArrayLike<number> | null): Float64Array {
  const n = demand.length
  if (scratchSizes.length < n) scratchSizes = new Float64Array(n)
  const buf = scratchSizes
  let o = 0
  for (let i = 0; i < n; i++) {
    const v = +demand[i]
    if (v > 0 && !(censored && censored[i]) && !(events && events[i])) buf[o++] = v
  }
  return buf.slice(0, o)
}

/**
 * Pool the scaled sizes of a batch, per class (intermittent and lumpy). Series with fewer than two
 * sizes say nothing about the shape (their one scaled size is 1) and are left out. Above POOL_MAX
 * sizes a class keeps a deterministic stride subsample (as the error pool does).
 */
export function buildSizePool(items: Iterable<{ class: DemandClass; sizes: ArrayLike<number> | null | undefined }>): SizePool {
  const list = Array.from(items)
  const out: SizePool = {}
  for (const cls of POOLED) {
    let total = 0
    for (const it of list) if (it.class === cls && it.sizes && it.sizes.length >= 2) total += it.sizes.length
    if (total === 0) continue
    // every step-th size (in batch order) when the class has more than POOL_MAX: the pool is
    // kept as SIZE_POOL_POINTS quantiles, which that many sizes give as well as all of them
    const step = Math.ceil(total / POOL_MAX)
    const a = new Float64Array(Math.ceil(total / step))
    let o = 0
    let g = 0
    for (const it of list) {
      const sz = it.sizes
      if (it.class !== cls || !sz || sz.length < 2) continue
      let m = 0
      for (let i = 0; i < sz.length; i++) m += sz[i]
      m /= sz.length
      if (!(m > 0)) {
        g += sz.length
        continue
      }
      for (let i = 0; i < sz.length; i++, g++) if (g % step === 0) a[o++] = sz[i] / m
    }
    if (o === 0) continue
    const sorted = a.subarray(0, o).sort()
    const k = Math.min(SIZE_POOL_POINTS, o)
    const q = new Float64Array(k)
    for (let j = 0; j < k; j++) q[j] = sorted[Math.min(o - 1, Math.floor(((j + 0.5) / k) * o))]
    out[cls] = q
  }
  return out
}

/** The largest size the distribution can take, in units: the own sizes' and the pooled ones' scaled to this series. */
export function sizeRange(own: ArrayLike<number>, pooled: Float64Array | null | undefined): { max: number; mean: number } {
  const n = own.length
  let m = 0
  let max = 1
  for (let i = 0; i < n; i++) {
    m += own[i]
    if (own[i] > max) max = own[i]
  }
  m /= n
  const k = pooled ? pooled.length : 0
  if (k > 0 && pooled![k - 1] * m > max) max = pooled![k - 1] * m
  return { max, mean: m }
}

/**
 * Size distribution on a grid of `step` units, points 0 … max / step (own sizes + pooled scaled
 * sizes; each size split linearly between its two neighbouring points, so the mean is kept). With
 * step 1 the mass at 0 is 0; a coarser grid puts part of sizes below one step there.
 */
export function sizeDistribution(own: ArrayLike<number>, pooled: Float64Array | null | undefined, step = 1): { pmf: Float64Array; mean: number } {
  const n = own.length
  const { max, mean: m } = sizeRange(own, pooled)
  const k = pooled ? pooled.length : 0
  const pmf = new Float64Array(Math.ceil(max / step) + 2)
  const put = (v: number, w: number) => {
    const g = Math.max(1, v) / step
    const lo = Math.floor(g)
    const fr = g - lo
    pmf[lo] += w * (1 - fr)
    if (fr > 0) pmf[lo + 1] += w * fr
  }
  for (let i = 0; i < n; i++) put(own[i], 1)
  const wp = k > 0 ? SIZE_POOL_WEIGHT / k : 0
  for (let j = 0; j < k; j++) put(pooled![j] * m, wp)
  let total = 0
  for (let x = 0; x < pmf.length; x++) total += pmf[x]
  let mean = 0
  for (let x = 0; x < pmf.length; x++) {
    pmf[x] /= total
    mean += x * pmf[x]
  }
  return { pmf, mean }
}

/**
 * The grid step (units) that keeps one series' compound levels within COMPOUND_WORK_BUDGET, or
 * null when even MIN_GRID points would not: `periods` convolutions whose arrays hold about
 * (periods · p + 30) occurrences of up to `points` grid points each, times `points` per step.
 */
export function gridStep(maxSize: number, p: number, periods: number): number | null {
  const occurrences = periods * p + 30
  const points = Math.min(MAX_GRID, Math.floor(Math.sqrt(COMPOUND_WORK_BUDGET / (Math.max(1, periods) * occurrences))))
  if (points < MIN_GRID) return null
  return Math.max(1, Math.ceil(maxSize / points))
}

/** Integer lead times and their weights: N(L, sL) rounded and floored at 0; without spread, L itself (or its two neighbours). */
export function leadTimePoints(L: number, sL: number): Array<{ lead: number; weight: number }> {
  if (!(sL > 0)) {
    const lo = Math.floor(L)
    const fr = L - lo
    return fr > 0 ? [{ lead: lo, weight: 1 - fr }, { lead: lo + 1, weight: fr }] : [{ lead: lo, weight: 1 }]
  }
  const from = Math.max(0, Math.floor(L - 4 * sL))
  const to = Math.ceil(L + 4 * sL)
  const out: Array<{ lead: number; weight: number }> = []
  let total = 0
  for (let k = from; k <= to; k++) {
    const upper = normalCdf((k + 0.5 - L) / sL)
    const lower = k === 0 ? 0 : normalCdf((k - 0.5 - L) / sL)
    const w = upper - lower
    if (w > 0) {
      out.push({ lead: k, weight: w })
      total += w
    }
  }
  for (const o of out) o.weight /= total
  return out
}

const TAIL = 1e-12

/**
 * Demand over n = 0 … nMax periods, each period's demand 0 with probability 1 − p and a size
 * from `size` with probability p. Each array is cut where less than 1e-12 of the mass is left.
 */
export function compoundPowers(p: number, size: Float64Array, nMax: number): Float64Array[] {
  const q = new Float64Array(size.length)
  for (let x = 0; x < size.length; x++) q[x] = p * size[x]
  q[0] += 1 - p
  const out: Float64Array[] = [Float64Array.of(1)]
  for (let n = 1; n <= nMax; n++) {
    const prev = out[n - 1]
    const full = new Float64Array(prev.length + q.length - 1)
    for (let i = 0; i < prev.length; i++) {
      const a = prev[i]
      if (a === 0) continue
      for (let j = 0; j < q.length; j++) full[i + j] += a * q[j]
    }
    let cum = 0
    let end = full.length
    for (let x = 0; x < full.length; x++) {
      cum += full[x]
      if (cum >= 1 - TAIL) {
        end = x + 1
        break
      }
    }
    out.push(end === full.length ? full : full.subarray(0, end))
  }
  return out
}

/** E[(D − S)⁺] for S = 0 … len − 1 of a pmf, in one pass. */
export function lossCurve(pmf: Float64Array, len: number): Float64Array {
  const out = new Float64Array(len)
  let mean = 0
  for (let x = 0; x < pmf.length; x++) mean += x * pmf[x]
  // E[(D − S)⁺] = E[D] − S + E[(S − D)⁺]; E[(S − D)⁺] grows by F(S − 1) from S − 1 to S
  let below = 0
  let F = 0
  for (let S = 0; S < len; S++) {
    if (S > 0) {
      F += S - 1 < pmf.length ? pmf[S - 1] : 0
      below += F
    }
    out[S] = Math.max(0, mean - S + below)
  }
  return out
}

/**
 * Fill-rate levels from the compound model: the smallest order-up-to level S whose expected
 * shortage per review cycle, E[(D(L+R) − S)⁺] − E[(D(L) − S)⁺], is at most `allowed`, and the
 * smallest reorder point s with E[(D(L) − s)⁺] ≤ `allowed`. Null when the model does not apply
 * (the forecast per period is not below the mean size: not intermittent demand).
 */
export function compoundFillLevels(
  perPeriod: number,
  sizes: ArrayLike<number>,
  pooled: Float64Array | null | undefined,
  L: number,
  sL: number,
  R: number,
  allowed: number
): { orderUpTo: number; reorderPoint: number } | null {
  if (sizes.length === 0 || !(perPeriod > 0) || !Number.isInteger(R) || R < 1) return null
  const range = sizeRange(sizes, pooled)
  const points = leadTimePoints(L, sL)
  let nMax = 0
  for (const pt of points) if (pt.lead + R > nMax) nMax = pt.lead + R
  const step = gridStep(range.max, Math.min(1, perPeriod / range.mean), nMax)
  if (step === null) return null
  const { pmf: size, mean } = sizeDistribution(sizes, pooled, step)
  // In grid units: the occurrence keeps the compound's mean at the forecast, the allowed shortage shrinks by step.
  const p = perPeriod / (mean * step)
  if (!(p < 1)) return null
  allowed /= step
  const powers = compoundPowers(p, size, nMax)
  let len = 1
  for (const pt of points) len = Math.max(len, powers[pt.lead + R].length + 1)
  const lossP = new Float64Array(len)
  const lossL = new Float64Array(len)
  for (const pt of points) {
    const a = lossCurve(powers[pt.lead + R], len)
    const b = lossCurve(powers[pt.lead], len)
    for (let S = 0; S < len; S++) {
      lossP[S] += pt.weight * a[S]
      lossL[S] += pt.weight * b[S]
    }
  }
  let S = len - 1
  for (let x = 0; x < len; x++) {
    if (lossP[x] - lossL[x] <= allowed) {
      S = x
      break
    }
  }
  let s = len - 1
  for (let x = 0; x < len; x++) {
    if (lossL[x] <= allowed) {
      s = x
      break
    }
  }
  return { orderUpTo: S * step, reorderPoint: s * step }
}
