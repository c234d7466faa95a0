import { MIN_PART_SERIES, splitChunk, wholeLocations } from "../chunk-split"

const chunk = (...sizes: number[]) => sizes.flatMap((n, l) => Array.from({ length: n }, (_, i) => ({ location_id: `loc_${l}`, i })))
const shape = (parts: { location_id: string }[][]) => parts.map((p) => p.length)

describe("splitChunk", () => {
  it("cuts a chunk of two shops between them", () => {
    expect(shape(splitChunk(chunk(1000, 1000), 2))).toEqual([1000, 1000])
    // the boundary is off the middle but within half a part of it
    expect(shape(splitChunk(chunk(700, 1300), 2))).toEqual([700, 1300])
  })

  it("cuts at the even split when no boundary is near (one large shop)", () => {
    expect(shape(splitChunk(chunk(2000), 2))).toEqual([1000, 1000])
    expect(shape(splitChunk(chunk(100, 1900), 2))).toEqual([1000, 1000])
  })

  it("gives a small chunk to one thread whole, so its shops keep their groups", () => {
    expect(shape(splitChunk(chunk(30), 2))).toEqual([30])
    expect(shape(splitChunk(chunk(2 * MIN_PART_SERIES - 1), 2))).toEqual([2 * MIN_PART_SERIES - 1])
    expect(splitChunk([], 2)).toEqual([])
  })

  it("keeps every task once and in order, for any thread count", () => {
    const tasks = chunk(300, 50, 900, 10, 740)
    for (const threads of [1, 2, 3, 4, 7]) {
      const parts = splitChunk(tasks, threads)
      expect(parts.length).toBeLessThanOrEqual(threads)
      expect(parts.flat()).toEqual(tasks)
      expect(parts.every((p) => p.length > 0)).toBe(true)
    }
  })
})

describe("wholeLocations", () => {
  const sizes = (rows: { location_id: string }[]) => {
    const out: Record<string, number> = {}
    for (const r of rows) out[r.location_id] = (out[r.location_id] ?? 0) + 1
    return out
  }
  it("ends a chunk before a location that goes on past it", () => {
    // 2,000 a chunk over shops of 1,500: the second shop's first 500 wait for the next chunk
    expect(sizes(wholeLocations(chunk(1500, 1500).slice(0, 2001), 2000))).toEqual({ loc_0: 1500 })
  })
  it("keeps a chunk that ends exactly at a boundary, and the last chunk whole", () => {
    expect(wholeLocations(chunk(1000, 1000, 1000).slice(0, 2001), 2000)).toHaveLength(2000)
    expect(wholeLocations(chunk(700, 300), 2000)).toHaveLength(1000)
  })
  it("lets a location larger than a chunk span chunks", () => {
    expect(wholeLocations(chunk(5000).slice(0, 2001), 2000)).toHaveLength(2000)
  })
})
