import { mulberry32 } from "../random"
import { latestDeparture, prepare, round, type Instance } from "./instance"
import { localSearch } from "./local-search"
import { insertBest, ruinAndRecreate } from "./ruin-recreate"
import { clarkeWright, nearestNeighbours } from "./savings"
import type { Solution } from "./solution"
import type { Run, RunStop, RoutingProblem, RoutingResult, UnassignedStop } from "./types"

const EPS = 1e-9

/**
 * Default ruin-and-recreate budget: 4,000,000 / visits iterations, between 1,000 and 20,000,
 * and at most 500 per visit (a handful of stops needs little search): 20,000 up to 200
 * visits, 4,000 at 1,000 visits (about half a second; see docs/BENCHMARKS.md).
 */
export function defaultIterations(visits: number): number {
  if (visits < 2) return 0
  return Math.round(Math.min(20000, 500 * visits, Math.max(1000, 4e6 / visits)))
}

/**
 * Delivery runs for one depot and one day: Clarke–Wright parallel savings, a granular local
 * search (relocate, or-opt, swap, 2-opt*, 2-opt), the fleet size enforced, then a seeded
 * ruin-and-recreate search and a last local search. Every run respects units, volume, run
 * length, receiving windows, vehicle hours and duration; a stop that cannot be served is
 * returned in `unassigned` with the reason. Deterministic: the same problem gives the same
 * runs (unless `options.timeLimitMs` cuts the search short).
 */
export function planRoutes(problem: RoutingProblem): RoutingResult {
  const started = performance.now()
  const phases = { prepare: 0, savings: 0, localSearch: 0, ruinRecreate: 0 }
  let mark = started
  const lap = (phase: keyof typeof phases) => {
    const now = performance.now()
    phases[phase] += now - mark
    mark = now
  }
  const { inst, rejected } = prepare(problem)
  const options = problem.options ?? {}
  const m = inst.size - 1
  const random = mulberry32(options.seed ?? 20260401)
  const k = Math.max(1, options.neighbours ?? 30)
  const nbWide = m > 1 ? nearestNeighbours(inst, Math.max(k, 40)) : [new Int32Array(0), new Int32Array(0)]
  const nb = nbWide.map((a) => a.subarray(0, Math.min(k, a.length)))
  lap("prepare")

  let savingsKm = 0
  let localSearchKm = 0
  let iterations = 0
  let sol: Solution
  if (m === 0) {
    sol = clarkeWright(inst)
  } else {
    sol = clarkeWright(inst, { neighbours: nbWide })
    savingsKm = sol.distance()
    lap("savings")
    const order = Array.from({ length: m }, (_, i) => i + 1)
    for (let i = m - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[order[i], order[j]] = [order[j], order[i]]
    }
    localSearch(sol, nb, order)
    enforceFleet(sol, nbWide)
    localSearch(sol, nb, order)
    localSearchKm = sol.distance()
    lap("localSearch")
    const budget = options.iterations ?? defaultIterations(m)
    if (budget > 0 && inst.maxRoutes > 0) {
      iterations = ruinAndRecreate(sol, { iterations: budget, random, nb: nbWide, timeLimitMs: options.timeLimitMs }).iterations
      lap("ruinRecreate")
      localSearch(sol, nb, order)
      lap("localSearch")
    }
  }
  sol.compact()

  const result = describe(problem, inst, sol, rejected)
  result.stats = {
    ms: round(performance.now() - started),
    savingsKm: round(savingsKm),
    localSearchKm: round(localSearchKm),
    finalKm: result.totals.km,
    iterations,
    phaseMs: {
      prepare: round(phases.prepare),
      savings: round(phases.savings),
      localSearch: round(phases.localSearch),
      ruinRecreate: round(phases.ruinRecreate),
    },
  }
  return result
}

/**
 * While there are more runs than vehicles, dissolve the run carrying the fewest units and
 * insert its visits into the other runs at the cheapest feasible place; what fits nowhere is
 * left unassigned (the ruin-and-recreate search keeps trying to place it).
 */
function enforceFleet(sol: Solution, nb: Int32Array[]): void {
  const max = sol.inst.maxRoutes
  for (;;) {
    const active: number[] = []
    sol.routes.forEach((r, i) => r.length && active.push(i))
    if (active.length <= max) return
    active.sort((a, b) => sol.load[a] - sol.load[b] || sol.len[a] - sol.len[b] || a - b)
    const r = active[0]
    const visits = sol.routes[r].slice()
    sol.routes[r] = []
    sol.refresh(r)
    for (const x of visits) sol.rt[x] = -1
    visits.sort((a, b) => sol.inst.units[b] - sol.inst.units[a] || a - b)
    for (const x of visits) insertBest(sol, x, null, 0, nb)
  }
}

