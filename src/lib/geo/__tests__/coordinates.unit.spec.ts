import { isValidLatitude, isValidLongitude } from ".."

describe("coordinate validation", () => {
  it("accepts latitudes in [-90, 90] only", () => {
    for (const ok of [-90, -45.5, 0, 25.0389, 90]) expect(isValidLatitude(ok)).toBe(true)
    for (const bad of [-90.0001, 90.0001, 102.7, NaN, Infinity, "25", null, undefined]) {
      expect(isValidLatitude(bad)).toBe(false)
    }
  })

  it("accepts longitudes in [-180, 180] only", () => {
    for (const ok of [-180, -0.1246, 0, 102.7183, 180]) expect(isValidLongitude(ok)).toBe(true)
    for (const bad of [-180.0001, 180.0001, NaN, -Infinity, "102.7", null]) {
      expect(isValidLongitude(bad)).toBe(false)
    }
  })
})
