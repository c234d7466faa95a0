/**
 * Exponential-smoothing models with a rolling-origin backtest built into the fitting pass.
 *
 * One pass over a series both runs a model's recursions and, at every origin t ≥ t0, scores the
 * forecasts it would have made for t+1 … t+H (squared errors), the one-step error, and the
 * cumulative error over the protection interval P (what safety stock needs). For the flat
 * forecasters (SES, Croston, SBA, TSB) the H-step squared error and the P-period cumulative
 * error come from prefix sums in O(1) per origin; Holt and Holt-Winters loop over the horizon.
 *
 * Periods that are censored (stock-outs) or carry an event flag are "not baseline": the models
 * skip their update (the level carries on as if the period were missing) and the backtest leaves
 * them out. Event periods still record actual vs one-step baseline, from which the event
 * factors are estimated.
 */
import type { MethodName } from "./types"

/** Per-series prepared arrays and settings, reused across series through a Workspace. */
export class Ctx {
  n = 0
  /** Demand, 0 where censored. */
  y: Float64Array = new Float64Array(0)
  /** 1 = baseline period (observed, no event). */
  use: Uint8Array = new Uint8Array(0)
  /** Event flags of observed periods (0 where censored). */
  ev: Uint8Array = new Uint8Array(0)
  hasEvents = false
  /** Prefix sums over baseline periods: Σy, Σy², count. Length n + 1. */
  S1: Float64Array = new Float64Array(0)
  S2: Float64Array = new Float64Array(0)
  C: Float64Array = new Float64Array(0)
  /** Scratch: φ + … + φ^k per horizon step. */
  phik: Float64Array = new Float64Array(0)
  /** Selection horizon, protection interval, first scored origin, season length. */
  H = 1
  P = 1
  t0 = 0
  /**
   * First origin whose cumulative error joins the error sample (t0 + one warm-up window), and the
   * first origin whose H-step errors count in the selection score: the first window of scored
   * origins still carries the initial values (from the first w periods), so its errors measure
   * the start-up rather than the candidate, and they are the oldest regime of the series.
   */
  e0 = 0
  m = 1
  /** Initial values from the first `w` baseline periods. */
  w = 7
  initMean = 0
  initSize = 0
  initInterval = 1
  initProb = 0
  /**
   * Scored points every candidate collects over the scored origins (baseline periods 1..H steps
   * after each origin ≥ t0): the same for all of them, so a candidate whose running SSE already
   * gives a larger MSE than the best so far cannot win and stops early (see Fit.bound).
   */
  cntAll = 0
  /**
   * Per forecast period a = origin + 1 (filled by windows() once t0, e0, H and P are set): over
   * the H periods from a, baseline Σy² (dS2), Σy (dS1) and count (dC); over the P periods from a,
   * Σy (pS1) and whether that window joins the error sample (pOk: inside the series, origin ≥ e0,
   * all P periods baseline). Every candidate's scoring reads these instead of re-differencing.
   */
  dS1: Float64Array = new Float64Array(0)
  dS2: Float64Array = new Float64Array(0)
  dC: Float64Array = new Float64Array(0)
  pS1: Float64Array = new Float64Array(0)
  pOk: Uint8Array = new Uint8Array(0)
  /** Scratch: a flat forecaster's forecast at each origin (two for Croston and SBA). */
  fc: Float64Array = new Float64Array(0)
  fc2: Float64Array = new Float64Array(0)

  ensure(n: number): void {
    if (this.y.length < n) {
      const cap = Math.max(n, this.y.length * 2, 64)
      this.y = new Float64Array(cap)
      this.use = new Uint8Array(cap)
      this.ev = new Uint8Array(cap)
      this.S1 = new Float64Array(cap + 1)
      this.S2 = new Float64Array(cap + 1)
      this.C = new Float64Array(cap + 1)
      this.dS1 = new Float64Array(cap + 1)
      this.dS2 = new Float64Array(cap + 1)
      this.dC = new Float64Array(cap + 1)
      this.pS1 = new Float64Array(cap + 1)
      this.pOk = new Uint8Array(cap + 1)
      this.fc = new Float64Array(cap)
      this.fc2 = new Float64Array(cap)
    }
  }

