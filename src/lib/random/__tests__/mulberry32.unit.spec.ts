import { mulberry32, randomBetween, randomInt } from ".."

describe("mulberry32", () => {
  it("replays the same sequence for the same seed and differs for another seed", () => {
    const a = mulberry32(42)
    const b = mulberry32(42)
    const c = mulberry32(43)
    const seqA = Array.from({ length: 5 }, a)
    expect(Array.from({ length: 5 }, b)).toEqual(seqA)
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA)
  })

  it("stays in [0, 1) and spreads over the range", () => {
    const random = mulberry32(7)
    const buckets = new Array<number>(10).fill(0)
    for (let i = 0; i < 10_000; i++) {
      const x = random()
      expect(x).toBeGreaterThanOrEqual(0)
      expect(x).toBeLessThan(1)
      buckets[Math.floor(x * 10)]! += 1
    }
    for (const count of buckets) {
      expect(count).toBeGreaterThan(850)
      expect(count).toBeLessThan(1150)
    }
  })

  it("draws integers and floats within their bounds", () => {
    const random = mulberry32(1)
    const seen = new Set<number>()
    for (let i = 0; i < 1000; i++) {
      const n = randomInt(random, 3, 6)
      seen.add(n)
      const x = randomBetween(random, -2, 2)
      expect(x).toBeGreaterThanOrEqual(-2)
      expect(x).toBeLessThan(2)
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6])
  })
})
