import { flowsOf, flowWidth, insetSegment, parseUnits, savingPercent } from "../planner-format"
import type { PlanLine } from "../planner-types"

const line = (from: string, to: string, quantity: number, cost: number): PlanLine => ({
  from,
  to,
  variant: "v",
  quantity,
  cost,
  unit_cost: cost / quantity,
  breakdown: { handling: 0, distance_km: 0, distance_cost: cost },
  next_best: null,
})

describe("planner format", () => {
  it("saving is the share of the baseline the plan does not spend", () => {
    expect(savingPercent(80, 100)).toBeCloseTo(20)
    expect(savingPercent(100, 100)).toBe(0)
    expect(savingPercent(5, 0)).toBeNull()
    expect(savingPercent(5, null)).toBeNull()
  })

  it("merges lines per source and destination, largest flow first", () => {
    const flows = flowsOf([line("a", "b", 2, 10), line("c", "b", 9, 5), line("a", "b", 3, 6)])
    expect(flows).toEqual([
      { from: "c", to: "b", quantity: 9, cost: 5, lines: 1 },
      { from: "a", to: "b", quantity: 5, cost: 16, lines: 2 },
    ])
  })

  it("widths grow with the square root of units up to 7 px", () => {
    expect(flowWidth(100, 100)).toBeCloseTo(7)
    expect(flowWidth(25, 100)).toBeCloseTo(1.5 + 5.5 * 0.5)
    expect(flowWidth(0, 100)).toBe(1.5)
    expect(flowWidth(3, 0)).toBe(1.5)
  })

  it("shortens a segment at both ends and drops one too short to show", () => {
    expect(insetSegment({ x: 0, y: 0 }, { x: 10, y: 0 }, 2)).toEqual({ x1: 2, y1: 0, x2: 8, y2: 0 })
    expect(insetSegment({ x: 0, y: 0 }, { x: 3, y: 0 }, 2)).toBeNull()
  })

  it("reads whole units of at least one", () => {
    expect(parseUnits(" 12 ")).toBe(12)
    expect(parseUnits("0")).toBeNull()
    expect(parseUnits("1.5")).toBeNull()
    expect(parseUnits("")).toBeNull()
  })
})
