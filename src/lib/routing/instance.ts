import { EARTH_RADIUS_KM, haversineKm, isValidLatitude, isValidLongitude } from "../geo"
import type { RoutingProblem, TimeWindow, UnassignedReason } from "./types"

/** Default factor from great-circle to road distance (the same default as the transfer planner). */
export const DEFAULT_DETOUR_FACTOR = 1.3
export const DEFAULT_SPEED_KMH = 30
const EPS = 1e-9

/**
 * The problem as the search sees it: node 0 is the depot, nodes 1… are visits (a stop, or one
 * part of a split stop). Flat typed arrays so the inner loops stay fast.
 */
export interface Instance {
  /** Nodes including the depot. */
  size: number
  /** `dist[a * size + b]`. */
  dist: Float64Array
  symmetric: boolean
  units: Float64Array
  volume: Float64Array
  service: Float64Array
  /** Per node: merged, sorted windows flattened as [start0, end0, start1, end1, …]; null = any time. */
  windows: (Float64Array | null)[]
  capUnits: number
  capVolume: number
  maxLen: number
  /** True when any time constraint exists: windows, duration or vehicle hours. */
  timed: boolean
  minutesPerKm: number
  from: number
  until: number
  maxDuration: number
  maxRoutes: number
  /** Visit node → index of its stop in the problem, and its part number (0 = not split). */
  stopOf: Int32Array
  partOf: Int32Array
}

export interface Rejected {
  stop: number
  reason: UnassignedReason
  detail: string
}

export interface Prepared {
  inst: Instance
  rejected: Rejected[]
}

function mergeWindows(windows: TimeWindow[]): Float64Array {
  const sorted = windows
    .filter((w) => Number.isFinite(w.start) && Number.isFinite(w.end) && w.end >= w.start)
    .map((w) => [w.start, w.end] as [number, number])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const out: number[] = []
  for (const [s, e] of sorted) {
    const n = out.length
    if (n && s <= out[n - 1]) out[n - 1] = Math.max(out[n - 1], e)
    else out.push(s, e)
  }
  return Float64Array.from(out)
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback
  if (typeof value !== "number" || Number.isNaN(value) || value < 0) {
    throw new RangeError(`vehicles.${name} must be a number >= 0, got ${value}`)
  }
  return value
}

/**
 * Validates the problem, turns each stop into one visit (or several when split), decides which
 * stops no run could ever serve, and builds the distance matrix over what is left.
 */
