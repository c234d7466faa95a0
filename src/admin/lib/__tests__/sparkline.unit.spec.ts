import { sparkline } from "../sparkline"

const box = { width: 100, height: 20, padding: 2 }

const coords = (path: string) =>
  [...path.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])])

describe("forecast sparkline", () => {
  it("spreads 28 days across the box, largest value at the top, zero on the floor", () => {
    const values = Array.from({ length: 28 }, (_, i) => (i === 10 ? 8 : i % 2))
    const s = sparkline(values, box)!
    const pts = coords(s.line)
    expect(pts).toHaveLength(28)
    expect(pts[0][0]).toBe(2)
    expect(pts[27][0]).toBe(98)
    expect(pts[10][1]).toBe(2) // the peak touches the top padding
    expect(pts[0][1]).toBe(18) // 0 sits on the floor
    expect(s.max).toBe(8)
    for (let i = 1; i < pts.length; i++) expect(pts[i][0]).toBeGreaterThan(pts[i - 1][0])
  })

  it("closes the area along the floor", () => {
    const s = sparkline([1, 2, 3], box)!
    expect(s.area.startsWith(s.line)).toBe(true)
    expect(s.area).toMatch(/L98 18 L2 18 Z$/)
  })

  it("draws an all-zero forecast as a flat line on the floor", () => {
    const pts = coords(sparkline([0, 0, 0], box)!.line)
    expect(pts.every(([, y]) => y === 18)).toBe(true)
  })

  it("draws a constant rate as a level line at half height, not as a full block", () => {
    const pts = coords(sparkline([0.4, 0.4, 0.4, 0.4], box)!.line)
    expect(pts.every(([, y]) => y === 10)).toBe(true)
  })

  it("treats missing and negative values as zero and draws one value as a level line", () => {
    const pts = coords(sparkline([2, null, -1, NaN, 2], box)!.line)
    expect(pts.map(([, y]) => y)).toEqual([2, 18, 18, 18, 2])
    const one = coords(sparkline([5], box)!.line)
    expect(one).toEqual([[2, 10], [98, 10]])
  })

  it("draws nothing without a forecast", () => {
    expect(sparkline(null, box)).toBeNull()
    expect(sparkline([], box)).toBeNull()
  })
})