function describe(
  problem: RoutingProblem,
  inst: Instance,
  sol: Solution,
  rejected: { stop: number; reason: UnassignedStop["reason"]; detail: string }[]
): RoutingResult {
  const { stops } = problem
  const n = inst.size
  const D = inst.dist
  const withTimes = inst.timed || problem.vehicles.speedKmh !== undefined
  const mpk = inst.minutesPerKm

  const runs: Run[] = sol.routes.map((seq, r) => {
    let departure = inst.from
    if (withTimes && seq.length) {
      // Leave as late as the windows allow without coming back later.
      let t = inst.from
      let prev = 0
      for (const x of seq) {
        t = startAt(inst, x, t + D[prev * n + x] * mpk) + inst.service[x]
        prev = x
      }
      t += D[prev * n] * mpk
      departure = latestDeparture(inst, seq, seq.length, t)
    }
    let t = departure
    let prev = 0
    let km = 0
    let onBoard = sol.load[r]
    let volOnBoard = sol.vol[r]
    const runStops: RunStop[] = seq.map((x) => {
      const leg = D[prev * n + x]
      km += leg
      onBoard -= inst.units[x]
      volOnBoard -= inst.volume[x]
      const stop: RunStop = {
        id: stops[inst.stopOf[x]].id,
        ...(inst.partOf[x] ? { part: inst.partOf[x] } : {}),
        units: inst.units[x],
        volume: round(inst.volume[x]),
        legKm: round(leg),
        cumulativeKm: round(km),
        unitsOnBoard: round(Math.max(0, onBoard)),
        volumeOnBoard: round(Math.max(0, volOnBoard)),
      }
      if (withTimes) {
        const arrival = t + leg * mpk
        const start = startAt(inst, x, arrival)
        t = start + inst.service[x]
        Object.assign(stop, {
          arrival: round(arrival),
          serviceStart: round(start),
          waitMinutes: round(start - arrival),
          departure: round(t),
        })
      }
      prev = x
      return stop
    })
    const back = seq.length ? D[prev * n] : 0
    const run: Run = {
      vehicle: r + 1,
      stops: runStops,
      returnKm: round(back),
      km: round(km + back),
      units: round(sol.load[r]),
      volume: round(sol.vol[r]),
    }
    if (withTimes) {
      const ret = t + back * mpk
      Object.assign(run, { departure: round(departure), return: round(ret), durationMinutes: round(ret - departure) })
    }
    return run
  })

  // Unassigned: stops rejected up front, then visits without a run, merged per stop.
  const unassigned: UnassignedStop[] = rejected.map((r) => ({
    id: stops[r.stop].id,
    units: stops[r.stop].units,
    volume: stops[r.stop].volume ?? 0,
    reason: r.reason,
    detail: r.detail,
  }))
  const left = new Map<number, { units: number; volume: number; parts: number }>()
  for (const x of [...sol.unassigned].sort((a, b) => a - b)) {
    const i = inst.stopOf[x]
    const e = left.get(i) ?? { units: 0, volume: 0, parts: 0 }
    e.units += inst.units[x]
    e.volume += inst.volume[x]
    e.parts++
    left.set(i, e)
  }
  for (const [i, e] of left) {
    const split = stops[i].units !== e.units
    unassigned.push({
      id: stops[i].id,
      units: round(e.units),
      volume: round(e.volume),
      reason: "no_vehicle_available",
      detail: `all ${inst.maxRoutes} vehicles' runs are full (capacity, length or time)${split ? `; ${e.parts} part(s) of a split stop` : ""}`,
    })
  }

  // Baseline: one depot → stop → depot trip per transfer (at least one per visit made).
  const served = new Map<number, { node: number; visits: number }>()
  for (const seq of sol.routes) {
    for (const x of seq) {
      const i = inst.stopOf[x]
      const e = served.get(i) ?? { node: x, visits: 0 }
      e.visits++
      served.set(i, e)
    }
  }
  let trips = 0
  let baseKm = 0
  for (const [i, e] of served) {
    const t = Math.max(stops[i].transfers ?? 1, e.visits)
    trips += t
    baseKm += t * (D[e.node] + D[e.node * n])
  }
  const km = runs.reduce((s, r) => s + r.km, 0)
  const totals: RoutingResult["totals"] = {
    runs: runs.length,
    stops: runs.reduce((s, r) => s + r.stops.length, 0),
    units: round(runs.reduce((s, r) => s + r.units, 0)),
    volume: round(runs.reduce((s, r) => s + r.volume, 0)),
    km: round(km),
  }
  if (withTimes) totals.durationMinutes = round(runs.reduce((s, r) => s + (r.durationMinutes ?? 0), 0))
  const saved = baseKm - km
  return {
    depot: problem.depot.id,
    runs,
    unassigned,
    totals,
    baseline: {
      trips,
      km: round(baseKm),
      savedKm: round(saved),
      savedPercent: baseKm > EPS ? round((100 * saved) / baseKm) : 0,
    },
    stats: { ms: 0, savingsKm: 0, localSearchKm: 0, finalKm: 0, iterations: 0, phaseMs: { prepare: 0, savings: 0, localSearch: 0, ruinRecreate: 0 } },
  }
}

/** Service start at x when arriving at `arrival`: the first window still open. */
function startAt(inst: Instance, x: number, arrival: number): number {
  const w = inst.windows[x]
  if (!w) return arrival
  for (let j = 0; j < w.length; j += 2) if (w[j + 1] + EPS >= arrival) return Math.max(arrival, w[j])
  return arrival
}
