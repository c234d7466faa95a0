import type { LatLng } from "../geo"

/**
 * A receiving window on the delivery day, in minutes since local midnight of that day
 * (09:30 = 570). A run must *arrive* within one of a stop's windows; arriving early means
 * waiting for the window to open; unloading (the service time) may run past its end.
 */
export interface TimeWindow {
  start: number
  end: number
}

/** One destination to visit: usually all of a day's transfers to one shop, merged. */
export interface RoutingStop {
  /** Caller's id (a shop id, a transfer id); echoed back in runs and unassigned. */
  id: string
  /** Units to deliver (integers in Mendian, any number ≥ 0 accepted). */
  units: number
  /** Volume to deliver, in the unit of `vehicles.capacityVolume` (m³ usually). Default 0. */
  volume?: number
  /** Coordinates, when distances come from haversine × detour factor. */
  location?: LatLng
  /** Row/column of this stop in a supplied distance matrix (the depot's is `depot.index`). */
  index?: number
  /**
   * Receiving windows for the day. Omitted: any time. `[]`: closed that day (the stop is
   * returned as unassigned with reason `closed`). Overlapping windows are merged.
   */
  windows?: TimeWindow[]
  /** Unloading time at this stop in minutes; default `vehicles.serviceMinutes`. */
  serviceMinutes?: number
  /**
   * How many transfers this stop stands for, for the "one trip per transfer" baseline
   * (each one a separate depot → stop → depot trip). Default 1.
   */
  transfers?: number
}

export interface RoutingDepot {
  id: string
  location?: LatLng
  index?: number
}

/** The depot's vehicles: one vehicle type, `count` of them, each making one run a day. */
export interface VehicleFleet {
  count: number
  capacityUnits: number
  /** Default: unlimited. */
  capacityVolume?: number
  /** Length of a whole run, depot to depot, in km (or the matrix's unit). Default: unlimited. */
  maxRouteKm?: number
  /**
   * Longest run from leaving the depot to coming back, in minutes, waiting and unloading
   * included. Default: unlimited. Time needs `speedKmh`.
   */
  maxDurationMinutes?: number
  /** Average speed used to turn km into minutes. Default 30 km/h. */
  speedKmh?: number
  /** Default unloading time per stop in minutes. Default 0. */
  serviceMinutes?: number
  /** Earliest departure from the depot, minutes since midnight. Default 0. */
  availableFrom?: number
  /** Latest return to the depot, minutes since midnight. Default: unlimited. */
  availableUntil?: number
}

export type DistanceSource =
  | { kind: "haversine"; detourFactor?: number }
  /** A square matrix; `matrix[a][b]` is the distance from a to b (need not be symmetric). */
  | { kind: "matrix"; matrix: ArrayLike<ArrayLike<number>> }

export interface RoutingOptions {
  /**
   * Split a stop whose units or volume exceed one vehicle into several visits (full loads
   * first, then the remainder, each routed like any stop). Default true; when false such a
   * stop is unassigned with reason `units_over_capacity` / `volume_over_capacity`.
   */
  splitOversize?: boolean
  /**
   * Ruin-and-recreate iterations after savings + local search. Default: chosen from the
   * number of stops so that 1,000 stops take about half a second. 0 turns it off.
   */
  iterations?: number
  /** Seed for the ruin-and-recreate search; the same input and seed give the same runs. */
  seed?: number
  /**
   * Optional wall-clock cap in ms on the ruin-and-recreate phase. Results stay
   * deterministic only while the iteration budget, not this cap, ends the search.
   */
  timeLimitMs?: number
  /** Nearest neighbours per stop considered by the moves. Default 30. */
  neighbours?: number
}

export interface RoutingProblem {
  depot: RoutingDepot
  stops: RoutingStop[]
  vehicles: VehicleFleet
  distance: DistanceSource
  options?: RoutingOptions
}

export type UnassignedReason =
  /** Neither coordinates nor a matrix index, or an index outside the matrix. */
  | "invalid_location"
  /** `windows: []`: the destination does not receive that day. */
  | "closed"
  /** The stop's units exceed one vehicle's capacity and `splitOversize` is off. */
  | "units_over_capacity"
  /** Its volume exceeds one vehicle (or, when splitting, one unit alone does). */
  | "volume_over_capacity"
  /** Depot → stop → depot alone is longer than the maximum run length. */
  | "beyond_max_route_length"
  /** No receiving window can be reached from the depot within the vehicles' hours. */
  | "window_unreachable"
  /** A run serving only this stop already exceeds the maximum duration. */
  | "beyond_max_duration"
  /** Feasible alone, but every vehicle's run is full (count, capacity, length or time). */
  | "no_vehicle_available"

export interface UnassignedStop {
  id: string
  units: number
  volume: number
  reason: UnassignedReason
  detail: string
}

export interface RunStop {
  id: string
  /** 1, 2, … when an oversize stop was split into several visits; absent otherwise. */
  part?: number
  units: number
  volume: number
  /** Distance from the previous stop (the depot for the first). */
  legKm: number
  /** Distance from the depot along the run to this stop. */
  cumulativeKm: number
  /** Minutes since midnight, present when the problem has time (speed, windows or duration). */
  arrival?: number
  /** Start of unloading: the arrival, or the window's opening when early. */
  serviceStart?: number
  waitMinutes?: number
  departure?: number
  /** Units still on board after this stop. */
  unitsOnBoard: number
  volumeOnBoard: number
}

export interface Run {
  /** 1-based vehicle number at the depot. */
  vehicle: number
  stops: RunStop[]
  /** Last stop → depot. */
  returnKm: number
  km: number
  units: number
  volume: number
  departure?: number
  return?: number
  durationMinutes?: number
}

export interface RoutingResult {
  depot: string
  runs: Run[]
  unassigned: UnassignedStop[]
  totals: { runs: number; stops: number; units: number; volume: number; km: number; durationMinutes?: number }
  /**
   * One trip per transfer (depot → stop → depot each) for the stops that were routed, and
   * what the runs save against it.
   */
  baseline: { trips: number; km: number; savedKm: number; savedPercent: number }
  stats: {
    ms: number
    /** Total distance after savings, after the first local search, and at the end. */
    savingsKm: number
    localSearchKm: number
    finalKm: number
    iterations: number
    /** Where the time went: distances and neighbours, savings, local search, ruin-and-recreate. */
    phaseMs: { prepare: number; savings: number; localSearch: number; ruinRecreate: number }
  }
}
