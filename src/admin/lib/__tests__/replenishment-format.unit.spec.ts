import { formatCover, formatShare, parseLevel, parsePercentage, parseTargetPercent } from "../replenishment-format"

describe("replenishment form input", () => {
  it("accepts a whole clearance percentage from 1 to 90 only", () => {
    expect(parsePercentage("30")).toBe(30)
    expect(parsePercentage(" 1 ")).toBe(1)
    expect(parsePercentage("90")).toBe(90)
    for (const bad of ["0", "91", "100", "12.5", "-5", "", "abc", "1e1"]) expect(parsePercentage(bad)).toBeNull()
  })

  it("reads an override level: empty clears, whole units set, anything else is refused", () => {
    expect(parseLevel("")).toBeNull()
    expect(parseLevel("  ")).toBeNull()
    expect(parseLevel("0")).toBe(0)
    expect(parseLevel("120")).toBe(120)
    for (const bad of ["-1", "1.5", "ten", "1e3"]) expect(parseLevel(bad)).toBeUndefined()
  })

  it("turns a service target typed in percent into the API's share", () => {
    expect(parseTargetPercent("97.5")).toBe(0.975)
    expect(parseTargetPercent("95")).toBe(0.95)
    expect(parseTargetPercent("99,9")).toBe(0.999)
    expect(parseTargetPercent("")).toBeNull()
    for (const bad of ["0", "100", "150", "abc", "-3"]) expect(parseTargetPercent(bad)).toBeUndefined()
  })
})

describe("replenishment numbers", () => {
  it("shows cover with one decimal below 10 and whole above, nothing when unknown", () => {
    expect(formatCover(2.345, "en-US")).toBe("2.3")
    expect(formatCover(42.6, "en-US")).toBe("43")
    expect(formatCover(null, "en-US")).toBeNull()
    expect(formatCover(NaN, "en-US")).toBeNull()
  })

  it("shows a share as a percentage", () => {
    expect(formatShare(0.125, "en-US")).toBe("12.5%")
    expect(formatShare(null, "en-US")).toBe("–")
  })
})
