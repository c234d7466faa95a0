import { toRadians } from "./coordinates"
import type { LatLng } from "./types"

/** IUGG mean Earth radius (R1); the spherical model is within ~0.5 % of the ellipsoid. */
export const EARTH_RADIUS_KM = 6371.0088

/**
 * Great-circle distance in km. Inputs are not validated because this runs in tight
 * loops over many shops; validate coordinates where they enter the system.
 */
export function haversineKm(a: LatLng, b: LatLng): number {
  const dLat = toRadians(b.lat - a.lat)
  const dLng = toRadians(b.lng - a.lng)
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2
  // Rounding can push h a hair above 1 for antipodal points, and asin(>1) is NaN.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)))
}
