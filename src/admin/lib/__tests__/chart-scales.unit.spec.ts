import { linearScale, niceStep, niceTicks, pathThrough } from "../chart-scales"

describe("chart scales", () => {
  it("rounds a step up to 1, 2, 2.5 or 5 times a power of ten", () => {
    expect(niceStep(0.3)).toBe(0.5)
    expect(niceStep(3)).toBe(5)
    expect(niceStep(2.2)).toBe(2.5)
    expect(niceStep(7)).toBe(10)
    expect(niceStep(120)).toBe(200)
    expect(niceStep(100)).toBe(100)
    expect(niceStep(0)).toBe(1)
    expect(niceStep(NaN)).toBe(1)
  })

  it("makes an axis from 0 to a round top at or above the maximum", () => {
    expect(niceTicks(17, 4)).toEqual({ max: 20, ticks: [0, 5, 10, 15, 20] })
    expect(niceTicks(3, 4)).toEqual({ max: 3, ticks: [0, 1, 2, 3] })
    const small = niceTicks(0.9, 4)
    expect(small.max).toBeGreaterThanOrEqual(0.9)
    expect(small.ticks[0]).toBe(0)
    // Nothing sold and nothing forecast still gives a drawable axis.
    expect(niceTicks(0)).toEqual({ max: 1, ticks: [0, 1] })
  })

  it("maps a domain onto a range, reversed ranges included", () => {
    const y = linearScale([0, 10], [100, 0])
    expect(y(0)).toBe(100)
    expect(y(10)).toBe(0)
    expect(y(2.5)).toBe(75)
    expect(linearScale([5, 5], [0, 10])(5)).toBe(5)
  })

  it("writes SVG path data", () => {
    expect(pathThrough([[0, 1], [2.345, 3]])).toBe("M0 1 L2.35 3")
    expect(pathThrough([])).toBe("")
  })
})
