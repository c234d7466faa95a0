export type { BoundingBox, LatLng } from "./types"
export { isValidLatitude, isValidLongitude, toDegrees, toRadians } from "./coordinates"
export { EARTH_RADIUS_KM, haversineKm } from "./haversine"
export { boundingBox, isInBoundingBox } from "./bounding-box"
