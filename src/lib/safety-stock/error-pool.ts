import type { DemandClass, ForecastError } from "../forecast/types"

/**
 * Pooled forecast errors for series whose own error sample is too small to show the tail.
 *
 * A series with few cumulative errors (13–24 for a monthly series with three years of history, a
 * few dozen for a daily series a few weeks old) sees only those, so the bootstrap
 * quantile is close to the sample maximum and the expected shortage misses the rare large
 * orders that decide the fill rate. Borrowing strength from the other series of the same demand
 * class fixes the shape of the tail without giving up the series' own scale:
 *
 * - standardised errors z = e / s (s = the series' cumulative error sd, hSd) are pooled per class
 *   and keyed by the signal-to-noise ratio log(f / s), f = the cumulative forecast the error was
 *   measured against. For count-like demand the shape of (demand − forecast) / sd depends mostly
 *   on that ratio (few expected units: skewed, heavy right tail; many: near normal), so a series
 *   borrows from its K nearest neighbours in that ratio (a location–scale bootstrap);
 * - the series' own error variance is moderated towards the pooled error variance at its
 *   forecast level (raw errors keyed by log f), with a prior weight of VARIANCE_PRIOR_WEIGHT
 *   errors — the empirical-Bayes variance shrinkage of small samples (Smyth 2004, limma);
 * - the bootstrap sample is a mixture: the series' own n errors (rescaled to the moderated sd),
 *   each with weight 1, and the pooled neighbours with a total weight of POOL_WEIGHT errors, so
 *   the own share is n / (n + POOL_WEIGHT): 30 % at 13 errors (a monthly series with 3 years),
 *   92 % at 350 (a daily series with a year), where the pool only thickens the far tail.
 *
 * Only intermittent and lumpy series (the ones the bootstrap serves) are pooled. Build one pool
 * per batch of series planned together (a run's chunk), from their plans.
 */

/** Prior weight of the pooled errors, in errors (the own sample has weight 1 per error). */
export const POOL_WEIGHT = 30
/** Nearest neighbours drawn from the pool (in signal-to-noise ratio, and in forecast level). */
/** (a multiple of POOL_WEIGHT: each pooled error then weighs exactly POOL_WEIGHT / POOL_NEIGHBOURS) */
export const POOL_NEIGHBOURS = 240
/** Prior weight, in errors, of the pooled variance when moderating a series' own variance. */
export const VARIANCE_PRIOR_WEIGHT = 1
/** Largest number of errors kept per class (a deterministic stride subsample above it). */
export const POOL_MAX = 20_000

const TINY = 1e-6
const POOLED: readonly DemandClass[] = ["intermittent", "lumpy"]

export interface ClassPool {
  /** log(f / s), ascending, with z = e / s in the same order. */
  snrKey: Float64Array
  z: Float64Array
  /** log f, ascending, with the raw error e in the same order. */
  levelKey: Float64Array
  e: Float64Array
}

export type ErrorPool = Partial<Record<DemandClass, ClassPool>>

/** Pool the error samples of a batch of plans, per demand class (intermittent and lumpy). */
export function buildErrorPool(plans: ArrayLike<{ class: DemandClass; error: ForecastError }> | Iterable<{ class: DemandClass; error: ForecastError }>): ErrorPool {
  const list = Array.from(plans as Iterable<{ class: DemandClass; error: ForecastError }>)
  const usable = (p: { class: DemandClass; error: ForecastError }) => POOLED.includes(p.class) && p.error.hSd > 0 && p.error.sample.length > 0
  const out: ErrorPool = {}
  for (const cls of POOLED) {
    let total = 0
    for (const p of list) if (p.class === cls && usable(p)) total += p.error.sample.length
    if (total === 0) continue
    // every step-th error (in batch order) when the class has more than POOL_MAX
    const step = Math.ceil(total / POOL_MAX)
    const n = Math.ceil(total / step)
    const sk = new Float64Array(n)
    const zv = new Float64Array(n)
    const lk = new Float64Array(n)
    const ev = new Float64Array(n)
    let g = 0
    let o = 0
    for (const p of list) {
      if (p.class !== cls || !usable(p)) continue
      const err = p.error
      const s = err.hSd
      for (let j = 0; j < err.sample.length; j++, g++) {
        if (g % step !== 0) continue
        const fj = err.sampleForecast[j] ?? 0
        const f = fj > TINY ? fj : TINY
        sk[o] = Math.log(f / s)
        zv[o] = err.sample[j] / s
        lk[o] = Math.log(f)
        ev[o] = err.sample[j]
        o++
      }
    }
    const sorted = (key: Float64Array, val: Float64Array) => {
      const idx = new Uint32Array(o)
      for (let i = 0; i < o; i++) idx[i] = i
      idx.sort((a, b) => key[a] - key[b] || val[a] - val[b])
      const k = new Float64Array(o)
      const v = new Float64Array(o)
      for (let i = 0; i < o; i++) {
        k[i] = key[idx[i]]
        v[i] = val[idx[i]]
      }
      return [k, v] as const
    }
    const [snrKey, z] = sorted(sk, zv)
    const [levelKey, e] = sorted(lk, ev)
    out[cls] = { snrKey, z, levelKey, e }
  }
  return out
}

