import { classify } from "./classify"
import { Ctx, Fit, forecastAt, passCroston, passSes, passTrendSeason, passTsb } from "./models"
import type { DemandClass, ForecastError, Grids, MethodName, SeriesHistory, SeriesInput, SeriesPlan } from "./types"

/**
 * Parameter grids: small on purpose (the nightly job runs millions of series). Each entry is
 * one candidate the backtest scores.
 */
export const GRIDS: Grids = {
  ses: [0.05, 0.1, 0.2, 0.3, 0.5],
  croston: [0.05, 0.1, 0.2, 0.3],
  /** [alpha (size), beta (probability)] */
  tsb: [
    [0.05, 0.02],
    [0.05, 0.05],
    [0.1, 0.05],
    [0.1, 0.1],
    [0.2, 0.1],
    [0.2, 0.2],
  ],
  /** [alpha, beta, phi] */
  holt: [
    [0.1, 0.05, 0.9],
    [0.1, 0.1, 0.98],
    [0.3, 0.05, 0.9],
    [0.3, 0.1, 0.98],
  ],
  /** [alpha, beta, gamma, phi]; beta 0 = no trend */
  hw: [
    [0.05, 0, 0.05, 1],
    [0.05, 0, 0.2, 1],
    [0.2, 0, 0.05, 1],
    [0.2, 0, 0.2, 1],
    [0.05, 0.03, 0.05, 0.95],
    [0.05, 0.03, 0.2, 0.95],
    [0.2, 0.03, 0.05, 0.95],
    [0.2, 0.03, 0.2, 0.95],
  ],
}

/** Which methods a class may use: intermittent and lumpy series never fit Holt or Holt-Winters. */
export const MENU: Record<DemandClass, readonly MethodName[]> = {
  none: ["zero"],
  smooth: ["ses", "holt", "hw-add", "hw-mul"],
  erratic: ["ses", "holt", "hw-add", "hw-mul"],
  intermittent: ["ses", "croston", "sba", "tsb"],
  lumpy: ["ses", "croston", "sba", "tsb"],
}

/** The burn-in of the error sample never leaves fewer origins than this. */
const ERROR_SAMPLE_MIN = 12
/** Origins scored when the menu holds Holt or Holt-Winters (18 weeks of days). */
const TREND_ORIGINS = 126
/** Event factors are shrunk towards 1 by this many periods of baseline demand, then clamped. */
const EVENT_PSEUDO_PERIODS = 2
const EVENT_FACTOR_MIN = 0.1
const EVENT_FACTOR_MAX = 10
/** A borrowed profile is rescaled to the series' own level with this many pseudo-periods. */
const BORROW_PSEUDO_PERIODS = 14

/** Scratch buffers reused across calls (one per thread); results never alias them. */
export class Workspace {
  ctx = new Ctx()
  fits: Fit[] = [new Fit(), new Fit(), new Fit()]
}

const defaultWorkspace = new Workspace()

/**
 * Classify a series, choose its forecasting method by a rolling-origin backtest over the
 * class's menu, and forecast `horizon` periods with the method's own error distribution.
 * Deterministic; allocates only the result (forecast arrays and the error sample).
 */
export function planSeries(input: SeriesInput, ws: Workspace = defaultWorkspace): SeriesPlan {
  const period = input.period ?? 7
  const horizon = input.horizon ?? 28
  if (!(Number.isInteger(horizon) && horizon >= 1)) throw new Error(`horizon must be a positive integer, got ${horizon}`)
  if (!(Number.isInteger(period) && period >= 0 && period <= 366)) throw new Error(`period must be an integer in [0, 366], got ${period}`)
  const m = period > 1 ? period : 1
  const minHistory = input.minHistory ?? Math.max(28, 2 * m)
  const profile = input.profile
  if (profile) {
    const own = ownLevelAgainst(input, profile)
    if (own.baseline < minHistory) return borrow(input, profile, own, ws)
  }
  return planCore(input, ws)
}

function settings(input: SeriesInput) {
  const period = input.period ?? 7
  const horizon = input.horizon ?? 28
  const P = Math.max(1, Math.round(input.protection ?? Math.min(horizon, 7)))
  const H = Math.max(1, Math.round(input.selectionHorizon ?? Math.min(horizon, 14)))
  return { m: period > 1 ? period : 1, horizon, P, H }
}