  /**
   * Fills dS1, dS2, dC, pS1, pOk for the scored origins [t0, n − 2] (dC = 0 before e0: those
   * origins are left out of the selection score); returns cntAll.
   */
  windows(): number {
    const { n, H, P, S1, S2, C, dS1, dS2, dC, pS1, pOk } = this
    let cnt = 0
    for (let t = this.t0; t + 1 < n; t++) {
      const a = t + 1
      const b = a + H < n ? a + H : n
      const sel = t >= this.e0
      dS1[a] = sel ? S1[b] - S1[a] : 0
      dS2[a] = sel ? S2[b] - S2[a] : 0
      dC[a] = sel ? C[b] - C[a] : 0
      cnt += dC[a]
      const p = a + P
      const ok = p <= n && t >= this.e0 && C[p] - C[a] === P
      pOk[a] = ok ? 1 : 0
      pS1[a] = ok ? S1[p] - S1[a] : 0
    }
    this.cntAll = cnt
    return cnt
  }
}

/** Accumulators and final state of one candidate (a method with one parameter set). */
export class Fit {
  method: MethodName = "zero"
  alpha = 0
  beta = 0
  gamma = 0
  phi = 1
  sse = 0
  cnt = 0
  e1s = 0
  e1q = 0
  e1n = 0
  errs: Float64Array = new Float64Array(0)
  /** Cumulative forecast over P at the origin of each error in errs. */
  fcs: Float64Array = new Float64Array(0)
  ne = 0
  /** Σ actual and Σ one-step baseline over event periods, per bit; "1" = periods with that bit only. */
  evY1 = new Float64Array(8)
  evF1 = new Float64Array(8)
  evYa = new Float64Array(8)
  evFa = new Float64Array(8)
  /** Final state: flat forecast level (flat methods) or level/trend/season (Holt, HW). */
  level = 0
  trend = 0
  season: Float64Array = new Float64Array(1)
  seasonal: 0 | 1 | 2 = 0
  /**
   * Best score (MSE) among the candidates already tried; Infinity for none. A pass stops as soon
   * as sse / Ctx.cntAll exceeds it (sse only grows, so the final score would too) and leaves the
   * fit with score Infinity: only the winner's accumulators are ever read.
   */
  bound = Infinity

  reset(method: MethodName, cap: number, m: number): void {
    this.method = method
    this.alpha = this.beta = this.gamma = 0
    this.phi = 1
    this.sse = this.cnt = this.e1s = this.e1q = this.e1n = 0
    this.ne = 0
    if (this.errs.length < cap) {
      this.errs = new Float64Array(Math.max(cap, this.errs.length * 2))
      this.fcs = new Float64Array(this.errs.length)
    }
    this.evY1.fill(0)
    this.evF1.fill(0)
    this.evYa.fill(0)
    this.evFa.fill(0)
    this.level = this.trend = 0
    this.seasonal = 0
    if (this.season.length < m) this.season = new Float64Array(m)
  }

  score(): number {
    return this.cnt > 0 ? this.sse / this.cnt : Infinity
  }

  /** Marks the candidate as beaten (score Infinity). */
  abandon(): void {
    this.sse = Infinity
    this.cnt = 1
  }
}

function addEvent(fit: Fit, e: number, y: number, f: number): void {
  const single = (e & (e - 1)) === 0
  for (let bit = 0; bit < 8; bit++) {
    if ((e & (1 << bit)) === 0) continue
    fit.evYa[bit] += y
    fit.evFa[bit] += f
    if (single) {
      fit.evY1[bit] += y
      fit.evF1[bit] += f
    }
  }
}

/**
 * Score a flat forecaster from its forecasts: fc[t] is the forecast made at origin t (after
 * seeing period t) for every later period. Accumulates in locals, stops early once beaten
 * (Fit.bound); false when it did.
 */
