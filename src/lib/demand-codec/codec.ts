import { ByteReader, ByteWriter } from "./varint"

/**
 * One series' daily demand (one variant at one stock location), kept sparse: shop × SKU demand
 * is intermittent, so most days carry nothing and are not stored at all.
 *
 * Days are integers: days since 1970-01-01 of the shop's local business date (the same day
 * numbers as `parseCalendarDate` in src/lib/opening-hours).
 */
export interface DemandDay {
  day: number
  /** Units sold that day, net of cancellations (may dip below 0 only transiently). */
  sold: number
  /** Units returned that day. */
  returned: number
}

/** Consecutive flagged days [start, start + length). */
export interface DayRun {
  start: number
  length: number
}

export interface DemandSeriesData {
  /** Days with any sold or returned units, ascending, no zero days. */
  days: DemandDay[]
  /** Days the item was out of stock (censored demand): ascending, merged, non-adjacent runs. */
  stockout: DayRun[]
  /** Days the item was on promotion: ascending, merged, non-adjacent runs. */
  promotion: DayRun[]
}

/** A change to one day. Flags only ever set (true); undefined or false leaves the flag as it is. */
export interface DemandDelta {
  day: number
  sold?: number
  returned?: number
  stockout?: boolean
  promotion?: boolean
}

export const FORMAT_VERSION = 1

export const emptySeries = (): DemandSeriesData => ({ days: [], stockout: [], promotion: [] })

function assertDay(day: number, what: string) {
  if (!Number.isSafeInteger(day)) throw new RangeError(`${what}: day ${day} is not an integer`)
}

function writeRuns(w: ByteWriter, runs: DayRun[]) {
  w.uvarint(runs.length)
  let prevEnd = 0
  runs.forEach((run, i) => {
    if (i === 0) w.svarint(run.start)
    else w.uvarint(run.start - prevEnd - 1)
    w.uvarint(run.length - 1)
    prevEnd = run.start + run.length
  })
}

function readRuns(r: ByteReader): DayRun[] {
  const n = r.uvarint()
  const runs: DayRun[] = new Array(n)
  let prevEnd = 0
  for (let i = 0; i < n; i++) {
    const start = i === 0 ? r.svarint() : prevEnd + 1 + r.uvarint()
    const length = r.uvarint() + 1
    runs[i] = { start, length }
    prevEnd = start + length
  }
  return runs
}

/**
 * Binary layout (all integers LEB128 varints, signed ones zigzag):
 *
 *   version byte (1)
 *   n = number of days with units
 *   per day: day (first: absolute, signed; then gap − 1 after the previous day),
 *            zigzag(sold) · 2 + (returned ≠ 0), [zigzag(returned) when that bit is set]
 *   stock-out runs:  count, per run: start (first: absolute, signed; then gap − 1), length − 1
 *   promotion runs:  same
 *
 * A sale of 1–31 units on a day ≤ 128 days after the previous one costs 2 bytes.
 */
export function encodeDemandBytes(data: DemandSeriesData): Uint8Array {
  const w = new ByteWriter()
  w.byte(FORMAT_VERSION)
  w.uvarint(data.days.length)
  let prev = 0
  data.days.forEach((d, i) => {
    if (i === 0) w.svarint(d.day)
    else {
      if (d.day <= prev) throw new RangeError(`encode: days must ascend (${d.day} after ${prev})`)
      w.uvarint(d.day - prev - 1)
    }
    const zzSold = d.sold < 0 ? -2 * d.sold - 1 : 2 * d.sold
    w.uvarint(zzSold * 2 + (d.returned !== 0 ? 1 : 0))
    if (d.returned !== 0) w.svarint(d.returned)
    prev = d.day
  })
  writeRuns(w, data.stockout)
  writeRuns(w, data.promotion)
  return w.bytes()
}

export function decodeDemandBytes(bytes: Uint8Array): DemandSeriesData {
  const r = new ByteReader(bytes)
  const version = r.byte()
  if (version !== FORMAT_VERSION) throw new RangeError(`decode: unknown demand format version ${version}`)
  const n = r.uvarint()
  const days: DemandDay[] = new Array(n)
  let prev = 0
  for (let i = 0; i < n; i++) {
    const day = i === 0 ? r.svarint() : prev + 1 + r.uvarint()
    const head = r.uvarint()
    const zzSold = Math.floor(head / 2)
    const sold = zzSold % 2 === 1 ? -(zzSold + 1) / 2 : zzSold / 2
    const returned = head % 2 === 1 ? r.svarint() : 0
    days[i] = { day, sold, returned }
    prev = day
  }
  const stockout = readRuns(r)
  const promotion = readRuns(r)
  if (!r.done) throw new RangeError("decode: trailing bytes after the demand series")
  return { days, stockout, promotion }
}

/** Base64 text, because Medusa's data-model language has no bytea column. */
export const encodeDemand = (data: DemandSeriesData): string =>
  Buffer.from(encodeDemandBytes(data)).toString("base64")

export const decodeDemand = (text: string | null | undefined): DemandSeriesData =>
  text ? decodeDemandBytes(new Uint8Array(Buffer.from(text, "base64"))) : emptySeries()

function runsToDays(runs: DayRun[], into: Set<number>) {
  for (const run of runs) for (let d = run.start; d < run.start + run.length; d++) into.add(d)
}

