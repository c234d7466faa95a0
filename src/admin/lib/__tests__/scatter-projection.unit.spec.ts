import { degreeLabel, project } from "../scatter-projection"

const box = { width: 800, minHeight: 200, maxHeight: 600, padding: 20 }

describe("scatter projection of shop coordinates", () => {
  it("puts north up and east right, inside the drawing", () => {
    const kunming = { latitude: 25.04, longitude: 102.71 }
    const shanghai = { latitude: 31.23, longitude: 121.47 }
    const p = project([kunming, shanghai], box)!
    expect(p.x(shanghai.longitude)).toBeGreaterThan(p.x(kunming.longitude))
    expect(p.y(shanghai.latitude)).toBeLessThan(p.y(kunming.latitude))
    for (const pt of [kunming, shanghai]) {
      expect(p.x(pt.longitude)).toBeGreaterThanOrEqual(box.padding - 1e-9)
      expect(p.x(pt.longitude)).toBeLessThanOrEqual(box.width - box.padding + 1e-9)
      expect(p.y(pt.latitude)).toBeGreaterThanOrEqual(box.padding - 1e-9)
      expect(p.y(pt.latitude)).toBeLessThanOrEqual(p.height - box.padding + 1e-9)
    }
  })

  it("shortens a degree of longitude by cos(latitude), as on the ground", () => {
    // A square of 1° × 1° at 60°N is twice as tall as wide on the ground.
    const p = project(
      [
        { latitude: 59.5, longitude: 10 },
        { latitude: 60.5, longitude: 11 },
      ],
      box
    )!
    const w = p.x(11) - p.x(10)
    const h = p.y(59.5) - p.y(60.5)
    expect(h / w).toBeCloseTo(1 / Math.cos((60 * Math.PI) / 180), 2)
  })

  it("frames a single shop and draws nothing without coordinates", () => {
    const p = project([{ latitude: 25, longitude: 102 }], box)!
    expect(p.x(102)).toBeCloseTo(box.width / 2, 6)
    expect(p.y(25)).toBeCloseTo(p.height / 2, 6)
    expect(project([], box)).toBeNull()
    expect(project([{ latitude: NaN, longitude: 1 }], box)).toBeNull()
  })

  it("labels degree lines by hemisphere", () => {
    expect(degreeLabel(102.5, "lon")).toBe("102.5°E")
    expect(degreeLabel(-33, "lat")).toBe("33°S")
    expect(degreeLabel(25, "lat")).toBe("25°N")
  })
})