function scoreFlat(c: Ctx, fit: Fit, fc: Float64Array): boolean {
  const { n, y, use, ev, dS1, dS2, dC, pOk, pS1, t0, P, cntAll, hasEvents } = c
  const bound = fit.bound
  const errs = fit.errs
  const fcs = fit.fcs
  let sse = 0
  let cnt = 0
  let e1s = 0
  let e1q = 0
  let e1n = 0
  let ne = 0
  for (let t = 0; t + 1 < n; t++) {
    const a = t + 1
    const f = fc[t]
    if (hasEvents) {
      const e = ev[a]
      if (e !== 0) addEvent(fit, e, y[a], f)
    }
    if (t < t0) continue
    const cn = dC[a]
    if (cn > 0) {
      sse += dS2[a] - 2 * f * dS1[a] + f * f * cn
      cnt += cn
    }
    if (use[a] === 1) {
      const e = y[a] - f
      e1s += e
      e1q += e * e
      e1n++
    }
    if (pOk[a] === 1) {
      fcs[ne] = P * f
      errs[ne++] = pS1[a] - P * f
    }
    if (sse / cntAll > bound) {
      fit.abandon()
      return false
    }
  }
  fit.sse = sse
  fit.cnt = cnt
  fit.e1s = e1s
  fit.e1q = e1q
  fit.e1n = e1n
  fit.ne = ne
  return true
}

export function passSes(c: Ctx, fit: Fit, alpha: number): void {
  fit.reset("ses", c.n, 1)
  fit.alpha = alpha
  const y = c.y
  const use = c.use
  const fc = c.fc
  let l = c.initMean
  for (let t = 0; t < c.n; t++) {
    if (use[t] === 1) l += alpha * (y[t] - l)
    fc[t] = l
  }
  scoreFlat(c, fit, fc)
  fit.level = l
}

/**
 * Croston and SBA share one pass: same recursions, SBA scales the forecast by (1 − α/2). A fit
 * not on the menu has bound −Infinity and stops at once.
 */
export function passCroston(c: Ctx, croston: Fit, sba: Fit, alpha: number): void {
  croston.reset("croston", c.n, 1)
  sba.reset("sba", c.n, 1)
  croston.alpha = sba.alpha = alpha
  const y = c.y
  const use = c.use
  const fc = c.fc
  const fc2 = c.fc2
  const k = 1 - alpha / 2
  let z = c.initSize
  let p = c.initInterval
  let q = 0
  let f = z / p
  for (let t = 0; t < c.n; t++) {
    if (use[t] === 1) {
      q++
      const v = y[t]
      if (v > 0) {
        z += alpha * (v - z)
        p += alpha * (q - p)
        q = 0
        f = z / p
      }
    }
    fc[t] = f
    fc2[t] = f * k
  }
  scoreFlat(c, croston, fc)
  scoreFlat(c, sba, fc2)
  croston.level = f
  sba.level = f * k
}

export function passTsb(c: Ctx, fit: Fit, alpha: number, beta: number): void {
  fit.reset("tsb", c.n, 1)
  fit.alpha = alpha
  fit.beta = beta
  const y = c.y
  const use = c.use
  const fc = c.fc
  let z = c.initSize
  let pr = c.initProb
  for (let t = 0; t < c.n; t++) {
    if (use[t] === 1) {
      const v = y[t]
      if (v > 0) {
        pr += beta * (1 - pr)
        z += alpha * (v - z)
      } else pr -= beta * pr
    }
    fc[t] = pr * z
  }
  scoreFlat(c, fit, fc)
  fit.level = pr * z
}

const TINY = 1e-9

/**
 * Holt (damped) when seasonal = 0, Holt-Winters additive (1) or multiplicative (2) otherwise,
 * in the error-correction form of Hyndman et al. (2008). beta = 0 means no trend.
 */
