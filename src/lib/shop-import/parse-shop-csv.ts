import { CsvError, parse } from "csv-parse/sync"
import { DEFAULT_TIME_ZONE, type ValidationIssue, type ValidationResult } from "../opening-hours"
import {
  parseCode,
  parseDecimalInRange,
  parseEnum,
  parsePhone,
  parseText,
  parseTimeZone,
  parseWholeNumberUpTo,
  type CellResult,
} from "./cell-parsers"
import { parseClosuresText } from "./closures-text"
import { isShopCsvColumn, REQUIRED_SHOP_CSV_COLUMNS, SHOP_CSV_COLUMNS, type ShopCsvColumn } from "./columns"
import { parseOpeningHoursText } from "./opening-hours-text"
import { SHOP_KINDS, SHOP_STATUSES, type ShopImportError, type ShopImportResult, type ShopImportRow } from "./types"

const INVALID = Symbol("invalid")
type Cell<T> = T | null | typeof INVALID

// A row is only assembled when it recorded no error, so these never throw in practice;
// they turn "checked" into a type the compiler can see.
function valid<T>(cell: Cell<T>): T | null {
  if (cell === INVALID) throw new Error("unreachable: invalid cell in a row without errors")
  return cell
}

function present<T>(cell: Cell<T>): T {
  const value = valid(cell)
  if (value === null) throw new Error("unreachable: blank required cell in a row without errors")
  return value
}

function readRecords(text: string): string[][] | ShopImportError {
  try {
    // Blank lines are kept as records so row numbers match the spreadsheet (row N = line N + 1).
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false })
  } catch (err) {
    if (err instanceof CsvError) {
      // `records` counts the header, so it is also the 1-based data row that failed.
      const records = typeof err.records === "number" ? err.records : 0
      return { row: records, field: "file", message: `not valid CSV: ${err.message}` }
    }
    throw err
  }
}

function readHeader(header: string[]): Map<ShopCsvColumn, number> | ShopImportError[] {
  const errors: ShopImportError[] = []
  const indexOf = new Map<ShopCsvColumn, number>()
  header.forEach((raw, index) => {
    const name = raw.trim().toLowerCase()
    if (!isShopCsvColumn(name)) {
      errors.push({ row: 0, field: "header", message: `unknown column "${raw.trim()}"; the columns are ${SHOP_CSV_COLUMNS.join(",")}` })
    } else if (indexOf.has(name)) {
      errors.push({ row: 0, field: "header", message: `column "${name}" appears twice` })
    } else {
      indexOf.set(name, index)
    }
  })
  for (const column of REQUIRED_SHOP_CSV_COLUMNS) {
    if (!indexOf.has(column)) errors.push({ row: 0, field: "header", message: `missing required column "${column}"` })
  }
  return errors.length > 0 ? errors : indexOf
}

function issueMessage(issue: ValidationIssue, field: string): string {
  return issue.path === field ? issue.message : `${issue.path}: ${issue.message}`
}

/**
 * Parses and checks a shop import CSV (format in ./columns.ts). The import is all or
 * nothing: `rows` holds the rows that passed, for previews, but nothing may be written
 * unless `errors` is empty. Checks that need the database (territory codes exist, codes
 * not yet taken) are the caller's, which can report them with `row`.
 */
export function parseShopCsv(text: string): ShopImportResult {
  const records = readRecords(text)
  if (!Array.isArray(records)) return { rows: [], errors: [records] }
  const [header, ...data] = records
  if (!header || header.every((cell) => cell.trim() === "")) {
    return { rows: [], errors: [{ row: 0, field: "file", message: "is empty; the first line must name the columns" }] }
  }
  const columns = readHeader(header)
  if (Array.isArray(columns)) return { rows: [], errors: columns }

  const rows: ShopImportRow[] = []
  const errors: ShopImportError[] = []
  const firstRowByCode = new Map<string, number>()
  let dataRows = 0

  data.forEach((record, index) => {
    const row = index + 1
    if (record.every((cell) => cell.trim() === "")) return
    dataRows++
    if (record.length !== header.length) {
      errors.push({ row, field: "row", message: `has ${record.length} cells but the header has ${header.length}` })
      return
    }
    const errorsBefore = errors.length

    const cellOf = (field: ShopCsvColumn): string => {
      const i = columns.get(field)
      return i === undefined ? "" : (record[i] ?? "").trim()
    }
    const read = <T>(field: ShopCsvColumn, parseCell: (cell: string) => CellResult<T>, required = false): Cell<T> => {
      const cell = cellOf(field)
      if (cell === "") {
        if (!required) return null
        errors.push({ row, field, message: "is required" })
        return INVALID
      }
      const result = parseCell(cell)
      if (result.ok) return result.value
      errors.push({ row, field, message: result.message })
      return INVALID
    }
    const readStructured = <T>(field: ShopCsvColumn, parseCell: (cell: string, path: string) => ValidationResult<T>): Cell<T> => {
      const cell = cellOf(field)
      if (cell === "") return null
      const result = parseCell(cell, field)
      if (result.ok) return result.value
      for (const issue of result.errors) errors.push({ row, field, message: issueMessage(issue, field) })
      return INVALID
    }

    const code = read("code", parseCode, true)
    const name = read("name", parseText(200), true)
    const kind = read("kind", parseEnum(SHOP_KINDS), true)
    const status = read("status", parseEnum(SHOP_STATUSES), true)
    const latitude = read("latitude", parseDecimalInRange(-90, 90), true)
    const longitude = read("longitude", parseDecimalInRange(-180, 180), true)
    const address = read("address", parseText(500))
    const city = read("city", parseText(100), true)
    const province = read("province", parseText(100))
    const territoryCode = read("territory_code", parseCode)
    const floorArea = read("floor_area_m2", parseWholeNumberUpTo(1_000_000))
    const staffCount = read("staff_count", parseWholeNumberUpTo(100_000))
    const timezone = read("timezone", parseTimeZone)
    const phone = read("phone", parsePhone)
    const openingHours = readStructured("opening_hours", parseOpeningHoursText)
    const closures = readStructured("closures", parseClosuresText)

    if (typeof code === "string") {
      // Codes differing only in case would be the same shop to anyone reading a report.
      const key = code.toLowerCase()
      const first = firstRowByCode.get(key)
      if (first !== undefined) {
        errors.push({ row, field: "code", message: `duplicate code "${code}" (first in row ${first})` })
      } else {
        firstRowByCode.set(key, row)
      }
    }

    if (errors.length > errorsBefore) return
    rows.push({
      row,
      code: present(code),
      name: present(name),
      kind: present(kind),
      status: present(status),
      latitude: present(latitude),
      longitude: present(longitude),
      address: valid(address),
      city: present(city),
      province: valid(province),
      territory_code: valid(territoryCode),
      floor_area_m2: valid(floorArea),
      staff_count: valid(staffCount),
      timezone: valid(timezone) ?? DEFAULT_TIME_ZONE,
      phone: valid(phone),
      opening_hours: valid(openingHours),
      closures: valid(closures) ?? [],
    })
  })

  if (dataRows === 0) {
    errors.push({ row: 0, field: "file", message: "has no data rows below the header" })
  }
  return { rows, errors }
}
