import { isValidTimeZone } from "../opening-hours"

/** Each parser takes a trimmed, non-blank cell and returns the value or an error message. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string }

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value })
const fail = (message: string): CellResult<never> => ({ ok: false, message })

// Codes end up in URLs, file names and POS receipts; the same rule as the admin API's,
// so a row that imports could also have been created by hand.
const CODE = /^[A-Za-z0-9_-]{1,32}$/

export function parseCode(cell: string): CellResult<string> {
  return CODE.test(cell) ? ok(cell) : fail("must be 1–32 letters, digits, '-' or '_'")
}

export function parseText(maxLength: number) {
  return (cell: string): CellResult<string> =>
    [...cell].length <= maxLength ? ok(cell) : fail(`must be at most ${maxLength} characters`)
}

export function parseEnum<T extends string>(allowed: readonly T[]) {
  return (cell: string): CellResult<T> => {
    const lower = cell.toLowerCase()
    return (allowed as readonly string[]).includes(lower) ? ok(lower as T) : fail(`must be one of ${allowed.join(", ")}`)
  }
}

// Plain decimals only: "1e2", "0x10", "25,04" or "25.04°" are typos in a coordinate column.
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/

export function parseDecimalInRange(min: number, max: number) {
  return (cell: string): CellResult<number> => {
    if (!DECIMAL.test(cell)) return fail("must be a decimal number like 25.0389")
    const value = Number(cell)
    return value >= min && value <= max ? ok(value) : fail(`must be between ${min} and ${max}`)
  }
}

export function parseWholeNumberUpTo(max: number) {
  return (cell: string): CellResult<number> => {
    if (!/^\+?\d+$/.test(cell)) return fail("must be a whole number ≥ 0")
    const value = Number(cell)
    return value <= max ? ok(value) : fail(`must be at most ${max}`)
  }
}

export function parseTimeZone(cell: string): CellResult<string> {
  return isValidTimeZone(cell) ? ok(cell) : fail("must be an IANA time zone such as Asia/Shanghai")
}

const PHONE = /^\+?[\d\s()-]{3,40}$/

export function parsePhone(cell: string): CellResult<string> {
  const digits = cell.replace(/\D/g, "").length
  return PHONE.test(cell) && digits >= 3 ? ok(cell) : fail("must be a phone number: digits with optional + ( ) - and spaces")
}
