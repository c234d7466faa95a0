// An independent checker of a RoutingResult against its problem: recomputes every distance
// and the schedule from the raw input instead of trusting the solver's bookkeeping.
import { haversineKm } from "../../geo"
import { DEFAULT_DETOUR_FACTOR, DEFAULT_SPEED_KMH, type RoutingProblem, type RoutingResult } from ".."

const TOL = 1e-6

export function distanceOf(problem: RoutingProblem) {
  const byId = new Map(problem.stops.map((s) => [s.id, s]))
  const point = (id: string | null) => (id === null ? problem.depot : byId.get(id)!)
  return (from: string | null, to: string | null): number => {
    const a = point(from)
    const b = point(to)
    if (problem.distance.kind === "matrix") return Number(problem.distance.matrix[a.index!][b.index!])
    return (problem.distance.detourFactor ?? DEFAULT_DETOUR_FACTOR) * haversineKm(a.location!, b.location!)
  }
}

/** Returns a list of violations (empty when the result is valid). */
export function violations(problem: RoutingProblem, result: RoutingResult): string[] {
  const out: string[] = []
  const v = problem.vehicles
  const d = distanceOf(problem)
  const byId = new Map(problem.stops.map((s) => [s.id, s]))
  const mpk = 60 / (v.speedKmh ?? DEFAULT_SPEED_KMH)
  const timed =
    v.maxDurationMinutes !== undefined ||
    v.availableUntil !== undefined ||
    problem.stops.some((s) => s.windows && s.windows.length > 0)

  if (result.runs.length > v.count) out.push(`${result.runs.length} runs > ${v.count} vehicles`)

  // Every stop accounted for exactly: served units + unassigned units = its units.
  const served = new Map<string, number>()
  for (const run of result.runs) for (const s of run.stops) served.set(s.id, (served.get(s.id) ?? 0) + s.units)
  const unassigned = new Map<string, number>()
  for (const u of result.unassigned) unassigned.set(u.id, (unassigned.get(u.id) ?? 0) + u.units)
  for (const s of problem.stops) {
    const total = (served.get(s.id) ?? 0) + (unassigned.get(s.id) ?? 0)
    if (Math.abs(total - s.units) > TOL) out.push(`${s.id}: served ${served.get(s.id) ?? 0} + unassigned ${unassigned.get(s.id) ?? 0} ≠ ${s.units}`)
    if (!served.has(s.id) && !unassigned.has(s.id)) out.push(`${s.id} silently dropped`)
  }
  for (const id of [...served.keys(), ...unassigned.keys()]) if (!byId.has(id)) out.push(`unknown stop ${id}`)

  let totalKm = 0
  for (const run of result.runs) {
    const units = run.stops.reduce((a, s) => a + s.units, 0)
    const volume = run.stops.reduce((a, s) => a + s.volume, 0)
    if (units > v.capacityUnits + TOL) out.push(`run ${run.vehicle}: ${units} units > ${v.capacityUnits}`)
    if (v.capacityVolume !== undefined && volume > v.capacityVolume + 1e-3) out.push(`run ${run.vehicle}: volume ${volume} > ${v.capacityVolume}`)
    let km = 0
    let prev: string | null = null
    let t = run.departure ?? v.availableFrom ?? 0
    if (timed && run.departure === undefined) out.push(`run ${run.vehicle}: no times on a timed problem`)
    if (run.departure !== undefined && run.departure < (v.availableFrom ?? 0) - 1e-3) out.push(`run ${run.vehicle} leaves before the vehicles are available`)
    for (const s of run.stops) {
      const leg = d(prev, s.id)
      km += leg
      if (Math.abs(leg - s.legKm) > 1e-2) out.push(`run ${run.vehicle} → ${s.id}: leg ${s.legKm} ≠ ${leg}`)
      if (Math.abs(km - s.cumulativeKm) > 1e-2) out.push(`run ${run.vehicle} → ${s.id}: cumulative ${s.cumulativeKm} ≠ ${km}`)
      const stop = byId.get(s.id)!
      if (timed) {
        const arrival = t + leg * mpk
        if (Math.abs(arrival - (s.arrival ?? NaN)) > 1e-2) out.push(`${s.id}: arrival ${s.arrival} ≠ ${arrival}`)
        const start = s.serviceStart ?? NaN
        if (start < arrival - 1e-3) out.push(`${s.id}: service starts before arrival`)
        if (stop.windows) {
          if (!stop.windows.some((w) => start >= w.start - 1e-3 && start <= w.end + 1e-3)) {
            out.push(`${s.id}: service start ${start} outside ${JSON.stringify(stop.windows)}`)
          }
          // Waiting only until a window opens, never past it.
          if (start > arrival + 1e-3 && !stop.windows.some((w) => Math.abs(w.start - start) < 1e-3)) out.push(`${s.id}: waits for nothing`)
        } else if (Math.abs(start - arrival) > 1e-3) out.push(`${s.id}: waits without a window`)
        t = start + (stop.serviceMinutes ?? v.serviceMinutes ?? 0)
      }
      prev = s.id
    }
    const back = run.stops.length ? d(prev, null) : 0
    km += back
    totalKm += km
    if (Math.abs(km - run.km) > 1e-2) out.push(`run ${run.vehicle}: km ${run.km} ≠ ${km}`)
    if (v.maxRouteKm !== undefined && km > v.maxRouteKm + 1e-6) out.push(`run ${run.vehicle}: ${km} km > ${v.maxRouteKm}`)
    if (timed) {
      const ret = t + back * mpk
      if (Math.abs(ret - (run.return ?? NaN)) > 1e-2) out.push(`run ${run.vehicle}: return ${run.return} ≠ ${ret}`)
      if (v.availableUntil !== undefined && ret > v.availableUntil + 1e-3) out.push(`run ${run.vehicle} returns at ${ret} > ${v.availableUntil}`)
      const duration = ret - (run.departure ?? 0)
      if (v.maxDurationMinutes !== undefined && duration > v.maxDurationMinutes + 1e-3) out.push(`run ${run.vehicle}: ${duration} min > ${v.maxDurationMinutes}`)
    }
  }
  if (Math.abs(totalKm - result.totals.km) > 1e-2 * Math.max(1, result.runs.length)) out.push(`total km ${result.totals.km} ≠ ${totalKm}`)
  return out
}