function planCore(input: SeriesInput, ws: Workspace): SeriesPlan {
  const { m, horizon, P, H } = settings(input)
  const c = ws.ctx
  const counts = prepare(c, input, m, H, P)
  const cls = classify(c.y.subarray(0, c.n), c.use.subarray(0, c.n))
  // Classification uses baseline periods only: censored periods are missing, and event periods
  // (promotions, holidays) would make a slow mover look smooth.
  const demandClass = cls.class
  let menu = input.methods ?? MENU[demandClass]
  if (demandClass === "none" && !input.methods) return zeroPlan(cls, horizon, P, counts)
  const seasonalOk = m > 1 && c.n >= 3 * m && c.C[c.n] >= 2 * m
  if (!seasonalOk) menu = menu.filter((x) => x !== "hw-add" && x !== "hw-mul")
  const usesSeason = menu.includes("hw-add") || menu.includes("hw-mul")
  c.t0 = usesSeason ? Math.max(c.w, 2 * m) : c.w
  // Holt and Holt-Winters loop over the horizon at every origin: score them (and everything they
  // compete with, so all candidates see the same origins) on the most recent TREND_ORIGINS only.
  if (menu.includes("holt") || usesSeason) c.t0 = Math.max(c.t0, c.n - 1 - TREND_ORIGINS)
  // The first window of scored origins still carries the initial values; their errors measure
  // the start-up, not the model, and would widen the safety stock: leave them out of the sample
  // (as long as enough origins remain).
  c.e0 = Math.min(c.t0 + c.w, Math.max(c.t0, c.n - c.P - ERROR_SAMPLE_MIN))
  if (c.C[c.n] - c.C[Math.min(c.n, c.t0 + 1)] < 2 || menu.length === 0) return meanPlan(c, cls, horizon, P, counts)
  c.windows()

  const grids = input.grids ? { ...GRIDS, ...input.grids } : GRIDS
  const fits = ws.fits
  let have = false
  let candidates = 0
  // Each pass stops early once it cannot beat the best so far (Fit.bound): same winner, less work.
  const bound = (slot: number, onMenu = true) => {
    fits[slot].bound = !onMenu ? -Infinity : have ? fits[0].score() : Infinity
    return fits[slot]
  }
  const consider = (slot: number) => {
    candidates++
    if (!have || fits[slot].score() < fits[0].score()) {
      const t = fits[0]
      fits[0] = fits[slot]
      fits[slot] = t
      have = true
    }
  }
  for (const method of menu) {
    if (method === "ses") for (const a of grids.ses) (passSes(c, bound(1), a), consider(1))
    else if (method === "croston" || method === "sba") {
      // one pass scores both; run it once when both are on the menu
      if (method === "sba" && menu.includes("croston")) continue
      for (const a of grids.croston) {
        passCroston(c, bound(1, menu.includes("croston")), bound(2, menu.includes("sba")), a)
        if (menu.includes("croston")) consider(1)
        if (menu.includes("sba")) consider(2)
      }
    } else if (method === "tsb") for (const [a, b] of grids.tsb) (passTsb(c, bound(1), a, b), consider(1))
    else if (method === "holt") for (const [a, b, phi] of grids.holt) {
      passTrendSeason(c, bound(1), "holt", 0, a, b, 0, phi)
      consider(1)
    } else if (method === "hw-add" || method === "hw-mul") {
      const kind = method === "hw-add" ? 1 : 2
      for (const [a, b, g, phi] of grids.hw) if (passTrendSeason(c, bound(1), method, kind, a, b, g, phi)) consider(1)
    }
  }
  if (!have) return meanPlan(c, cls, horizon, P, counts)
  const best = fits[0]
  const factors = eventFactors(best, forecastAt(best, c.n, m, 1))
  const baseline = new Array<number>(horizon)
  const forecast = new Array<number>(horizon)
  for (let k = 0; k < horizon; k++) {
    const b = forecastAt(best, c.n, m, k + 1)
    baseline[k] = b
    forecast[k] = b * factorFor(factors, input.futureEvents ? input.futureEvents[k] : 0)
  }
  const params: SeriesPlan["params"] = { alpha: best.alpha }
  if (best.method === "tsb" || best.method === "holt" || best.method.startsWith("hw")) params.beta = best.beta
  if (best.method.startsWith("hw")) params.gamma = best.gamma
  if (best.method === "holt" || best.method.startsWith("hw")) params.phi = best.phi
  return {
    class: demandClass,
    adi: cls.adi,
    cv2: cls.cv2,
    method: best.method,
    params,
    forecast,
    baseline,
    eventFactors: factors,
    error: errorOf(best.e1s, best.e1q, best.e1n, best.errs, best.ne, P, best.fcs),
    score: { mse: best.score(), points: best.cnt, candidates },
    borrowed: null,
    observed: counts.observed,
    censored: counts.censored,
  }
}

