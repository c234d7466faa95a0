export type {
  DistanceSource,
  Run,
  RunStop,
  RoutingDepot,
  RoutingOptions,
  RoutingProblem,
  RoutingResult,
  RoutingStop,
  TimeWindow,
  UnassignedReason,
  UnassignedStop,
  VehicleFleet,
} from "./types"
export { DEFAULT_DETOUR_FACTOR, DEFAULT_SPEED_KMH, prepare, routeDuration, type Instance } from "./instance"
export { clarkeWright, nearestNeighbours, saving } from "./savings"
export { localSearch } from "./local-search"
export { ruinAndRecreate } from "./ruin-recreate"
export { Solution } from "./solution"
export { defaultIterations, planRoutes } from "./solve"
