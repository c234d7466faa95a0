import { createRng, deriveSeed, hashString } from ".."

describe("createRng", () => {
  it("repeats the same sequence for the same seed and another for another seed", () => {
    const a = createRng(42)
    const b = createRng(42)
    const c = createRng(43)
    const xs = Array.from({ length: 20 }, () => a.next())
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(xs)
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(xs)
  })

  it("draws next() in [0, 1) and int(min, max) over the whole inclusive range", () => {
    const rng = createRng(7)
    const seen = new Set<number>()
    for (let i = 0; i < 5000; i++) {
      const x = rng.next()
      expect(x).toBeGreaterThanOrEqual(0)
      expect(x).toBeLessThan(1)
      const n = rng.int(3, 6)
      expect(Number.isInteger(n)).toBe(true)
      seen.add(n)
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6])
  })

  it("picks every element and hits chance(p) about p of the time", () => {
    const rng = createRng(11)
    const picked = new Set<string>()
    let hits = 0
    for (let i = 0; i < 10000; i++) {
      picked.add(rng.pick(["a", "b", "c"]))
      if (rng.chance(0.3)) hits++
    }
    expect([...picked].sort()).toEqual(["a", "b", "c"])
    expect(hits / 10000).toBeGreaterThan(0.28)
    expect(hits / 10000).toBeLessThan(0.32)
  })

  it("refuses to pick from an empty array", () => {
    expect(() => createRng(1).pick([])).toThrow()
  })
})

describe("seed derivation", () => {
  it("gives stable, distinct seeds for distinct labels", () => {
    expect(hashString("KM-001")).toBe(hashString("KM-001"))
    expect(hashString("KM-001")).not.toBe(hashString("KM-002"))
    expect(deriveSeed(1, "city:KM")).not.toBe(deriveSeed(2, "city:KM"))
    expect(deriveSeed(1, "city:KM")).not.toBe(deriveSeed(1, "city:SH"))
  })
})
