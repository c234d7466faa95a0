/** Syntetos–Boylan demand class; "none" when the history holds no demand at all. */
export type DemandClass = "smooth" | "erratic" | "intermittent" | "lumpy" | "none"

export type MethodName =
  | "zero" // no demand in the history: forecast 0
  | "mean" // too little history to backtest and nothing to borrow: the observed mean
  | "ses"
  | "holt" // damped trend
  | "hw-add" // Holt-Winters, additive season (trend damped or absent)
  | "hw-mul" // Holt-Winters, multiplicative season
  | "croston"
  | "sba" // Syntetos–Boylan approximation: Croston × (1 − α/2)
  | "tsb" // Teunter–Syntetos–Babai: demand probability × size

/** Bits of the per-period event flags (`events`, `futureEvents`); bits 3–7 are free for callers. */
export const EVENT_PROMO = 1
export const EVENT_HOLIDAY = 2
export const EVENT_MAKEUP_WORKDAY = 4

/** A series of demand per period (day, or month for monthly data), oldest first. */
export interface SeriesHistory {
  /** Units per period (sold − returned; negatives count as 0, NaN as censored). */
  demand: ArrayLike<number>
  /** Nonzero where the item was out of stock: the period's demand is unknown (treated as missing). */
  censored?: ArrayLike<number> | null
  /** Event bit flags per period (EVENT_PROMO | EVENT_HOLIDAY | EVENT_MAKEUP_WORKDAY | custom bits). */
  events?: ArrayLike<number> | null
}

export interface SeriesInput extends SeriesHistory {
  /** Season length in periods: 7 for daily data, 12 for monthly, 0 or 1 for none. Default 7. */
  period?: number
  /** Periods to forecast. Default 28. */
  horizon?: number
  /**
   * Periods over which cumulative (lead-time) forecast errors are gathered for safety stock:
   * round(review period + mean lead time). Default min(horizon, 7).
   */
  protection?: number
  /** Steps ahead over which the backtest scores candidates (MSE of 1..H-step errors). Default min(horizon, 14). */
  selectionHorizon?: number
  /** Event flags for the `horizon` periods to forecast (known promotions, holidays). */
  futureEvents?: ArrayLike<number> | null
  /**
   * A related series to borrow from when this one has fewer than `minHistory` usable periods
   * (a new variant or a new shop): the category's average series in this shop, or this variant's
   * average over similar shops. Aligned so that its last period is the same date as `demand`'s.
   */
  profile?: (SeriesHistory & { label: string }) | null
  /** Usable periods below which the profile is borrowed. Default max(28, 2 × period). */
  minHistory?: number
  /** Replace the class-gated menu (benchmarks and experiments only). */
  methods?: readonly MethodName[] | null
  /** Replace parameter grids (benchmarks, experiments, hand-checked tests); see GRIDS. */
  grids?: Partial<Grids> | null
}

export interface Grids {
  ses: readonly number[]
  croston: readonly number[]
  /** [alpha (size), beta (probability)] */
  tsb: readonly (readonly [number, number])[]
  /** [alpha, beta, phi] */
  holt: readonly (readonly [number, number, number])[]
  /** [alpha, beta, gamma, phi]; beta 0 = no trend */
  hw: readonly (readonly [number, number, number, number])[]
}

export interface ForecastError {
  /** One-step-ahead errors (actual − forecast) over the backtest origins: mean, sd, count. */
  mean: number
  sd: number
  n: number
  /** Cumulative error over `h` periods (the protection interval) at each backtest origin. */
  h: number
  hMean: number
  hSd: number
  /** The cumulative h-period errors themselves, for bootstrapping lead-time demand. */
  sample: Float64Array
  /** The cumulative h-period forecast each error in `sample` was measured against. */
  sampleForecast: Float64Array
}

export interface SeriesPlan {
  class: DemandClass
  /** Average demand interval and squared coefficient of variation of nonzero demand. */
  adi: number
  cv2: number
  method: MethodName
  params: { alpha?: number; beta?: number; gamma?: number; phi?: number }
  /** Point forecasts for periods n … n + horizon − 1, event factors applied, never negative. */
  forecast: number[]
  /** Forecast per period without event factors (what the model says a normal period holds). */
  baseline: number[]
  /** Multiplicative factor per event bit (index = bit position), 1 where nothing was learnt. */
  eventFactors: number[]
  error: ForecastError
  /** Backtest score of the chosen method: mean squared 1..H-step error and its point count. */
  score: { mse: number; points: number; candidates: number }
  /** Set when the forecast is borrowed from the profile rather than fitted on this series. */
  borrowed: null | { label: string; scale: number; ownPeriods: number }
  /** Periods with a known demand (not censored) and periods censored. */
  observed: number
  censored: number
}
