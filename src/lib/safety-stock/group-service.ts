import { curveQuantile } from "./plan-policy"

/**
 * Group service: a cycle-service target met by a group of series together — the share of all
 * their review cycles that end without a stock-out (a shop's on-shelf availability) — with less
 * stock than meeting it series by series.
 *
 * Meeting 95 % in every series wastes stock twice. Whole units overshoot: a slow mover's level
 * jumps from 82 % to 98 % with its third unit, so per-series targets of 95 % land near 96–98 %
 * overall. And a unit buys very different service in different series: a slow mover's next unit
 * may add ten points, a fast mover's one. Choosing each series' level S_i to maximise
 * Σ F_i(S_i) − λ·Σ S_i, with λ set so that the group's mean F_i(S_i) is the target, is the
 * Lagrangian form of "the least total stock for the group's service" (the system approach to
 * service levels of spare-parts inventory: Sherbrooke's METRIC, 1968; Thonemann, Brown &
 * Hausman, 2002). F_i is the series' own service curve (serviceCurve in plan-policy.ts), so the
 * group's expected service is what the same models predict series by series.
 *
 * No series is sacrificed: each keeps at least `floor` on its own (its level never goes below
 * the smallest S with F_i(S) ≥ floor), and one unit when it can sell at all.
 */

export interface GroupAllocation {
  /** Service bought by the last unit of stock anywhere in the group (the multiplier). */
  lambda: number
  /** The group's expected cycle service: mean of F_i(S_i). */
  expected: number
  /** Order-up-to level chosen for each series, and its own expected service F_i(S_i). */
  levels: Int32Array
  service: Float64Array
}

/** The default floor: no series is planned below this cycle service of its own (or the target, if lower). */
export const ITEM_SERVICE_FLOOR = 0.8
/** Fewer series than this do not make a group: a series alone gets its own target (or its level from the last run). */
export const MIN_GROUP_SIZE = 20

function check(target: number, floor: number) {
  if (!(target > 0 && target < 1)) throw new Error(`group target must be in (0, 1), got ${target}`)
  if (!(floor >= 0.5 && floor < 1)) throw new Error(`item service floor must be in [0.5, 1), got ${floor}`)
}

/**
 * The upper concave hull of the points (S, F[S]) from S = from on: the levels where
 * F(S) − λ·S can be largest, with the slopes between them (decreasing).
 */
function upperHull(F: Float64Array, from: number): { at: Int32Array; slope: Float64Array } {
  const n = F.length - from
  const at = new Int32Array(n)
  let k = 0
  for (let S = from; S < F.length; S++) {
    // drop the last vertex while it lies under the chord from the one before it to S (points on
    // the chord stay: the step at the target's margin may need one of them)
    while (k >= 2) {
      const a = at[k - 2]
      const b = at[k - 1]
      if ((F[b] - F[a]) * (S - a) < (F[S] - F[a]) * (b - a)) k--
      else break
    }
    at[k++] = S
    if (F[S] >= 1) break
  }
  const slope = new Float64Array(Math.max(0, k - 1))
  for (let i = 0; i + 1 < k; i++) slope[i] = (F[at[i + 1]] - F[at[i]]) / (at[i + 1] - at[i])
  return { at: at.slice(0, k), slope }
}

/** The hull vertex (its index) that maximises F(S) − λ·S: move on while the next unit buys more than λ. */
function choose(h: { at: Int32Array; slope: Float64Array }, lambda: number): number {
  let lo = 0
  let hi = h.slope.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (h.slope[mid] > lambda) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Levels for a group of series whose mean own service is at least `target` with the least total
 * stock the curves allow (up to the integer steps): the largest λ whose choice still meets the
 * target, found by bisection (the group's service falls as λ rises).
 */
export function allocateGroupService(curves: readonly Float64Array[], target: number, floor = ITEM_SERVICE_FLOOR): GroupAllocation {
  check(target, floor)
  // below 50 % a normal level would sit under its mean, which planPolicy never plans
  const fl = Math.max(0.5, Math.min(floor, target))
  const n = curves.length
  const hulls = curves.map((F) => {
    if (!(F.length > 0 && F[F.length - 1] >= 1)) throw new Error("a service curve must end at full service")
    // a series that can sell keeps at least one unit: an empty shelf is no level for an item in the range
    return upperHull(F, Math.max(curveQuantile(F, fl), F[0] < 1 ? 1 : 0))
  })
  const vertex = new Int32Array(n)
  const sumAt = (lambda: number) => {
    let s = 0
    for (let i = 0; i < n; i++) {
      vertex[i] = choose(hulls[i], lambda)
      s += curves[i][hulls[i].at[vertex[i]]]
    }
    return s
  }
  const goal = target * n
  let hi = 0
  for (const h of hulls) if (h.slope.length && h.slope[0] > hi) hi = h.slope[0]
  let lambda = hi
  if (sumAt(hi) < goal) {
    let lo = 0
    for (let it = 0; it < 60; it++) {
      const mid = (lo + hi) / 2
      if (sumAt(mid) >= goal) lo = mid
      else hi = mid
    }
    // λ = hi falls short; lo meets the target but may take whole runs of equal-slope steps that
    // it does not need (the Lagrangian's gap): from hi's choice, take steps in order of what they
    // buy until the target is met
    lambda = lo
    let sum = sumAt(hi)
    for (;;) {
      let best = -1
      for (let i = 0; i < n; i++) {
        const h = hulls[i]
        const v = vertex[i]
        if (v < h.slope.length && (best < 0 || h.slope[v] > hulls[best].slope[vertex[best]])) best = i
      }
      if (best < 0) break
      const h = hulls[best]
      sum += curves[best][h.at[vertex[best] + 1]] - curves[best][h.at[vertex[best]]]
      vertex[best]++
      if (sum >= goal - 1e-12) break
    }
  }
  const levels = new Int32Array(n)
  const service = new Float64Array(n)
  let sum = 0
  for (let i = 0; i < n; i++) {
    levels[i] = hulls[i].at[vertex[i]]
    service[i] = curves[i][levels[i]]
    sum += service[i]
  }
  return { lambda, expected: n > 0 ? sum / n : 1, levels, service }
}
