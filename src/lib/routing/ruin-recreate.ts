import type { Solution } from "./solution"

const EPS = 1e-9

export interface RuinRecreateOptions {
  iterations: number
  random: () => number
  nb: Int32Array[]
  timeLimitMs?: number
  /** Average number of visits removed per ruin (SISR's c̄). Default 10. */
  averageRemoved?: number
  /** Longest string removed from one run (SISR's L_max). Default 10. */
  maxString?: number
  /** Probability of skipping an insertion position (SISR's blink rate). Default 0.01. */
  blink?: number
}

export interface RuinRecreateResult {
  iterations: number
  improvements: number
}

/**
 * Slack Induction by String Removals (Christiaens & Vanden Berghe, Transportation Science
 * 2020), simplified: remove a few strings of consecutive visits from runs near a random visit,
 * reinsert the removed visits one by one at their cheapest feasible position (skipping a
 * position now and then, "blinks"), accept by simulated annealing, keep the best. Visits
 * without a run (fleet used up) are reinserted on every iteration; each one left out costs
 * `sol.penalty`. Deterministic for a given `random`. The best solution is left in `sol`.
 */
export function ruinAndRecreate(sol: Solution, opts: RuinRecreateOptions): RuinRecreateResult {
  const inst = sol.inst
  const n = inst.size
  const m = n - 1
  const D = inst.dist
  const rnd = opts.random
  const cBar = opts.averageRemoved ?? 10
  const lMax = opts.maxString ?? 10
  const blink = opts.blink ?? 0.01
  const nb = opts.nb
  if (m < 2 || opts.iterations <= 0) return { iterations: 0, improvements: 0 }

  let current = sol.cost()
  let best = current
  let bestSnap = sol.snapshot()
  const assigned = m - sol.unassigned.length
  const avgEdge = sol.distance() / Math.max(1, assigned + sol.activeRoutes())
  // Simulated annealing from one average edge down to 1 % of it (calibrated on CVRPLIB A, B, M
  // and X instances: hotter or colder starts were worse on average).
  const t0 = avgEdge
  const tf = 0.01 * avgEdge
  const start = Date.now()
  let improvements = 0
  let it = 0

  // Undo log: original sequences of the runs touched this iteration.
  const saved = new Map<number, number[]>()
  const touch = (r: number) => {
    if (!saved.has(r)) saved.set(r, sol.routes[r].slice())
  }

  for (; it < opts.iterations; it++) {
    if (opts.timeLimitMs !== undefined && (it & 63) === 0 && Date.now() - start > opts.timeLimitMs) break
    const temp = t0 > 0 ? t0 * Math.pow(tf / t0, it / opts.iterations) : 0
    saved.clear()
    const savedUnassigned = sol.unassigned.slice()

    // Ruin.
    const removed: number[] = sol.unassigned.slice()
    sol.unassigned = []
    let active = 0
    let onRuns = 0
    for (const r of sol.routes) {
      if (r.length) {
        active++
        onRuns += r.length
      }
    }
    if (active > 0) {
      const avgCard = onRuns / active
      const lsMax = Math.min(lMax, avgCard)
      const ksMax = (4 * cBar) / (1 + lsMax) - 1
      const ks = Math.floor(rnd() * ksMax) + 1
      let seed = 1 + Math.floor(rnd() * m)
      for (let tries = 0; sol.rt[seed] < 0 && tries < m; tries++) seed = seed === m ? 1 : seed + 1
      const ruined = new Set<number>()
      const visit = (c: number) => {
        if (ruined.size >= ks) return
        const r = sol.rt[c]
        if (r < 0 || ruined.has(r)) return
        const seq = sol.routes[r]
        const card = seq.length
        const l = Math.min(card, Math.floor(rnd() * Math.min(card, lsMax)) + 1)
        const p = sol.ps[c]
        const lo = Math.max(0, p - l + 1)
        const hi = Math.min(p, card - l)
        const from = lo + Math.floor(rnd() * (hi - lo + 1))
        touch(r)
        const cut = seq.splice(from, l)
        for (const x of cut) {
          sol.rt[x] = -1
          removed.push(x)
        }
        sol.refresh(r)
        ruined.add(r)
      }
      if (sol.rt[seed] >= 0) {
        visit(seed)
        for (const c of nb[seed]) {
          if (ruined.size >= ks) break
          visit(c)
        }
      }
    }

    // Recreate, in one of SISR's orders.
    const pick = rnd() * 11
    if (pick < 4) shuffle(removed, rnd)
    else if (pick < 8) removed.sort((a, b) => inst.units[b] - inst.units[a] || inst.volume[b] - inst.volume[a] || a - b)
    else if (pick < 10) removed.sort((a, b) => D[b] - D[a] || a - b)
    else removed.sort((a, b) => D[a] - D[b] || a - b)
    for (const u of removed) insertBest(sol, u, rnd, blink, nb, touch)

    // Without the triangle inequality (a supplied matrix may lack it) taking stops out of a run
    // can make it longer or later: such a solution is never accepted.
    let feasible = true
    if (inst.timed || inst.maxLen !== Infinity) {
      for (const r of saved.keys()) {
        if (!sol.lengthOk(sol.len[r]) || !sol.timeOk(sol.routes[r])) {
          feasible = false
          break
        }
      }
    }
    const cost = sol.cost()
    if (feasible && cost < current - temp * Math.log(rnd())) {
      current = cost
      if (cost < best - EPS) {
        best = cost
        bestSnap = sol.snapshot()
        improvements++
      }
    } else {
      // Undo: put back the touched runs and the old unassigned list.
      for (const r of saved.keys()) {
        for (const x of sol.routes[r]) sol.rt[x] = -1
      }
      for (const [r, seq] of saved) {
        sol.routes[r] = seq
        sol.refresh(r)
      }
      for (const x of savedUnassigned) sol.rt[x] = -1
      sol.unassigned = savedUnassigned
    }
    // Keep the list of runs tidy: empty runs at the end can be dropped.
    while (sol.routes.length && sol.routes[sol.routes.length - 1].length === 0 && !saved.has(sol.routes.length - 1)) {
      sol.routes.pop()
      sol.load.pop()
      sol.vol.pop()
      sol.len.pop()
      sol.stamp.pop()
    }
  }
  sol.restore(bestSnap)
  return { iterations: it, improvements }
}

