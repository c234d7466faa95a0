import { boundingBox, EARTH_RADIUS_KM, haversineKm, isInBoundingBox, type LatLng } from ".."
import { mulberry32, randomBetween } from "../../random"

const KUNMING: LatLng = { lat: 25.0389, lng: 102.7183 }

// Destination point given start, bearing and distance on the sphere (the "direct" problem),
// used to place random points inside a circle.
function destination(from: LatLng, bearingRad: number, distanceKm: number): LatLng {
  const rad = (d: number) => (d * Math.PI) / 180
  const deg = (r: number) => (r * 180) / Math.PI
  const delta = distanceKm / EARTH_RADIUS_KM
  const lat1 = rad(from.lat)
  const lat2 = Math.asin(
    Math.sin(lat1) * Math.cos(delta) + Math.cos(lat1) * Math.sin(delta) * Math.cos(bearingRad)
  )
  const lng2 =
    rad(from.lng) +
    Math.atan2(
      Math.sin(bearingRad) * Math.sin(delta) * Math.cos(lat1),
      Math.cos(delta) - Math.sin(lat1) * Math.sin(lat2)
    )
  const lngNorm = ((((deg(lng2) + 180) % 360) + 360) % 360) - 180
  return { lat: deg(lat2), lng: lngNorm }
}

function expectContainsRandomPointsWithin(
  seed: number,
  centers: () => LatLng,
  radii: () => number,
  cases: number
): void {
  // Its own stream, so the points do not echo the centers drawn from the caller's seed.
  const random = mulberry32(seed ^ 0x5bd1e995)
  for (let i = 0; i < cases; i++) {
    const center = centers()
    const radiusKm = radii()
    const box = boundingBox(center, radiusKm)
    expect(box.minLat).toBeGreaterThanOrEqual(-90)
    expect(box.maxLat).toBeLessThanOrEqual(90)
    expect(box.minLng).toBeGreaterThanOrEqual(-180)
    expect(box.maxLng).toBeLessThanOrEqual(180)
    for (let j = 0; j < 20; j++) {
      // Every fifth point sits on the circle itself, where a too-tight box would fail first.
      const distance = j % 5 === 0 ? radiusKm : radiusKm * random()
      const point = destination(center, randomBetween(random, 0, 2 * Math.PI), distance)
      if (haversineKm(center, point) > radiusKm) continue
      if (!isInBoundingBox(point, box)) {
        throw new Error(
          `seed ${seed} case ${i}: ${JSON.stringify(point)} is ${haversineKm(center, point)} km from ` +
            `${JSON.stringify(center)} (radius ${radiusKm}) but outside ${JSON.stringify(box)}`
        )
      }
    }
  }
}

describe("boundingBox", () => {
  it("is a tight box around Kunming for a 10 km radius", () => {
    const box = boundingBox(KUNMING, 10)
    // 10 km is ~0.0899° of latitude everywhere, and 0.0899° / cos(25.04°) of longitude.
    expect(box.maxLat - KUNMING.lat).toBeCloseTo(0.08993, 4)
    expect(KUNMING.lat - box.minLat).toBeCloseTo(0.08993, 4)
    expect(box.maxLng - KUNMING.lng).toBeCloseTo(0.08993 / Math.cos((KUNMING.lat * Math.PI) / 180), 4)
    // The tangent points of the circle lie on the box edges.
    expect(haversineKm(KUNMING, { lat: box.maxLat, lng: KUNMING.lng })).toBeCloseTo(10, 5)
  })

  it("lets the SQL pre-filter keep shops within the radius and drop far ones", () => {
    const box = boundingBox(KUNMING, 50)
    expect(isInBoundingBox({ lat: 24.8877, lng: 102.8215 }, box)).toBe(true) // Chenggong, ~20 km
    expect(isInBoundingBox({ lat: 25.6953, lng: 100.1629 }, box)).toBe(false) // Dali, ~266 km
  })

  it("contains every random point within the radius (mid latitudes)", () => {
    const random = mulberry32(12345)
    expectContainsRandomPointsWithin(
      12345,
      () => ({ lat: randomBetween(random, -70, 70), lng: randomBetween(random, -179, 179) }),
      () => randomBetween(random, 0, 500),
      400
    )
  })

  it("contains every random point within the radius near the poles and the antimeridian", () => {
    const random = mulberry32(777)
    expectContainsRandomPointsWithin(
      777,
      () => ({
        lat: random() < 0.5 ? randomBetween(random, 80, 90) : randomBetween(random, -90, -80),
        lng: random() < 0.5 ? randomBetween(random, 175, 180) : randomBetween(random, -180, 180),
      }),
      () => randomBetween(random, 0, 2500),
      400
    )
  })

  it("clamps latitude and takes every longitude when the circle covers a pole", () => {
    const box = boundingBox({ lat: 89.5, lng: 10 }, 100)
    expect(box.maxLat).toBe(90)
    expect(box.minLng).toBe(-180)
    expect(box.maxLng).toBe(180)
    expect(box.minLat).toBeCloseTo(89.5 - 0.8993, 3)
  })

  it("widens longitude to the full range when the circle crosses the antimeridian", () => {
    const box = boundingBox({ lat: -17.7, lng: 179.9 }, 50) // Fiji
    expect(box.minLng).toBe(-180)
    expect(box.maxLng).toBe(180)
    expect(isInBoundingBox({ lat: -17.7, lng: -179.9 }, box)).toBe(true)
  })

  it("covers the whole globe for a radius of half the circumference", () => {
    expect(boundingBox(KUNMING, Math.PI * EARTH_RADIUS_KM)).toEqual({
      minLat: -90,
      maxLat: 90,
      minLng: -180,
      maxLng: 180,
    })
  })

  it("shrinks to (almost) the center for a zero radius", () => {
    const box = boundingBox(KUNMING, 0)
    expect(box.maxLat - box.minLat).toBeLessThan(1e-8)
    expect(isInBoundingBox(KUNMING, box)).toBe(true)
  })

  it("rejects a negative or non-finite radius and an invalid center", () => {
    expect(() => boundingBox(KUNMING, -1)).toThrow(RangeError)
    expect(() => boundingBox(KUNMING, NaN)).toThrow(RangeError)
    expect(() => boundingBox({ lat: 91, lng: 0 }, 1)).toThrow(RangeError)
    expect(() => boundingBox({ lat: 0, lng: 181 }, 1)).toThrow(RangeError)
  })
})