/** Fill the context from the input: baseline mask, prefix sums, initial values. */
function prepare(c: Ctx, h: SeriesHistory, m: number, H: number, P: number): { observed: number; censored: number } {
  const n = h.demand.length
  c.ensure(n)
  c.n = n
  c.m = m
  c.H = H
  c.P = P
  const { y, use, ev, S1, S2, C } = c
  const cens = h.censored ?? null
  const events = h.events ?? null
  let censored = 0
  let hasEvents = false
  S1[0] = S2[0] = C[0] = 0
  for (let i = 0; i < n; i++) {
    const v = +h.demand[i]
    if ((cens !== null && cens[i]) || !(v === v)) {
      y[i] = 0
      use[i] = 0
      ev[i] = 0
      censored++
      S1[i + 1] = S1[i]
      S2[i + 1] = S2[i]
      C[i + 1] = C[i]
      continue
    }
    const yi = v > 0 ? v : 0
    y[i] = yi
    const e = events !== null ? events[i] & 255 : 0
    ev[i] = e
    if (e !== 0) hasEvents = true
    const u = e === 0 ? 1 : 0
    use[i] = u
    S1[i + 1] = S1[i] + u * yi
    S2[i + 1] = S2[i] + u * yi * yi
    C[i + 1] = C[i] + u
  }
  c.hasEvents = hasEvents
  // Initial values from the first w periods (a season, or a week), at most a third of the data.
  const w = Math.max(2, Math.min(m > 1 ? m : 7, Math.floor(n / 3)))
  c.w = w
  let cnt = 0
  let sum = 0
  let nz = 0
  for (let i = 0; i < w && i < n; i++) {
    if (use[i] !== 1) continue
    cnt++
    sum += y[i]
    if (y[i] > 0) nz++
  }
  let gCnt = 0
  let gSum = 0
  let gNz = 0
  if (cnt === 0 || nz === 0) {
    for (let i = 0; i < n; i++) {
      if (use[i] !== 1) continue
      gCnt++
      gSum += y[i]
      if (y[i] > 0) gNz++
    }
  }
  c.initMean = cnt > 0 ? sum / cnt : gCnt > 0 ? gSum / gCnt : 0
  if (nz > 0) {
    c.initSize = sum / nz
    c.initInterval = cnt / nz
  } else {
    c.initSize = gNz > 0 ? gSum / gNz : 0
    c.initInterval = gNz > 0 ? gCnt / gNz : 1
  }
  c.initProb = 1 / c.initInterval
  return { observed: n - censored, censored }
}

function errorOf(e1s: number, e1q: number, e1n: number, errs: Float64Array, ne: number, P: number, fcs?: Float64Array): ForecastError {
  const mean = e1n > 0 ? e1s / e1n : 0
  const sd = e1n > 1 ? Math.sqrt(Math.max(0, (e1q - e1n * mean * mean) / (e1n - 1))) : 0
  const sample = errs.slice(0, ne)
  let hMean = 0
  let hSd = sd * Math.sqrt(P)
  if (ne > 1) {
    let s = 0
    let q = 0
    for (let i = 0; i < ne; i++) {
      s += sample[i]
      q += sample[i] * sample[i]
    }
    hMean = s / ne
    hSd = Math.sqrt(Math.max(0, (q - ne * hMean * hMean) / (ne - 1)))
  }
  const sampleForecast = fcs ? fcs.slice(0, ne) : new Float64Array(ne)
  return { mean, sd, n: e1n, h: P, hMean, hSd, sample, sampleForecast }
}

function eventFactors(fit: Fit, level: number): number[] {
  const out = new Array<number>(8).fill(1)
  const pseudo = EVENT_PSEUDO_PERIODS * Math.max(level, 1e-6)
  for (let bit = 0; bit < 8; bit++) {
    let Y = fit.evY1[bit]
    let F = fit.evF1[bit]
    if (Y === 0 && F === 0) {
      Y = fit.evYa[bit]
      F = fit.evFa[bit]
    }
    if (Y === 0 && F === 0) continue
    const f = (Y + pseudo) / (F + pseudo)
    out[bit] = Math.min(EVENT_FACTOR_MAX, Math.max(EVENT_FACTOR_MIN, f))
  }
  return out
}

function factorFor(factors: number[], flags: number): number {
  if (!flags) return 1
  let f = 1
  for (let bit = 0; bit < 8; bit++) if (flags & (1 << bit)) f *= factors[bit]
  return f
}