export function prepare(problem: RoutingProblem): Prepared {
  const { depot, stops, vehicles, distance } = problem
  const options = problem.options ?? {}
  const split = options.splitOversize ?? true
  const count = positive("count", vehicles.count, 0)
  const capUnits = positive("capacityUnits", vehicles.capacityUnits, NaN)
  if (Number.isNaN(capUnits)) throw new RangeError("vehicles.capacityUnits is required")
  const capVolume = positive("capacityVolume", vehicles.capacityVolume, Infinity)
  const maxLen = positive("maxRouteKm", vehicles.maxRouteKm, Infinity)
  const maxDuration = positive("maxDurationMinutes", vehicles.maxDurationMinutes, Infinity)
  const speed = positive("speedKmh", vehicles.speedKmh, DEFAULT_SPEED_KMH)
  if (speed === 0) throw new RangeError("vehicles.speedKmh must be > 0")
  const defaultService = positive("serviceMinutes", vehicles.serviceMinutes, 0)
  const from = vehicles.availableFrom ?? 0
  const until = vehicles.availableUntil ?? Infinity
  if (!Number.isFinite(from) || Number.isNaN(until) || until < from) {
    throw new RangeError("vehicles.availableFrom/availableUntil must satisfy from <= until")
  }

  // Where each point lives: coordinates or a matrix row.
  let matrix: ArrayLike<ArrayLike<number>> | null = null
  let detour = DEFAULT_DETOUR_FACTOR
  if (distance.kind === "matrix") {
    matrix = distance.matrix
    const m = matrix.length
    for (let r = 0; r < m; r++) {
      if (!matrix[r] || matrix[r].length !== m) throw new RangeError(`distance.matrix must be square (row ${r})`)
    }
  } else {
    detour = distance.detourFactor ?? DEFAULT_DETOUR_FACTOR
    if (!(detour >= 1)) throw new RangeError(`distance.detourFactor must be >= 1, got ${detour}`)
  }
  const validPoint = (p: { location?: { lat: number; lng: number }; index?: number }): boolean =>
    matrix
      ? Number.isInteger(p.index) && (p.index as number) >= 0 && (p.index as number) < matrix.length
      : !!p.location && isValidLatitude(p.location.lat) && isValidLongitude(p.location.lng)
  if (!validPoint(depot)) {
    throw new RangeError(matrix ? "depot.index must be a row of distance.matrix" : "depot.location must be valid coordinates")
  }
  const rawDist = (a: RoutingProblem["depot"] | RoutingProblem["stops"][number], b: typeof a): number =>
    matrix ? Number(matrix[a.index as number][b.index as number]) : detour * haversineKm(a.location!, b.location!)

  const minutesPerKm = 60 / speed
  const timed =
    Number.isFinite(maxDuration) ||
    Number.isFinite(until) ||
    stops.some((s) => s.windows !== undefined && s.windows.length > 0)

  const rejected: Rejected[] = []
  const reject = (stop: number, reason: UnassignedReason, detail: string) => rejected.push({ stop, reason, detail })

  // Visits before the matrix: [stop index, part, units, volume].
  const visits: Array<[number, number, number, number]> = []
  const seen = new Set<string>()
  stops.forEach((s, i) => {
    if (typeof s.id !== "string" || !s.id) throw new RangeError(`stops[${i}].id is required`)
    if (seen.has(s.id)) throw new RangeError(`stops[${i}].id "${s.id}" is repeated`)
    seen.add(s.id)
    const units = s.units
    const volume = s.volume ?? 0
    if (!(units >= 0) || !Number.isFinite(units)) throw new RangeError(`stops[${i}].units must be a number >= 0`)
    if (!(volume >= 0) || !Number.isFinite(volume)) throw new RangeError(`stops[${i}].volume must be a number >= 0`)
    if (!validPoint(s)) {
      reject(i, "invalid_location", matrix ? `index ${s.index} is not a row of the matrix` : "no valid coordinates")
      return
    }
    if (s.windows !== undefined && mergeWindows(s.windows).length === 0) {
      reject(i, "closed", "no receiving window on the delivery day")
      return
    }
    const dOut = rawDist(depot, s)
    const dBack = rawDist(s, depot)
    if (!(dOut + dBack <= maxLen + EPS)) {
      reject(i, "beyond_max_route_length", `depot → stop → depot is ${round(dOut + dBack)} > maxRouteKm ${maxLen}`)
      return
    }
    if (timed) {
      // The run serving only this stop, scheduled on a two-node instance.
      const mini = {
        size: 2,
        dist: Float64Array.of(0, dOut, dBack, 0),
        minutesPerKm,
        service: Float64Array.of(0, s.serviceMinutes ?? defaultService),
        windows: [null, s.windows ? mergeWindows(s.windows) : null],
        from,
        until,
        maxDuration,
      } as unknown as Instance
      const one = Int32Array.of(1)
      if (routeDuration(mini, one, 1, Infinity) === Infinity) {
        reject(i, "window_unreachable", "no receiving window can be met from the depot within the vehicles' hours")
        return
      }
      if (routeDuration(mini, one, 1) === Infinity) {
        reject(i, "beyond_max_duration", `a run to this stop alone exceeds ${maxDuration} minutes`)
        return
      }
    }
    if (units <= capUnits + EPS && volume <= capVolume + EPS) {
      visits.push([i, 0, units, volume])
      return
    }
    const overUnits = units > capUnits + EPS
    if (!split) {
      if (overUnits) reject(i, "units_over_capacity", `${units} units > capacity ${capUnits}`)
      else reject(i, "volume_over_capacity", `volume ${volume} > capacity ${capVolume}`)
      return
    }
    // Split into parts of `piece` units (full loads), then the remainder.
    const perUnit = units > 0 ? volume / units : Infinity
    if (perUnit > capVolume + EPS) {
      reject(
        i,
        "volume_over_capacity",
        units > 0 ? `one unit's volume ${round(perUnit)} > capacity ${capVolume}` : `volume ${volume} > capacity ${capVolume} with no units to split`
      )
      return
    }
    let piece = Math.min(capUnits, perUnit > 0 ? capVolume / perUnit : Infinity)
    if (Number.isInteger(units)) piece = Math.floor(piece + EPS)
    if (!(piece > 0)) {
      reject(i, "units_over_capacity", `no whole number of units fits a vehicle (capacity ${capUnits})`)
      return
    }
    let left = units
    let part = 1
    while (left > EPS) {
      const q = Math.min(piece, left)
      visits.push([i, part++, q, Math.min(capVolume, q * perUnit)])
      left -= q
    }
  })

  const size = visits.length + 1
  const dist = new Float64Array(size * size)
  const point = (node: number) => (node === 0 ? depot : stops[visits[node - 1][0]])
  if (matrix) {
    const idx = Int32Array.from({ length: size }, (_, a) => point(a).index as number)
    for (let a = 0; a < size; a++) {
      const row = matrix[idx[a]]
      for (let b = 0; b < size; b++) {
        if (a === b) continue
        const d = +row[idx[b]]
        if (!(d >= 0) || d === Infinity) throw new RangeError(`distance.matrix[${idx[a]}][${idx[b]}] is ${row[idx[b]]}`)
        dist[a * size + b] = d
      }
    }
  } else {
    // Haversine with each point's trigonometry computed once.
    const lat = new Float64Array(size)
    const lng = new Float64Array(size)
    const cos = new Float64Array(size)
    for (let a = 0; a < size; a++) {
      const p = point(a).location!
      lat[a] = (p.lat * Math.PI) / 180
      lng[a] = (p.lng * Math.PI) / 180
      cos[a] = Math.cos(lat[a])
    }
    const k = 2 * EARTH_RADIUS_KM * detour
    for (let a = 0; a < size; a++) {
      for (let b = a + 1; b < size; b++) {
        const sLat = Math.sin((lat[b] - lat[a]) / 2)
        const sLng = Math.sin((lng[b] - lng[a]) / 2)
        const h = sLat * sLat + cos[a] * cos[b] * sLng * sLng
        const d = k * Math.asin(Math.min(1, Math.sqrt(h)))
        dist[a * size + b] = d
        dist[b * size + a] = d
      }
    }
  }
  let symmetric = true
  if (matrix) {
    outer: for (let a = 0; a < size; a++) {
      for (let b = a + 1; b < size; b++) {
        if (Math.abs(dist[a * size + b] - dist[b * size + a]) > 1e-9) {
          symmetric = false
          break outer
        }
      }
    }
  }

  const units = new Float64Array(size)
  const volume = new Float64Array(size)
  const service = new Float64Array(size)
  const windows: (Float64Array | null)[] = [null]
  const stopOf = new Int32Array(size).fill(-1)
  const partOf = new Int32Array(size)
  visits.forEach(([i, part, q, v], k) => {
    const node = k + 1
    const s = stops[i]
    units[node] = q
    volume[node] = v
    service[node] = s.serviceMinutes ?? defaultService
    windows.push(s.windows ? mergeWindows(s.windows) : null)
    stopOf[node] = i
    partOf[node] = part
  })

  const inst: Instance = {
    size,
    dist,
    symmetric,
    units,
    volume,
    service,
    windows,
    capUnits,
    capVolume,
    maxLen,
    timed,
    minutesPerKm,
    from,
    until,
    maxDuration,
    maxRoutes: Math.floor(count),
    stopOf,
    partOf,
  }

  return { inst, rejected }
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000
}

