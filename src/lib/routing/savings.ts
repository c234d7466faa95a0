import type { Instance } from "./instance"
import { Solution } from "./solution"

const EPS = 1e-9

/**
 * Clarke & Wright's saving of serving j right after i on one run instead of on two:
 * (i → depot) + (depot → j) − (i → j). With λ ≠ 1, the parametric form of Yellow (1970),
 * d(i,0) + d(0,j) − λ·d(i,j), which favours nearby pairs more (λ > 1) or less (λ < 1).
 */
export function saving(iToDepot: number, depotToJ: number, iToJ: number, lambda = 1): number {
  return iToDepot + depotToJ - lambda * iToJ
}

/**
 * The k nearest other visits of every visit (by distance from it), nearest first, ties by
 * node number. Depot excluded.
 */
export function nearestNeighbours(inst: Instance, k: number): Int32Array[] {
  const n = inst.size
  const m = n - 1
  const kk = Math.max(0, Math.min(k, m - 1))
  const out: Int32Array[] = [new Int32Array(0)]
  const row = new Float64Array(m)
  const work = new Float64Array(m)
  for (let i = 1; i < n; i++) {
    // Threshold = the k-th smallest distance (quickselect), then only the few at or under it
    // are sorted, ties by node number.
    for (let j = 1; j < n; j++) row[j - 1] = j === i ? Infinity : Math.min(inst.dist[i * n + j], inst.dist[j * n + i])
    let limit = -Infinity
    if (kk > 0) {
      work.set(row)
      limit = select(work, kk - 1)
    }
    const cand: number[] = []
    for (let j = 1; j < n; j++) if (j !== i && row[j - 1] <= limit) cand.push(j)
    cand.sort((a, b) => row[a - 1] - row[b - 1] || a - b)
    out.push(Int32Array.from(cand.slice(0, kk)))
  }
  return out
}

/** The k-th smallest value (0-based) of a, reordering a (Hoare's quickselect, middle pivot). */
function select(a: Float64Array, k: number): number {
  let lo = 0
  let hi = a.length - 1
  while (lo < hi) {
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

/**
 * Parallel savings: every visit starts on its own run; pairs are taken in decreasing saving
 * and two runs are joined end to start when i ends one and j starts the other (either run may
 * be reversed when distances are symmetric) and the joined run is feasible — capacity,
 * volume, length, and, when the problem has time, windows and duration in the joined order or
 * its reverse. Above `fullPairsUpTo` visits only pairs among nearest neighbours are
 * considered (the saving of two far-apart visits is small and rarely taken).
 */
export function clarkeWright(
  inst: Instance,
  opts: { lambda?: number; neighbours?: Int32Array[]; fullPairsUpTo?: number } = {}
): Solution {
  const lambda = opts.lambda ?? 1
  const n = inst.size
  const m = n - 1
  const D = inst.dist
  const sol = new Solution(inst)
  const sym = inst.symmetric

  // Candidate pairs with positive saving.
  const pi: number[] = []
  const pj: number[] = []
  const pv: number[] = []
  const push = (i: number, j: number) => {
    const s = saving(D[i * n], D[j], D[i * n + j], lambda)
    if (s > EPS) {
      pi.push(i)
      pj.push(j)
      pv.push(s)
    }
  }
  if (m <= (opts.fullPairsUpTo ?? 400) || !opts.neighbours) {
    for (let i = 1; i < n; i++) for (let j = sym ? i + 1 : 1; j < n; j++) if (i !== j) push(i, j)
  } else {
    const nb = opts.neighbours
    for (let i = 1; i < n; i++) {
      for (const j of nb[i]) {
        if (sym) {
          // Keep each unordered pair once: from its smaller end, or from the larger end when
          // the smaller one does not list it.
          if (i < j) push(i, j)
          else if (!nb[j].includes(i)) push(j, i)
        } else push(i, j)
      }
    }
  }
  const order = Array.from(pv.keys()).sort((a, b) => pv[b] - pv[a] || pi[a] - pi[b] || pj[a] - pj[b])

  // Runs as arrays; route id per node.
  const route: number[][] = [[]]
  const owner = new Int32Array(n)
  const units: number[] = [0]
  const vol: number[] = [0]
  const len: number[] = [0]
  for (let i = 1; i < n; i++) {
    route.push([i])
    owner[i] = i
    units.push(inst.units[i])
    vol.push(inst.volume[i])
    len.push(D[i] + D[i * n])
  }

  for (const k of order) {
    const i = pi[k]
    const j = pj[k]
    const ri = owner[i]
    const rj = owner[j]
    if (ri === rj) continue
    const A = route[ri]
    const B = route[rj]
    const iLast = A[A.length - 1] === i
    const iFirst = A[0] === i
    const jFirst = B[0] === j
    const jLast = B[B.length - 1] === j
    if (!(iLast || iFirst) || !(jFirst || jLast)) continue
    if (!sol.fits(units[ri] + units[rj], vol[ri] + vol[rj])) continue
    let merged: number[]
    let length: number
    if (sym) {
      merged = (iLast ? A : A.slice().reverse()).concat(jFirst ? B : B.slice().reverse())
      length = len[ri] + len[rj] - saving(D[i * n], D[j], D[i * n + j])
    } else {
      if (!iLast || !jFirst) continue
      merged = A.concat(B)
      length = len[ri] + len[rj] - saving(D[i * n], D[j], D[i * n + j])
    }
    if (!sol.lengthOk(length)) continue
    if (!sol.timeOk(merged)) {
      if (!sym) continue
      merged.reverse()
      if (!sol.timeOk(merged)) continue
    }
    route[ri] = merged
    route[rj] = []
    for (const x of B) owner[x] = ri
    units[ri] += units[rj]
    vol[ri] += vol[rj]
    len[ri] = length
  }

  let r = 0
  for (const seq of route) if (seq.length) sol.setRoute(r++, seq)
  return sol
}