export function passTrendSeason(
  c: Ctx,
  fit: Fit,
  method: MethodName,
  seasonal: 0 | 1 | 2,
  alpha: number,
  beta: number,
  gamma: number,
  phi: number
): boolean {
  const m = seasonal ? c.m : 1
  fit.reset(method, c.n, m)
  fit.alpha = alpha
  fit.beta = beta
  fit.gamma = gamma
  fit.phi = phi
  fit.seasonal = seasonal
  const s = fit.season
  const n = c.n
  const y = c.y
  const use = c.use
  let l: number
  let b = 0
  if (seasonal) {
    if (!initSeason(c, s, m, seasonal)) return false
    l = seasonLevel
    if (beta > 0) b = seasonTrend
  } else {
    l = c.initMean
    if (beta > 0) b = initTrend(c)
  }
  const H = c.H
  const P = c.P
  const K = H > P ? H : P
  const S1 = c.S1
  const C = c.C
  const cntAll = c.cntAll
  const e0 = c.e0
  const bound = fit.bound
  // φ + φ² + … + φ^k for k = 1 … K, once per candidate
  if (c.phik.length < K + 1) c.phik = new Float64Array(K + 1)
  const phik = c.phik
  for (let k = 1, pw = 1, acc = 0; k <= K; k++) {
    pw *= phi
    acc += pw
    phik[k] = acc
  }
  const hasEvents = c.hasEvents
  const ev = c.ev
  const pOk = c.pOk
  const pS1 = c.pS1
  let sse = 0
  let cnt = 0
  let e1s = 0
  let e1q = 0
  let e1n = 0
  let phase = 0 // t % m
  for (let t = 0; t < n; t++) {
    if (use[t] === 1) {
      const v = y[t]
      const base = l + phi * b
      const lp = l
      if (seasonal === 0) l = alpha * v + (1 - alpha) * base
      else {
        const sp = s[phase]
        if (seasonal === 1) {
          l = alpha * (v - sp) + (1 - alpha) * base
          s[phase] = gamma * (v - base) + (1 - gamma) * sp
        } else {
          l = alpha * (v / (sp > TINY ? sp : TINY)) + (1 - alpha) * base
          if (base > TINY) s[phase] = gamma * (v / base) + (1 - gamma) * sp
        }
      }
      b = beta * (l - lp) + (1 - beta) * phi * b
    } else {
      l += phi * b
      b *= phi
    }
    if (++phase === m) phase = 0
    if (t + 1 >= n) break
    const scored = t >= c.t0
    if (!scored) {
      if (c.hasEvents && c.ev[t + 1] !== 0) {
        let f = l + phi * b
        if (seasonal === 1) f += s[phase]
        else if (seasonal === 2) f *= s[phase]
        addEvent(fit, c.ev[t + 1], y[t + 1], f > 0 ? f : 0)
      }
      continue
    }
    // Score the forecasts made at origin t for t+1 … t+K (accumulators in locals, the same
    // additions in the same order as one loop over k; a loop per seasonal kind).
    const a = t + 1
    const kEnd = n - a < K ? n - a : K
    // origins before e0 are scored for the one-step and event statistics, not for selection
    const sel = t >= e0
    let cum = 0
    let f = l + phik[1] * b
    if (seasonal === 1) f += s[phase]
    else if (seasonal === 2) f *= s[phase]
    if (f < 0) f = 0
    if (hasEvents && ev[a] !== 0) addEvent(fit, ev[a], y[a], f)
    if (use[a] === 1) {
      const e = y[a] - f
      e1s += e
      e1q += e * e
      e1n++
      if (sel) {
        sse += e * e // k = 1 ≤ H
        cnt++
      }
    }
    cum += f // k = 1 ≤ P
    if (seasonal === 0) {
      for (let k = 2, j = a + 1; k <= kEnd; k++, j++) {
        let f = l + phik[k] * b
        if (f < 0) f = 0
        if (sel && k <= H && use[j] === 1) {
          const e = y[j] - f
          sse += e * e
          cnt++
        }
        if (k <= P) cum += f
      }
    } else {
      let ph = phase + 1 === m ? 0 : phase + 1 // (t + k) % m
      if (seasonal === 1) {
        for (let k = 2, j = a + 1; k <= kEnd; k++, j++) {
          let f = l + phik[k] * b + s[ph]
          if (++ph === m) ph = 0
          if (f < 0) f = 0
          if (sel && k <= H && use[j] === 1) {
            const e = y[j] - f
            sse += e * e
            cnt++
          }
          if (k <= P) cum += f
        }
      } else {
        for (let k = 2, j = a + 1; k <= kEnd; k++, j++) {
          let f = (l + phik[k] * b) * s[ph]
          if (++ph === m) ph = 0
          if (f < 0) f = 0
          if (sel && k <= H && use[j] === 1) {
            const e = y[j] - f
            sse += e * e
            cnt++
          }
          if (k <= P) cum += f
        }
      }
    }
    if (pOk[a] === 1) {
      fit.fcs[fit.ne] = cum
      fit.errs[fit.ne++] = pS1[a] - cum
    }
    if (sse / cntAll > bound) {
      fit.abandon()
      return true
    }
  }
  fit.sse = sse
  fit.cnt = cnt
  fit.e1s = e1s
  fit.e1q = e1q
  fit.e1n = e1n
  fit.level = l
  fit.trend = b
  return true
}