function zeroPlan(cls: ReturnType<typeof classify>, horizon: number, P: number, counts: { observed: number; censored: number }): SeriesPlan {
  const zeros = new Array<number>(horizon).fill(0)
  return {
    class: "none",
    adi: cls.adi,
    cv2: cls.cv2,
    method: "zero",
    params: {},
    forecast: zeros,
    baseline: zeros.slice(),
    eventFactors: new Array<number>(8).fill(1),
    error: { mean: 0, sd: 0, n: 0, h: P, hMean: 0, hSd: 0, sample: new Float64Array(0), sampleForecast: new Float64Array(0) },
    score: { mse: 0, points: 0, candidates: 0 },
    borrowed: null,
    observed: counts.observed,
    censored: counts.censored,
  }
}

/** Too little history to backtest: forecast the observed mean, errors from deviations around it. */
function meanPlan(c: Ctx, cls: ReturnType<typeof classify>, horizon: number, P: number, counts: { observed: number; censored: number }): SeriesPlan {
  const n = c.n
  const level = c.C[n] > 0 ? c.S1[n] / c.C[n] : 0
  let e1s = 0
  let e1q = 0
  let e1n = 0
  const errs = new Float64Array(n)
  let ne = 0
  for (let a = 0; a < n; a++) {
    if (c.use[a] === 1) {
      const e = c.y[a] - level
      e1s += e
      e1q += e * e
      e1n++
    }
    const p = a + P
    if (p <= n && c.C[p] - c.C[a] === P) errs[ne++] = c.S1[p] - c.S1[a] - P * level
  }
  const forecast = new Array<number>(horizon).fill(level)
  return {
    class: cls.class,
    adi: cls.adi,
    cv2: cls.cv2,
    method: "mean",
    params: {},
    forecast,
    baseline: forecast.slice(),
    eventFactors: new Array<number>(8).fill(1),
    error: errorOf(e1s, e1q, e1n, errs, ne, P, new Float64Array(ne).fill(P * level)),
    score: { mse: NaN, points: 0, candidates: 0 },
    borrowed: null,
    observed: counts.observed,
    censored: counts.censored,
  }
}

interface OwnLevel {
  baseline: number
  sum: number
  profileSum: number
  observed: number
  censored: number
}

/** The series' own baseline periods and demand, and the profile's demand on the same dates. */
function ownLevelAgainst(input: SeriesInput, profile: SeriesHistory): OwnLevel {
  const n = input.demand.length
  const offset = profile.demand.length - n
  let baseline = 0
  let sum = 0
  let profileSum = 0
  let censored = 0
  for (let i = 0; i < n; i++) {
    const v = +input.demand[i]
    if ((input.censored && input.censored[i]) || !(v === v)) {
      censored++
      continue
    }
    if (input.events && input.events[i]) continue
    const j = i + offset
    if (j < 0) continue
    const pv = +profile.demand[j]
    if ((profile.censored && profile.censored[j]) || !(pv === pv) || (profile.events && profile.events[j])) continue
    baseline++
    sum += v > 0 ? v : 0
    profileSum += pv > 0 ? pv : 0
  }
  return { baseline, sum, profileSum, observed: n - censored, censored }
}

/** Cold start: plan the profile, rescale it to the series' own level, and say so. */
function borrow(input: SeriesInput, profile: SeriesHistory & { label: string }, own: OwnLevel, ws: Workspace): SeriesPlan {
  const base = planCore({ ...input, demand: profile.demand, censored: profile.censored, events: profile.events, profile: null }, ws)
  const level = base.baseline.length ? base.baseline.reduce((s, v) => s + v, 0) / base.baseline.length : 0
  const pseudo = BORROW_PSEUDO_PERIODS * level
  const scale = own.profileSum + pseudo > 0 ? (own.sum + pseudo) / (own.profileSum + pseudo) : own.baseline > 0 ? 0 : 1
  const e = base.error
  return {
    ...base,
    forecast: base.forecast.map((v) => v * scale),
    baseline: base.baseline.map((v) => v * scale),
    error: {
      ...e,
      mean: e.mean * scale,
      sd: e.sd * scale,
      hMean: e.hMean * scale,
      hSd: e.hSd * scale,
      sample: e.sample.map((v) => v * scale),
      sampleForecast: e.sampleForecast.map((v) => v * scale),
    },
    borrowed: { label: profile.label, scale, ownPeriods: own.baseline },
    observed: own.observed,
    censored: own.censored,
  }
}