function shuffle(a: number[], rnd: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    const t = a[i]
    a[i] = a[j]
    a[j] = t
  }
}

/**
 * Cheapest feasible insertion of u (capacity, length, then time), or a new run when the fleet
 * has one left; otherwise u joins `sol.unassigned`. On large instances only runs holding one of
 * u's neighbours are searched.
 */
export function insertBest(
  sol: Solution,
  u: number,
  rnd: (() => number) | null,
  blink: number,
  nb: Int32Array[],
  touch: (r: number) => void = () => {}
): boolean {
  const inst = sol.inst
  const n = inst.size
  const D = inst.dist
  const qu = inst.units[u]
  const vu = inst.volume[u]
  let bestDelta = Infinity
  let bestR = -1
  let bestPos = -1

  // With a duration limit the O(run length) schedule is the expensive check. A first pass finds
  // the cheapest position by everything else (windows in O(1)) and schedules only that one; if
  // it runs too long, a second pass checks the duration of every improving position.
  const limited = inst.timed && inst.maxDuration !== Infinity
  let full = !limited
  let candR = -1
  let candPos = -1

  const tryRoute = (r: number) => {
    const seq = sol.routes[r]
    if (!seq.length) return
    if (!sol.fits(sol.load[r] + qu, sol.vol[r] + vu)) return
    const room = inst.maxLen - sol.len[r]
    let a = 0
    for (let pos = 0; pos <= seq.length; pos++) {
      const b = pos < seq.length ? seq[pos] : 0
      const delta = D[a * n + u] + D[u * n + b] - D[a * n + b]
      a = b
      if (!(delta < bestDelta - EPS) || delta > room + EPS || (rnd && rnd() < blink)) continue
      if (!sol.windowsOkInsert(seq, pos, u)) continue
      if (full && limited && !sol.durationOkInsert(seq, pos, u)) continue
      bestDelta = delta
      candR = r
      candPos = pos
    }
  }

  // Runs to search: all of them on small problems, else those holding a neighbour of u first.
  const list: number[] = []
  const rest: number[] = []
  if (n <= 300) {
    for (let r = 0; r < sol.routes.length; r++) list.push(r)
  } else {
    for (const v of nb[u]) {
      const r = sol.rt[v]
      if (r >= 0 && !list.includes(r)) list.push(r)
    }
    for (let r = 0; r < sol.routes.length; r++) if (!list.includes(r)) rest.push(r)
  }
  const scan = (routes: number[]) => {
    for (let i = 0; i < routes.length; i++) tryRoute(routes[i])
    if (!full && candR >= 0 && !sol.durationOkInsert(sol.routes[candR], candPos, u)) {
      bestDelta = Infinity
      candR = -1
      full = true
      for (let i = 0; i < routes.length; i++) tryRoute(routes[i])
      full = false
    }
    if (candR >= 0) {
      bestR = candR
      bestPos = candPos
    }
  }
  scan(list)
  if (bestR < 0 && rest.length) scan(rest)

  const single = D[u] + D[u * n]
  if (single < bestDelta - EPS && sol.activeRoutes() < inst.maxRoutes) {
    let r = sol.routes.findIndex((s) => s.length === 0)
    if (r < 0) r = sol.routes.length
    if (r < sol.routes.length) touch(r)
    else {
      sol.setRoute(r, [])
      touch(r)
    }
    sol.routes[r] = [u]
    sol.refresh(r)
    return true
  }
  if (bestR >= 0) {
    touch(bestR)
    sol.routes[bestR].splice(bestPos, 0, u)
    sol.refresh(bestR)
    return true
  }
  sol.unassigned.push(u)
  sol.rt[u] = -1
  return false
}