function daysToRuns(days: Set<number>): DayRun[] {
  const sorted = [...days].sort((a, b) => a - b)
  const runs: DayRun[] = []
  for (const day of sorted) {
    const last = runs[runs.length - 1]
    if (last && last.start + last.length === day) last.length++
    else runs.push({ start: day, length: 1 })
  }
  return runs
}

/**
 * Applies changes to days and returns the new series (the input is not modified). Unit changes
 * add up and flags only set, so any order of the same deltas gives the same series.
 */
export function applyDeltas(data: DemandSeriesData, deltas: DemandDelta[]): DemandSeriesData {
  const units = new Map<number, DemandDay>()
  for (const d of data.days) units.set(d.day, { ...d })
  let stockout: Set<number> | null = null
  let promotion: Set<number> | null = null
  for (const delta of deltas) {
    assertDay(delta.day, "applyDeltas")
    const sold = delta.sold ?? 0
    const returned = delta.returned ?? 0
    if (!Number.isSafeInteger(sold) || !Number.isSafeInteger(returned)) {
      throw new RangeError(`applyDeltas: units must be integers (sold ${sold}, returned ${returned})`)
    }
    if (sold !== 0 || returned !== 0) {
      const day = units.get(delta.day) ?? { day: delta.day, sold: 0, returned: 0 }
      day.sold += sold
      day.returned += returned
      units.set(delta.day, day)
    }
    if (delta.stockout) {
      if (!stockout) runsToDays(data.stockout, (stockout = new Set()))
      stockout.add(delta.day)
    }
    if (delta.promotion) {
      if (!promotion) runsToDays(data.promotion, (promotion = new Set()))
      promotion.add(delta.day)
    }
  }
  return {
    days: [...units.values()].filter((d) => d.sold !== 0 || d.returned !== 0).sort((a, b) => a.day - b.day),
    stockout: stockout ? daysToRuns(stockout) : data.stockout.map((r) => ({ ...r })),
    promotion: promotion ? daysToRuns(promotion) : data.promotion.map((r) => ({ ...r })),
  }
}

/** decode → apply → encode, for the write path. */
export const applyDeltasEncoded = (text: string | null | undefined, deltas: DemandDelta[]): string =>
  encodeDemand(applyDeltas(decodeDemand(text), deltas))

/** Dense arrays over [from, to] (inclusive), what the forecaster consumes. Days outside history are 0. */
export interface DailyArrays {
  /** Day number of index 0. */
  from: number
  sold: Int32Array
  returned: Int32Array
  /** sold − returned, as the forecaster's `demand`. */
  net: Float64Array
  /** 1 where the item was out of stock (censored). */
  stockout: Uint8Array
  /** 1 where the item was on promotion. */
  promotion: Uint8Array
}

export function toDailyArrays(data: DemandSeriesData, from: number, to: number): DailyArrays {
  assertDay(from, "toDailyArrays")
  assertDay(to, "toDailyArrays")
  const n = Math.max(0, to - from + 1)
  const out: DailyArrays = {
    from,
    sold: new Int32Array(n),
    returned: new Int32Array(n),
    net: new Float64Array(n),
    stockout: new Uint8Array(n),
    promotion: new Uint8Array(n),
  }
  for (const d of data.days) {
    const i = d.day - from
    if (i < 0 || i >= n) continue
    out.sold[i] = d.sold
    out.returned[i] = d.returned
    out.net[i] = d.sold - d.returned
  }
  const fill = (runs: DayRun[], into: Uint8Array) => {
    for (const run of runs) {
      const lo = Math.max(run.start - from, 0)
      const hi = Math.min(run.start + run.length - from, n)
      for (let i = lo; i < hi; i++) into[i] = 1
    }
  }
  fill(data.stockout, out.stockout)
  fill(data.promotion, out.promotion)
  return out
}

export interface DemandSummary {
  /** First day with any data (units or flags), or null for an empty series. */
  originDay: number | null
  firstSaleDay: number | null
  lastSaleDay: number | null
  totalSold: number
  totalReturned: number
  /** Days with sold > 0. */
  saleDays: number
}

export function summarize(data: DemandSeriesData): DemandSummary {
  let firstSaleDay: number | null = null
  let lastSaleDay: number | null = null
  let totalSold = 0
  let totalReturned = 0
  let saleDays = 0
  for (const d of data.days) {
    totalSold += d.sold
    totalReturned += d.returned
    if (d.sold > 0) {
      saleDays++
      if (firstSaleDay === null) firstSaleDay = d.day
      lastSaleDay = d.day
    }
  }
  const starts = [data.days[0]?.day, data.stockout[0]?.start, data.promotion[0]?.start].filter(
    (d): d is number => d !== undefined
  )
  return {
    originDay: starts.length ? Math.min(...starts) : null,
    firstSaleDay,
    lastSaleDay,
    totalSold,
    totalReturned,
    saleDays,
  }
}

/** Units sold over [from, to] inclusive, e.g. the last 28 days before a given day. */
export function soldBetween(data: DemandSeriesData, from: number, to: number): number {
  let total = 0
  for (const d of data.days) if (d.day >= from && d.day <= to) total += d.sold
  return total
}