/**
 * Schedules a sequence of visits leaving the depot no earlier than `from`: arrive, wait for the
 * first window still open (the earliest feasible start is always best for what follows),
 * unload, drive on; return by `until`. Returns the run's shortest duration (departure pushed
 * as late as the windows allow without delaying the return), or Infinity when infeasible or
 * longer than `maxDuration`.
 */
export function routeDuration(inst: Instance, seq: ArrayLike<number>, len: number, maxDuration = inst.maxDuration): number {
  if (len === 0) return 0
  const { dist, size, minutesPerKm: mpk, service, windows } = inst
  let t = inst.from
  let prev = 0
  let anyWindow = false
  for (let k = 0; k < len; k++) {
    const node = seq[k]
    t += dist[prev * size + node] * mpk
    const w = windows[node]
    if (w) {
      anyWindow = true
      let found = false
      for (let j = 0; j < w.length; j += 2) {
        if (w[j + 1] + EPS >= t) {
          if (w[j] > t) t = w[j]
          found = true
          break
        }
      }
      if (!found) return Infinity
    }
    t += service[node]
    prev = node
  }
  t += dist[prev * size] * mpk
  if (t > inst.until + EPS) return Infinity
  if (!anyWindow) return t - inst.from <= maxDuration + EPS ? t - inst.from : Infinity
  const depart = latestDeparture(inst, seq, len, t)
  const duration = t - depart
  return duration <= maxDuration + EPS ? duration : Infinity
}

/** The latest departure that still returns at `ret` (the backward pass of the schedule). */
export function latestDeparture(inst: Instance, seq: ArrayLike<number>, len: number, ret: number): number {
  const { dist, size, minutesPerKm: mpk, service, windows } = inst
  let latest = ret
  let next = 0
  for (let k = len - 1; k >= 0; k--) {
    const node = seq[k]
    let s = latest - dist[node * size + next] * mpk - service[node]
    const w = windows[node]
    if (w) {
      for (let j = w.length - 2; j >= 0; j -= 2) {
        if (w[j] <= s + EPS) {
          if (s > w[j + 1]) s = w[j + 1]
          break
        }
      }
    }
    latest = s
    next = node
  }
  return Math.max(inst.from, latest - dist[next] * mpk)
}
