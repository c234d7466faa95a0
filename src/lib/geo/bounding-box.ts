import { isValidLatitude, isValidLongitude, toDegrees, toRadians } from "./coordinates"
import { EARTH_RADIUS_KM } from "./haversine"
import type { BoundingBox, LatLng } from "./types"

// Widens every edge a little so a point exactly on the circle, whose haversine
// distance rounds to <= radius, is never lost to floating-point error in the box.
const EDGE_SLACK_DEG = 1e-9

const WHOLE_LONGITUDE = { minLng: -180, maxLng: 180 }

/**
 * The smallest lat/lng box holding every point within `radiusKm` of `center`
 * (J. P. Matuschek's method), for an index-friendly pre-filter before the exact
 * haversine. Two simplifications keep the SQL a plain BETWEEN on each axis:
 * - when the circle reaches a pole, every longitude is inside, so lng is the full range;
 * - when the circle crosses the antimeridian, lng is widened to the full range instead of
 *   being split in two; the filter stays correct, only less selective there (no shop of
 *   ours is near 180°).
 */
export function boundingBox(center: LatLng, radiusKm: number): BoundingBox {
  if (!isValidLatitude(center.lat) || !isValidLongitude(center.lng)) {
    throw new RangeError(`invalid center ${JSON.stringify(center)}`)
  }
  if (!Number.isFinite(radiusKm) || radiusKm < 0) {
    throw new RangeError(`radiusKm must be a finite number >= 0, got ${radiusKm}`)
  }

  const angular = radiusKm / EARTH_RADIUS_KM
  const angularDeg = toDegrees(angular)
  const minLat = center.lat - angularDeg - EDGE_SLACK_DEG
  const maxLat = center.lat + angularDeg + EDGE_SLACK_DEG

  if (angular >= Math.PI || minLat <= -90 || maxLat >= 90) {
    return { minLat: Math.max(-90, minLat), maxLat: Math.min(90, maxLat), ...WHOLE_LONGITUDE }
  }

  const deltaLng = toDegrees(Math.asin(Math.sin(angular) / Math.cos(toRadians(center.lat))))
  const minLng = center.lng - deltaLng - EDGE_SLACK_DEG
  const maxLng = center.lng + deltaLng + EDGE_SLACK_DEG
  if (minLng < -180 || maxLng > 180) {
    return { minLat, maxLat, ...WHOLE_LONGITUDE }
  }
  return { minLat, maxLat, minLng, maxLng }
}

export function isInBoundingBox(point: LatLng, box: BoundingBox): boolean {
  return (
    point.lat >= box.minLat &&
    point.lat <= box.maxLat &&
    point.lng >= box.minLng &&
    point.lng <= box.maxLng
  )
}
