import type { Solution } from "./solution"

const EPS = 1e-7

/**
 * Granular first-improvement local search (Toth & Vigo's idea: only moves that create an edge
 * between a visit and one of its nearest neighbours). For each visit u and neighbour v:
 *  - relocate u next to v (after or before it), on the same run or another;
 *  - or-opt: move u with its successor next to v, in either orientation;
 *  - swap u and v (different runs);
 *  - 2-opt* between two runs (exchange tails so that u is followed by v; and, for symmetric
 *    distances, the variant joining u's head to v's reversed head);
 *  - 2-opt within a run (symmetric distances).
 * A move is applied only when it shortens the total and both changed runs stay feasible:
 * units, volume, length in O(1), then windows and duration by scheduling the new runs.
 * Repeats until no move improves. Returns the number of moves applied.
 */
export function localSearch(sol: Solution, nb: Int32Array[], order: number[]): number {
  const inst = sol.inst
  const n = inst.size
  const D = inst.dist
  const d = (a: number, b: number) => D[a * n + b]
  const U = inst.units
  const V = inst.volume
  const sym = inst.symmetric
  let moves = 0
  let improved = true

  // Commit candidate runs when they satisfy the time constraints.
  const commit = (r1: number, s1: number[], r2 = -1, s2: number[] | null = null): boolean => {
    if (!sol.timeOk(s1)) return false
    if (s2 && !sol.timeOk(s2)) return false
    sol.routes[r1] = s1
    if (s2) sol.routes[r2] = s2
    sol.refresh(r1)
    if (s2) sol.refresh(r2)
    moves++
    return true
  }

  // Removes `seg` (consecutive in its run) and inserts it between a and b (a or b may be the
  // depot; a, b are on run rv after the removal).
  const moveSegment = (seg: number[], reversed: boolean, rv: number, a: number, b: number): boolean => {
    const ru = sol.rt[seg[0]]
    const first = sol.ps[seg[0]]
    const src = sol.routes[ru]
    const without = src.slice(0, first).concat(src.slice(first + seg.length))
    const put = reversed ? seg.slice().reverse() : seg
    if (ru === rv) {
      const at = b !== 0 ? without.indexOf(b) : a !== 0 ? without.indexOf(a) + 1 : 0
      return commit(ru, without.slice(0, at).concat(put, without.slice(at)))
    }
    const dst = sol.routes[rv]
    const at = b !== 0 ? sol.ps[b] : a !== 0 ? sol.ps[a] + 1 : 0
    return commit(ru, without, rv, dst.slice(0, at).concat(put, dst.slice(at)))
  }

  // Segment [u] or [u, next(u)] between a and b on v's run.
  const tryInsertSegment = (u: number, len: 1 | 2, a: number, b: number, rv: number): boolean => {
    const ru = sol.rt[u]
    const last = len === 1 ? u : sol.next(u)
    if (last === 0) return false
    // (a, b) = (pu, u) or (last, nl) would be no moves; every other pair is an edge that
    // survives the removal, so the delta below is exact.
    if (a === u || b === u || a === last || b === last) return false
    const pu = sol.prev(u)
    const nl = sol.next(last)
    const segUnits = len === 1 ? U[u] : U[u] + U[last]
    const segVol = len === 1 ? V[u] : V[u] + V[last]
    const inner = len === 1 ? 0 : d(u, last)
    const remove = d(pu, nl) - d(pu, u) - inner - d(last, nl)
    const straight = d(a, u) + inner + d(last, b) - d(a, b)
    const rev = len === 2 && sym ? d(a, last) + inner + d(u, b) - d(a, b) : Infinity
    const reversed = rev < straight - EPS
    const add = reversed ? rev : straight
    if (remove + add >= -EPS) return false
    if (ru !== rv) {
      if (!sol.fits(sol.load[rv] + segUnits, sol.vol[rv] + segVol)) return false
      if (!sol.lengthOk(sol.len[rv] + add) || !sol.lengthOk(sol.len[ru] + remove)) return false
    } else if (!sol.lengthOk(sol.len[ru] + remove + add)) return false
    return moveSegment(len === 1 ? [u] : [u, last], reversed, rv, a, b)
  }

  const trySwap = (u: number, v: number): boolean => {
    const ru = sol.rt[u]
    const rv = sol.rt[v]
    if (ru === rv) return false
    const pu = sol.prev(u)
    const nu = sol.next(u)
    const pv = sol.prev(v)
    const nv = sol.next(v)
    const du = d(pu, v) + d(v, nu) - d(pu, u) - d(u, nu)
    const dv = d(pv, u) + d(u, nv) - d(pv, v) - d(v, nv)
    if (du + dv >= -EPS) return false
    if (!sol.fits(sol.load[ru] - U[u] + U[v], sol.vol[ru] - V[u] + V[v])) return false
    if (!sol.fits(sol.load[rv] - U[v] + U[u], sol.vol[rv] - V[v] + V[u])) return false
    if (!sol.lengthOk(sol.len[ru] + du) || !sol.lengthOk(sol.len[rv] + dv)) return false
    const s1 = sol.routes[ru].slice()
    const s2 = sol.routes[rv].slice()
    s1[sol.ps[u]] = v
    s2[sol.ps[v]] = u
    return commit(ru, s1, rv, s2)
  }

  // Tails exchanged: [..u][v..] and [..pv][x..].
  const tryTwoOptStar = (u: number, v: number): boolean => {
    const ru = sol.rt[u]
    const rv = sol.rt[v]
    if (ru === rv) return false
    const x = sol.next(u)
    const pv = sol.prev(v)
    const delta = d(u, v) + d(pv, x) - d(u, x) - d(pv, v)
    if (delta >= -EPS) return false
    const headU = sol.prefLoad[u]
    const headUv = sol.prefVol[u]
    const headV = pv === 0 ? 0 : sol.prefLoad[pv]
    const headVv = pv === 0 ? 0 : sol.prefVol[pv]
    if (!sol.fits(headU + sol.load[rv] - headV, headUv + sol.vol[rv] - headVv)) return false
    if (!sol.fits(headV + sol.load[ru] - headU, headVv + sol.vol[ru] - headUv)) return false
    const l1 = sol.prefix(u) + d(u, v) + sol.suffix(v)
    const l2 = sol.prefix(pv) + d(pv, x) + sol.suffix(x)
    if (!sol.lengthOk(l1) || !sol.lengthOk(l2)) return false
    const A = sol.routes[ru]
    const B = sol.routes[rv]
    const cu = sol.ps[u] + 1
    const cv = sol.ps[v]
    return commit(ru, A.slice(0, cu).concat(B.slice(cv)), rv, B.slice(0, cv).concat(A.slice(cu)))
  }

  // Symmetric: [..u] + reverse([..v]) and reverse([x..]) + [y..].
  const tryTwoOptStarReversed = (u: number, v: number): boolean => {
    const ru = sol.rt[u]
    const rv = sol.rt[v]
    if (ru === rv) return false
    const x = sol.next(u)
    const y = sol.next(v)
    const delta = d(u, v) + d(x, y) - d(u, x) - d(v, y)
    if (delta >= -EPS) return false
    const l1u = sol.prefLoad[u] + sol.prefLoad[v]
    const l1v = sol.prefVol[u] + sol.prefVol[v]
    if (!sol.fits(l1u, l1v)) return false
    if (!sol.fits(sol.load[ru] + sol.load[rv] - l1u, sol.vol[ru] + sol.vol[rv] - l1v)) return false
    const l1 = sol.prefix(u) + d(u, v) + sol.prefix(v)
    const l2 = sol.suffix(x) + d(x, y) + sol.suffix(y)
    if (!sol.lengthOk(l1) || !sol.lengthOk(l2)) return false
    const A = sol.routes[ru]
    const B = sol.routes[rv]
    const cu = sol.ps[u] + 1
    const cv = sol.ps[v] + 1
    const s1 = A.slice(0, cu).concat(B.slice(0, cv).reverse())
    const s2 = A.slice(cu).reverse().concat(B.slice(cv))
    return commit(ru, s1, rv, s2)
  }

  // Symmetric, same run: make u and v adjacent by reversing the stretch between them.
  const tryTwoOpt = (u: number, v: number): boolean => {
    const r = sol.rt[u]
    if (r !== sol.rt[v]) return false
    let a = u
    let b = v
    if (sol.ps[a] > sol.ps[b]) [a, b] = [b, a]
    const x = sol.next(a)
    if (x === b) return false
    const y = sol.next(b)
    const delta = d(a, b) + d(x, y) - d(a, x) - d(b, y)
    if (delta >= -EPS) return false
    const seq = sol.routes[r]
    const i = sol.ps[x]
    const j = sol.ps[b]
    const cand = seq.slice(0, i).concat(seq.slice(i, j + 1).reverse(), seq.slice(j + 1))
    return commit(r, cand)
  }

  // tested[u]: the clock when all of u's moves were last tried; a pair whose two runs have not
  // changed since cannot have become improving.
  const tested = new Float64Array(n).fill(-1)
  while (improved) {
    improved = false
    for (const u of order) {
      if (sol.rt[u] < 0) continue
      const since = tested[u]
      tested[u] = sol.clock
      for (const v of nb[u]) {
        if (sol.rt[u] < 0 || sol.rt[v] < 0) continue
        const rv = sol.rt[v]
        if (sol.stamp[rv] <= since && sol.stamp[sol.rt[u]] <= since) continue
        let done =
          tryInsertSegment(u, 1, v, sol.next(v), rv) ||
          tryInsertSegment(u, 1, sol.prev(v), v, rv) ||
          tryInsertSegment(u, 2, v, sol.next(v), rv) ||
          tryInsertSegment(u, 2, sol.prev(v), v, rv) ||
          trySwap(u, v) ||
          tryTwoOptStar(u, v)
        if (!done && sym) done = tryTwoOptStarReversed(u, v) || tryTwoOpt(u, v)
        if (done) improved = true
      }
    }
  }
  return moves
}
