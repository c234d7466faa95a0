/**
 * Local geometry for placing shops around a city centre. Distances under ~20 km, so an
 * equirectangular projection around the centre is accurate to well under a metre per km;
 * the final radius check uses the great-circle distance.
 */
import { haversineKm } from "../../lib/geo"
import type { AvoidZone } from "./cities"

const KM_PER_DEG_LAT = 110.574

function kmPerDegLng(lat: number): number {
  return 111.32 * Math.cos((lat * Math.PI) / 180)
}

export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  return haversineKm(a, b)
}

/** The point `east_km` east and `north_km` north of (lat, lng). */
export function offsetKm(lat: number, lng: number, east_km: number, north_km: number): { lat: number; lng: number } {
  return { lat: lat + north_km / KM_PER_DEG_LAT, lng: lng + east_km / kmPerDegLng(lat) }
}

/** Even–odd rule on [lat, lng] rings (fine for these small, non-wrapping shapes). */
export function inPolygon(lat: number, lng: number, ring: ReadonlyArray<readonly [number, number]>): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [latI, lngI] = ring[i]
    const [latJ, lngJ] = ring[j]
    if (latI > lat !== latJ > lat && lng < ((lngJ - lngI) * (lat - latI)) / (latJ - latI) + lngI) {
      inside = !inside
    }
  }
  return inside
}

/** Distance in km from a point to a polyline of [lat, lng] points. */
export function distanceToPolylineKm(lat: number, lng: number, line: ReadonlyArray<readonly [number, number]>): number {
  const kx = kmPerDegLng(lat)
  let best = Infinity
  for (let i = 0; i + 1 < line.length; i++) {
    const ax = (line[i][1] - lng) * kx
    const ay = (line[i][0] - lat) * KM_PER_DEG_LAT
    const bx = (line[i + 1][1] - lng) * kx
    const by = (line[i + 1][0] - lat) * KM_PER_DEG_LAT
    const dx = bx - ax
    const dy = by - ay
    const len2 = dx * dx + dy * dy
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2))
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy))
  }
  return best
}

export function inAvoidZone(lat: number, lng: number, zone: AvoidZone): boolean {
  switch (zone.kind) {
    case "circle":
      return distanceKm({ lat, lng }, zone) < zone.radius_km
    case "polygon":
      return inPolygon(lat, lng, zone.points)
    case "river":
      return distanceToPolylineKm(lat, lng, zone.points) < zone.half_width_km
  }
}

/** The first keep-out zone the point falls in, or undefined. */
export function avoidZoneAt(lat: number, lng: number, zones: readonly AvoidZone[]): AvoidZone | undefined {
  return zones.find((z) => inAvoidZone(lat, lng, z))
}
