import { EARTH_RADIUS_KM, haversineKm, type LatLng } from ".."
import { mulberry32, randomBetween } from "../../random"

const KUNMING: LatLng = { lat: 25.0389, lng: 102.7183 }
const BEIJING: LatLng = { lat: 39.9042, lng: 116.4074 }

// The spherical law of cosines: a different formula for the same great-circle distance,
// accurate at these (non-tiny) separations, so it checks haversineKm independently.
function lawOfCosinesKm(a: LatLng, b: LatLng): number {
  const rad = (d: number) => (d * Math.PI) / 180
  const cosAngle =
    Math.sin(rad(a.lat)) * Math.sin(rad(b.lat)) +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.cos(rad(b.lng - a.lng))
  return EARTH_RADIUS_KM * Math.acos(Math.min(1, Math.max(-1, cosAngle)))
}

describe("haversineKm", () => {
  it("puts Kunming about 2,090 km from Beijing", () => {
    const d = haversineKm(KUNMING, BEIJING)
    expect(d).toBeGreaterThan(2050)
    expect(d).toBeLessThan(2150)
    expect(d).toBeCloseTo(lawOfCosinesKm(KUNMING, BEIJING), 6)
    expect(d).toBeCloseTo(2087.706, 2)
  })

  it("matches a published example: Big Ben to the Statue of Liberty ≈ 5,574.8 km", () => {
    const d = haversineKm({ lat: 51.5007, lng: -0.1246 }, { lat: 40.6892, lng: -74.0445 })
    expect(d).toBeCloseTo(5574.8, 0)
  })

  it("measures Kunming to Dali (a regional transfer) at about 266 km", () => {
    const d = haversineKm({ lat: 25.0407, lng: 102.7103 }, { lat: 25.6953, lng: 100.1629 })
    expect(d).toBeCloseTo(266.088, 2)
  })

  it("is zero from a point to itself, and half the circumference to the antipode", () => {
    expect(haversineKm(KUNMING, KUNMING)).toBe(0)
    expect(haversineKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6)
    expect(haversineKm({ lat: 90, lng: 0 }, { lat: -90, lng: 0 })).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6)
  })

  it("takes the short way across the antimeridian", () => {
    // 1° of longitude on the equator, not 359°.
    expect(haversineKm({ lat: 0, lng: 179.5 }, { lat: 0, lng: -179.5 })).toBeCloseTo(
      (Math.PI / 180) * EARTH_RADIUS_KM,
      6
    )
  })

  it("is symmetric, non-negative and agrees with the law of cosines on random pairs", () => {
    const random = mulberry32(20260329)
    for (let i = 0; i < 2000; i++) {
      const a = { lat: randomBetween(random, -90, 90), lng: randomBetween(random, -180, 180) }
      const b = { lat: randomBetween(random, -90, 90), lng: randomBetween(random, -180, 180) }
      const ab = haversineKm(a, b)
      expect(ab).toBeGreaterThanOrEqual(0)
      expect(ab).toBeLessThanOrEqual(Math.PI * EARTH_RADIUS_KM + 1e-9)
      expect(haversineKm(b, a)).toBeCloseTo(ab, 9)
      // acos loses precision near 0 and π, so compare with an absolute tolerance.
      expect(Math.abs(ab - lawOfCosinesKm(a, b))).toBeLessThan(1e-3)
    }
  })

  it("satisfies the triangle inequality", () => {
    const random = mulberry32(99)
    for (let i = 0; i < 1000; i++) {
      const p = () => ({ lat: randomBetween(random, -90, 90), lng: randomBetween(random, -180, 180) })
      const [a, b, c] = [p(), p(), p()]
      expect(haversineKm(a, c)).toBeLessThanOrEqual(haversineKm(a, b) + haversineKm(b, c) + 1e-9)
    }
  })
})