/**
 * Visit the k entries of a sorted key array nearest to `key` (ties: the lower side first).
 * Returns how many were visited.
 */
export function nearest(keys: Float64Array, key: number, k: number, visit: (index: number) => void): number {
  const n = keys.length
  let lo = 0
  let hi = n
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (keys[mid] < key) lo = mid + 1
    else hi = mid
  }
  let i = lo - 1
  let j = lo
  let got = 0
  while (got < k && (i >= 0 || j < n)) {
    const di = i >= 0 ? key - keys[i] : Infinity
    const dj = j < n ? keys[j] - key : Infinity
    visit(di <= dj ? i-- : j++)
    got++
  }
  return got
}

/**
 * The error sample the bootstrap should use for one series: its own when no pool applies, else
 * its own errors rescaled to the moderated sd (weight 1 each) plus pooled standardised errors of
 * total weight POOL_WEIGHT, as an unweighted sample (below POOL_WEIGHT own errors each own error
 * is repeated so that the POOL_NEIGHBOURS pooled errors carry their weight; from POOL_WEIGHT on,
 * the POOL_WEIGHT nearest pooled errors are taken once). `forecastH` is the series' forecast
 * over err.h periods.
 */
export function pooledSample(err: ForecastError, cls: DemandClass, forecastH: number, pool: ErrorPool | null | undefined): Float64Array {
  const own = err.sample
  const n = own.length
  const cp = pool?.[cls]
  const s = err.hSd
  if (!cp || n === 0 || !(s > 0) || cp.z.length === 0) return own
  const f = forecastH > TINY ? forecastH : TINY
  // moderated variance: own (n − 1 degrees of freedom) + prior weight × pooled variance at this level
  let m1 = 0
  let m2 = 0
  const kv = nearest(cp.levelKey, Math.log(f), POOL_NEIGHBOURS, (i) => {
    m1 += cp.e[i]
    m2 += cp.e[i] * cp.e[i]
  })
  const pooledVar = kv > 1 ? Math.max(0, (m2 - (m1 * m1) / kv) / (kv - 1)) : s * s
  const dof = n - 1
  const sd = Math.sqrt((dof * s * s + VARIANCE_PRIOR_WEIGHT * pooledVar) / (dof + VARIANCE_PRIOR_WEIGHT))
  let k: number
  let rep: number
  if (n < POOL_WEIGHT) {
    k = Math.min(POOL_NEIGHBOURS, cp.z.length)
    rep = Math.max(1, Math.round(k / POOL_WEIGHT))
  } else {
    k = Math.min(POOL_WEIGHT, cp.z.length)
    rep = 1
  }
  const out = new Float64Array(n * rep + k)
  const ratio = sd / s
  let o = 0
  for (let i = 0; i < n; i++) {
    const v = own[i] * ratio
    for (let r = 0; r < rep; r++) out[o++] = v
  }
  nearest(cp.snrKey, Math.log(f / sd), k, (i) => {
    out[o++] = cp.z[i] * sd
  })
  return o === out.length ? out : out.subarray(0, o)
}
