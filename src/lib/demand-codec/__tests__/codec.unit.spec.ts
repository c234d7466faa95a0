import { mulberry32, randomInt } from "../../random"
import {
  applyDeltas,
  applyDeltasEncoded,
  decodeDemand,
  emptySeries,
  encodeDemand,
  soldBetween,
  summarize,
  toDailyArrays,
  type DemandDelta,
  type DemandSeriesData,
} from ".."

const DAY0 = 20454 // 2026-01-01

/** A year of intermittent shop × SKU demand: sales on a fraction of days, few returns, some flags. */
function randomDeltas(seed: number, opts: { saleRate: number; days?: number }): DemandDelta[] {
  const random = mulberry32(seed)
  const deltas: DemandDelta[] = []
  const days = opts.days ?? 365
  for (let i = 0; i < days; i++) {
    const day = DAY0 + i
    if (random() < opts.saleRate) deltas.push({ day, sold: random() < 0.8 ? randomInt(random, 1, 3) : randomInt(random, 4, 40) })
    if (random() < opts.saleRate * 0.05) deltas.push({ day, returned: 1 })
    if (random() < 0.01) for (let k = 0; k < randomInt(random, 1, 6); k++) deltas.push({ day: day + k, stockout: true })
    if (random() < 0.005) for (let k = 0; k < 7; k++) deltas.push({ day: day + k, promotion: true })
  }
  return deltas
}

function shuffled<T>(items: T[], seed: number): T[] {
  const random = mulberry32(seed)
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

describe("demand codec", () => {
  it("round-trips random series exactly, including negative days, big numbers and both flags", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = mulberry32(seed)
      const series = applyDeltas(emptySeries(), [
        ...randomDeltas(seed, { saleRate: random() }),
        { day: -3, sold: 2 ** 31, returned: -5 },
        { day: DAY0 + 1000, sold: -1 },
      ])
      expect(decodeDemand(encodeDemand(series))).toEqual(series)
    }
    expect(decodeDemand(encodeDemand(emptySeries()))).toEqual(emptySeries())
    expect(decodeDemand(null)).toEqual(emptySeries())
  })

  it("gives the same series whatever order the same deltas arrive in, one by one or in batches", () => {
    for (let seed = 1; seed <= 50; seed++) {
      const deltas = randomDeltas(seed, { saleRate: 0.2 })
      const reference = encodeDemand(applyDeltas(emptySeries(), deltas))
      const order = shuffled(deltas, seed + 1000)
      let oneByOne = encodeDemand(emptySeries())
      for (const d of order) oneByOne = applyDeltasEncoded(oneByOne, [d])
      expect(oneByOne).toBe(reference)
      const half = Math.floor(order.length / 2)
      expect(applyDeltasEncoded(applyDeltasEncoded(null, order.slice(half)), order.slice(0, half))).toBe(reference)
    }
  })

  it("forgets a day whose sale was cancelled, so a cancelled order leaves the series as before", () => {
    const before = applyDeltas(emptySeries(), [{ day: DAY0, sold: 3 }])
    const placed = applyDeltas(before, [{ day: DAY0 + 5, sold: 2 }])
    const cancelled = applyDeltas(placed, [{ day: DAY0 + 5, sold: -2 }])
    expect(encodeDemand(cancelled)).toBe(encodeDemand(before))
    expect(summarize(cancelled).lastSaleDay).toBe(DAY0)
  })

  it("keeps an intermittent year small: well under 200 base64 characters for a typical series", () => {
    const sizes: number[] = []
    for (let seed = 1; seed <= 300; seed++) {
      sizes.push(encodeDemand(applyDeltas(emptySeries(), randomDeltas(seed, { saleRate: 0.1 }))).length)
    }
    sizes.sort((a, b) => a - b)
    const median = sizes[150]!
    expect(median).toBeLessThan(150)
    expect(sizes[sizes.length - 1]!).toBeLessThan(250)
    // A series that sells every day costs about 2 bytes a day, never a row per day.
    const daily = encodeDemand(applyDeltas(emptySeries(), randomDeltas(7, { saleRate: 1 })))
    expect(Buffer.from(daily, "base64").length).toBeLessThan(365 * 2.5)
  })

  it("expands a day range into dense arrays with flags and zeros outside the history", () => {
    const series = applyDeltas(emptySeries(), [
      { day: DAY0 + 1, sold: 4, returned: 1 },
      { day: DAY0 + 3, sold: 2 },
      { day: DAY0 + 2, stockout: true },
      { day: DAY0 + 3, stockout: true },
      { day: DAY0 + 5, promotion: true },
    ])
    const a = toDailyArrays(series, DAY0, DAY0 + 6)
    expect(a.from).toBe(DAY0)
    expect([...a.sold]).toEqual([0, 4, 0, 2, 0, 0, 0])
    expect([...a.returned]).toEqual([0, 1, 0, 0, 0, 0, 0])
    expect([...a.net]).toEqual([0, 3, 0, 2, 0, 0, 0])
    expect([...a.stockout]).toEqual([0, 0, 1, 1, 0, 0, 0])
    expect([...a.promotion]).toEqual([0, 0, 0, 0, 0, 1, 0])
    expect(series.stockout).toEqual([{ start: DAY0 + 2, length: 2 }])
    const tail = toDailyArrays(series, DAY0 + 3, DAY0 + 4)
    expect([...tail.sold]).toEqual([2, 0])
    expect([...tail.stockout]).toEqual([1, 0])
    expect(toDailyArrays(series, DAY0 + 2, DAY0).sold.length).toBe(0)
  })

  it("summarises totals, sale days and the window sums the policy screen shows", () => {
    const series = applyDeltas(emptySeries(), [
      { day: DAY0 - 2, stockout: true },
      { day: DAY0, sold: 1 },
      { day: DAY0 + 10, sold: 5, returned: 2 },
      { day: DAY0 + 20, returned: 1 },
    ])
    expect(summarize(series)).toEqual({
      originDay: DAY0 - 2,
      firstSaleDay: DAY0,
      lastSaleDay: DAY0 + 10,
      totalSold: 6,
      totalReturned: 3,
      saleDays: 2,
    })
    expect(soldBetween(series, DAY0 + 1, DAY0 + 28)).toBe(5)
    expect(summarize(emptySeries()).originDay).toBeNull()
  })

  it("refuses fractional units and corrupt input instead of storing nonsense", () => {
    expect(() => applyDeltas(emptySeries(), [{ day: DAY0, sold: 1.5 }])).toThrow(/integers/)
    expect(() => applyDeltas(emptySeries(), [{ day: 0.5, sold: 1 }])).toThrow(/not an integer/)
    expect(() => decodeDemand(Buffer.from([9, 0, 0, 0]).toString("base64"))).toThrow(/version/)
    const good = Buffer.from(encodeDemand(applyDeltas(emptySeries(), [{ day: DAY0, sold: 1 }])), "base64")
    expect(() => decodeDemand(good.subarray(0, good.length - 2).toString("base64"))).toThrow(/truncated/)
    expect(() => decodeDemand(Buffer.concat([good, Buffer.from([0])]).toString("base64"))).toThrow(/trailing/)
  })
})
