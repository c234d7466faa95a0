import type { DemandClass } from "./types"

/** Syntetos, Boylan & Croston (2005) cut-offs: ADI 1.32 periods, CV² 0.49. */
export const ADI_CUTOFF = 1.32
export const CV2_CUTOFF = 0.49

/**
 * Class of a series from its average demand interval (periods per nonzero demand) and the
 * squared coefficient of variation of the nonzero sizes. A value equal to a cut-off counts as
 * the high side (ADI = 1.32 is intermittent, CV² = 0.49 is erratic/lumpy).
 */
export function classOf(adi: number, cv2: number): DemandClass {
  if (!(adi < Infinity)) return "none"
  const intermittent = adi >= ADI_CUTOFF
  const variable = cv2 >= CV2_CUTOFF
  if (intermittent) return variable ? "lumpy" : "intermittent"
  return variable ? "erratic" : "smooth"
}

export interface Classification {
  class: DemandClass
  adi: number
  cv2: number
  /** Periods with a known demand and how many of them were nonzero. */
  observed: number
  nonzero: number
}

/**
 * ADI and CV² over the observed periods (mask nonzero = observed; censored periods are left out,
 * so a stock-out does not look like a gap in demand).
 */
export function classify(demand: ArrayLike<number>, observed?: ArrayLike<number> | null): Classification {
  let nObs = 0
  let k = 0
  let sum = 0
  let sumSq = 0
  for (let i = 0; i < demand.length; i++) {
    if (observed && observed[i] === 0) continue
    const v = demand[i]
    if (!(v === v)) continue
    nObs++
    if (v > 0) {
      k++
      sum += v
      sumSq += v * v
    }
  }
  if (k === 0) return { class: "none", adi: Infinity, cv2: 0, observed: nObs, nonzero: 0 }
  const adi = nObs / k
  const mean = sum / k
  const variance = Math.max(0, sumSq / k - mean * mean)
  const cv2 = variance / (mean * mean)
  return { class: classOf(adi, cv2), adi, cv2, observed: nObs, nonzero: k }
}
