/** A point on the Earth in decimal degrees (WGS 84, as a phone or map reports it). */
export interface LatLng {
  lat: number
  lng: number
}

/** Degree ranges for a SQL pre-filter: `lat BETWEEN minLat AND maxLat AND lng BETWEEN minLng AND maxLng`. */
export interface BoundingBox {
  minLat: number
  maxLat: number
  minLng: number
  maxLng: number
}