function initTrend(c: Ctx): number {
  // (mean of baseline periods in [w, 2w) − mean in [0, w)) / w, 0 when there is too little data.
  const w = c.w
  if (c.n < 2 * w) return 0
  const c1 = c.C[w] - c.C[0]
  const c2 = c.C[2 * w] - c.C[w]
  if (c1 === 0 || c2 === 0) return 0
  return ((c.S1[2 * w] - c.S1[w]) / c2 - (c.S1[w] - c.S1[0]) / c1) / w
}

let seasonLevel = 0
let seasonTrend = 0
/** Seasonal indices from the first two seasons; false when they cannot be formed. */
function initSeason(c: Ctx, s: Float64Array, m: number, seasonal: 1 | 2): boolean {
  if (c.n < 3 * m) return false
  let tot = 0
  let totN = 0
  for (let j = 0; j < m; j++) {
    let sum = 0
    let k = 0
    for (let t = j; t < 2 * m; t += m) {
      if (c.use[t] === 1) {
        sum += c.y[t]
        k++
      }
    }
    s[j] = k > 0 ? sum / k : NaN
    if (k > 0) {
      tot += sum
      totN += k
    }
  }
  if (totN === 0) return false
  const mean = tot / totN
  if (seasonal === 2 && !(mean > 0)) return false
  for (let j = 0; j < m; j++) {
    const v = s[j] === s[j] ? s[j] : mean
    if (seasonal === 1) s[j] = v - mean
    else {
      if (!(v > 0)) return false
      s[j] = v / mean
    }
  }
  const c1 = c.C[m] - c.C[0]
  const c2 = c.C[2 * m] - c.C[m]
  seasonLevel = c1 > 0 ? (c.S1[m] - c.S1[0]) / c1 : mean
  seasonTrend = c1 > 0 && c2 > 0 ? ((c.S1[2 * m] - c.S1[m]) / c2 - seasonLevel) / m : 0
  return true
}

/** Baseline forecast for the k-th period after the end of the history (k ≥ 1). */
export function forecastAt(fit: Fit, n: number, m: number, k: number): number {
  if (fit.method === "holt" || fit.method === "hw-add" || fit.method === "hw-mul") {
    const phi = fit.phi
    let phik = 0
    let pw = 1
    for (let i = 0; i < k; i++) {
      pw *= phi
      phik += pw
    }
    let f = fit.level + phik * fit.trend
    const j = (n - 1 + k) % (fit.seasonal ? m : 1)
    if (fit.seasonal === 1) f += fit.season[j]
    else if (fit.seasonal === 2) f *= fit.season[j]
    return f > 0 ? f : 0
  }
  return fit.level > 0 ? fit.level : 0
}
