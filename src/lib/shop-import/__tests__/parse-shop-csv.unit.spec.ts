import { readFileSync } from "node:fs"
import { join } from "node:path"
import { formatClosures, formatOpeningHours, parseShopCsv, SHOP_CSV_COLUMNS, type ShopImportError } from ".."
import { isOpenAt } from "../../opening-hours"

const HEADER = SHOP_CSV_COLUMNS.join(",")

type Cells = Partial<Record<(typeof SHOP_CSV_COLUMNS)[number], string>>

const GOOD: Required<Cells> = {
  code: "KM-001",
  name: "昆明南屏街旗舰店",
  kind: "flagship",
  status: "open",
  latitude: "25.0407",
  longitude: "102.7103",
  address: "五华区南屏街88号",
  city: "昆明市",
  province: "云南省",
  territory_code: "YN-KM",
  floor_area_m2: "1200",
  staff_count: "38",
  timezone: "Asia/Shanghai",
  phone: "0871-63188001",
  opening_hours: "mon-fri 09:00-21:30; sat-sun 09:00-22:00",
  closures: "2027-02-06:春节|2027-02-07",
}

const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)

/** A CSV whose rows are GOOD with overrides; codes default to KM-001, KM-002, … */
function csv(...rows: Cells[]): string {
  const lines = rows.map((overrides, i) => {
    const row = { ...GOOD, code: `KM-${String(i + 1).padStart(3, "0")}`, ...overrides }
    return SHOP_CSV_COLUMNS.map((c) => quote(row[c])).join(",")
  })
  return [HEADER, ...lines].join("\n") + "\n"
}

function errorsFor(...rows: Cells[]): ShopImportError[] {
  return parseShopCsv(csv(...rows)).errors
}

describe("parseShopCsv", () => {
  it("parses the documented example file without errors", () => {
    const text = readFileSync(join(__dirname, "../../../../docs/examples/shops-import.csv"), "utf8")
    const { rows, errors } = parseShopCsv(text)
    expect(errors).toEqual([])
    expect(rows.map((r) => r.code)).toEqual(["KM-001", "KM-002", "KM-WH01", "DL-001", "LJ-001"])
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5])
    const warehouse = rows.find((r) => r.kind === "warehouse")!
    expect(warehouse.timezone).toBe("Asia/Shanghai") // blank in the file
    expect(warehouse.opening_hours?.mon).toEqual([{ open: "06:00", close: "12:00" }, { open: "13:00", close: "20:00" }])
    expect(warehouse.closures).toEqual([])
    // Every shop is in Yunnan.
    for (const r of rows) {
      expect(r.latitude).toBeGreaterThan(24)
      expect(r.latitude).toBeLessThan(27.5)
      expect(r.longitude).toBeGreaterThan(99.5)
      expect(r.longitude).toBeLessThan(103.5)
    }
  })

  it("returns typed rows: numbers as numbers, blanks as null, hours and closures parsed", () => {
    const { rows, errors } = parseShopCsv(csv({}, { address: "", province: "", territory_code: "", floor_area_m2: "", staff_count: "", timezone: "", phone: "", opening_hours: "", closures: "" }))
    expect(errors).toEqual([])
    expect(rows[0]).toEqual({
      row: 1,
      code: "KM-001",
      name: "昆明南屏街旗舰店",
      kind: "flagship",
      status: "open",
      latitude: 25.0407,
      longitude: 102.7103,
      address: "五华区南屏街88号",
      city: "昆明市",
      province: "云南省",
      territory_code: "YN-KM",
      floor_area_m2: 1200,
      staff_count: 38,
      timezone: "Asia/Shanghai",
      phone: "0871-63188001",
      opening_hours: {
        mon: [{ open: "09:00", close: "21:30" }],
        tue: [{ open: "09:00", close: "21:30" }],
        wed: [{ open: "09:00", close: "21:30" }],
        thu: [{ open: "09:00", close: "21:30" }],
        fri: [{ open: "09:00", close: "21:30" }],
        sat: [{ open: "09:00", close: "22:00" }],
        sun: [{ open: "09:00", close: "22:00" }],
      },
      closures: [{ date: "2027-02-06", reason: "春节" }, { date: "2027-02-07" }],
    })
    expect(rows[1]).toMatchObject({
      row: 2,
      address: null,
      province: null,
      territory_code: null,
      floor_area_m2: null,
      staff_count: null,
      timezone: "Asia/Shanghai",
      phone: null,
      opening_hours: null,
      closures: [],
    })
  })

  it("gives hours that answer isOpenAt in the shop's zone", () => {
    const { rows } = parseShopCsv(csv({ opening_hours: "sun 22:00-02:00", timezone: "Asia/Urumqi" }))
    // Monday 01:00 in Urumqi (UTC+6) is Sunday 19:00Z.
    expect(isOpenAt(rows[0]!.opening_hours, rows[0]!.closures, rows[0]!.timezone, new Date("2026-03-29T19:00:00Z"))).toBe(true)
  })

  it("trims cells, lower-cases enums, strips an Excel BOM and reads CRLF and quoted cells", () => {
    const text = "\uFEFF" + csv({ kind: " Standard ", status: "OPEN", name: ' 翠湖店 "湖景" ', address: "五华区翠湖南路12号,2楼" }).replace(/\n/g, "\r\n")
    const { rows, errors } = parseShopCsv(text)
    expect(errors).toEqual([])
    expect(rows[0]).toMatchObject({ kind: "standard", status: "open", name: '翠湖店 "湖景"', address: "五华区翠湖南路12号,2楼" })
  })

  it("accepts columns in any order and leaves out optional ones", () => {
    const text = "name,code,longitude,latitude,status,kind,city\n大理古城店,DL-001,100.1629,25.6953,open,standard,大理市\n"
    const { rows, errors } = parseShopCsv(text)
    expect(errors).toEqual([])
    expect(rows[0]).toMatchObject({ code: "DL-001", latitude: 25.6953, longitude: 100.1629, timezone: "Asia/Shanghai", opening_hours: null, closures: [] })
  })

  describe("required fields", () => {
    it.each(["code", "name", "kind", "status", "latitude", "longitude", "city"] as const)("reports a blank %s", (field) => {
      expect(errorsFor({}, { [field]: "  " })).toEqual([{ row: 2, field, message: "is required" }])
    })
  })

  it("reports bad enums", () => {
    expect(errorsFor({ kind: "megastore" }, {}, { status: "opening" })).toEqual([
      { row: 1, field: "kind", message: "must be one of flagship, standard, mini, warehouse" },
      { row: 3, field: "status", message: "must be one of open, closed, planned" },
    ])
  })

  it("reports coordinates out of range or not plain decimals", () => {
    expect(errorsFor({ latitude: "102.7103", longitude: "25.0407" }, { latitude: "-90.5" }, { longitude: "180.01" }, { latitude: "25,04" }, { longitude: "1e2" }, { latitude: "25.04°" })).toEqual([
      { row: 1, field: "latitude", message: "must be between -90 and 90" },
      { row: 2, field: "latitude", message: "must be between -90 and 90" },
      { row: 3, field: "longitude", message: "must be between -180 and 180" },
      { row: 4, field: "latitude", message: "must be a decimal number like 25.0389" },
      { row: 5, field: "longitude", message: "must be a decimal number like 25.0389" },
      { row: 6, field: "latitude", message: "must be a decimal number like 25.0389" },
    ])
    const { rows } = parseShopCsv(csv({ latitude: "-33.8688", longitude: "+151.2093" }, { latitude: "90", longitude: "-180" }))
    expect(rows.map((r) => [r.latitude, r.longitude])).toEqual([[-33.8688, 151.2093], [90, -180]])
  })

  it("reports counts that are not whole numbers ≥ 0", () => {
    expect(errorsFor({ floor_area_m2: "-5" }, { staff_count: "3.5" }, { floor_area_m2: "1,200" }, { staff_count: "many" }, { floor_area_m2: "2000000" })).toEqual([
      { row: 1, field: "floor_area_m2", message: "must be a whole number ≥ 0" },
      { row: 2, field: "staff_count", message: "must be a whole number ≥ 0" },
      { row: 3, field: "floor_area_m2", message: "must be a whole number ≥ 0" },
      { row: 4, field: "staff_count", message: "must be a whole number ≥ 0" },
      { row: 5, field: "floor_area_m2", message: "must be at most 1000000" },
    ])
    expect(parseShopCsv(csv({ floor_area_m2: "0", staff_count: "0" })).rows[0]).toMatchObject({ floor_area_m2: 0, staff_count: 0 })
  })

  it("reports invalid time zones and defaults a blank one to Asia/Shanghai", () => {
    expect(errorsFor({ timezone: "Mars/Base" }, { timezone: "GMT+25" }, { timezone: "Europe/Berlin" })).toEqual([
      { row: 1, field: "timezone", message: "must be an IANA time zone such as Asia/Shanghai" },
      { row: 2, field: "timezone", message: "must be an IANA time zone such as Asia/Shanghai" },
    ])
    expect(parseShopCsv(csv({ timezone: "" })).rows[0]!.timezone).toBe("Asia/Shanghai")
  })

  it("reports bad codes, territory codes, phones and over-long text", () => {
    expect(
      errorsFor({ code: "KM 001" }, { territory_code: "云南" }, { phone: "call me" }, { name: "店".repeat(201) }, { code: "K".repeat(33) })
    ).toEqual([
      { row: 1, field: "code", message: "must be 1–32 letters, digits, '-' or '_'" },
      { row: 2, field: "territory_code", message: "must be 1–32 letters, digits, '-' or '_'" },
      { row: 3, field: "phone", message: "must be a phone number: digits with optional + ( ) - and spaces" },
      { row: 4, field: "name", message: "must be at most 200 characters" },
      { row: 5, field: "code", message: "must be 1–32 letters, digits, '-' or '_'" },
    ])
    expect(parseShopCsv(csv({ phone: "+86 (871) 6318-8001" })).errors).toEqual([])
  })

  it("reports opening hours errors with the path inside the hours", () => {
    expect(errorsFor({}, { opening_hours: "mon 09:00-13:00,12:00-18:00; tue 25:00-26:00" }, { opening_hours: "weekdays 09:00-18:00" })).toEqual([
      { row: 2, field: "opening_hours", message: 'opening_hours.tue[0].open: must be a time "HH:MM" from 00:00 to 23:59' },
      { row: 2, field: "opening_hours", message: 'opening_hours.tue[0].close: must be a time "HH:MM" from 00:00 to 24:00' },
      { row: 2, field: "opening_hours", message: "opening_hours.mon[1].open: overlaps opening_hours.mon[0] (09:00–13:00)" },
      { row: 3, field: "opening_hours", message: 'in "weekdays 09:00-18:00": unknown day "weekdays"; use mon tue wed thu fri sat sun or daily' },
    ])
  })

  it("reports closures errors", () => {
    expect(errorsFor({ closures: "2027-02-30:春节" }, { closures: "2027-02-06|2027-02-06" }, { closures: "春节" })).toEqual([
      { row: 1, field: "closures", message: 'closures[0].date: must be a real calendar date "YYYY-MM-DD"' },
      { row: 2, field: "closures", message: "closures[1].date: duplicate of closures[0] (2027-02-06)" },
      { row: 3, field: "closures", message: '"春节" should be YYYY-MM-DD or YYYY-MM-DD:reason' },
    ])
  })

  it("reports duplicate codes in the file, ignoring case, pointing at the first row", () => {
    const { rows, errors } = parseShopCsv(csv({ code: "KM-001" }, { code: "KM-002" }, { code: "km-001" }))
    expect(errors).toEqual([{ row: 3, field: "code", message: 'duplicate code "km-001" (first in row 1)' }])
    expect(rows.map((r) => r.code)).toEqual(["KM-001", "KM-002"])
  })

  it("collects every error of every row, and returns only the rows that passed", () => {
    const { rows, errors } = parseShopCsv(csv({}, { kind: "big", latitude: "north", closures: "soon" }, {}))
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [2, "kind"],
      [2, "latitude"],
      [2, "closures"],
    ])
    expect(rows.map((r) => r.row)).toEqual([1, 3])
  })

  it("numbers rows like the spreadsheet, counting blank lines, and skips blank rows", () => {
    const lines = csv({}, {}).trimEnd().split("\n")
    const text = [lines[0], lines[1], "", ",,,,,,,,,,,,,,,", lines[2]!.replace("昆明市", "")].join("\n")
    const { rows, errors } = parseShopCsv(text)
    expect(errors).toEqual([{ row: 4, field: "city", message: "is required" }])
    expect(rows.map((r) => r.row)).toEqual([1])
  })

  it("reports a row with the wrong number of cells", () => {
    const text = `${HEADER}\nKM-001,昆明店,standard,open\n`
    expect(parseShopCsv(text).errors).toEqual([{ row: 1, field: "row", message: "has 4 cells but the header has 16" }])
  })

  it("reports broken CSV quoting with the row it starts in", () => {
    const lines = csv({}, {}, {}).trimEnd().split("\n")
    lines[2] = lines[2]!.replace("昆明南屏街旗舰店", '"昆明南屏街旗舰店')
    const { rows, errors } = parseShopCsv(lines.join("\n"))
    expect(rows).toEqual([])
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ row: 2, field: "file" })
    expect(errors[0]!.message).toMatch(/^not valid CSV: /)
  })

  describe("header", () => {
    it("requires a header naming the required columns", () => {
      const { errors } = parseShopCsv("code,name,kind,status,lattitude,longitude,city\nKM-001,昆明店,standard,open,25.04,102.71,昆明市\n")
      expect(errors).toEqual([
        { row: 0, field: "header", message: expect.stringContaining('unknown column "lattitude"') },
        { row: 0, field: "header", message: 'missing required column "latitude"' },
      ])
    })

    it("rejects a column given twice", () => {
      expect(parseShopCsv(`${HEADER},Code\n`).errors).toEqual([{ row: 0, field: "header", message: 'column "code" appears twice' }])
    })

    it("rejects a data row used as a header", () => {
      const { errors } = parseShopCsv(csv({}).split("\n").slice(1).join("\n"))
      expect(errors[0]).toMatchObject({ row: 0, field: "header", message: expect.stringContaining('unknown column "KM-001"') })
    })

    it("reports an empty file and a file with no data rows", () => {
      expect(parseShopCsv("").errors).toEqual([{ row: 0, field: "file", message: "is empty; the first line must name the columns" }])
      expect(parseShopCsv("\uFEFF\n").errors).toEqual([{ row: 0, field: "file", message: "is empty; the first line must name the columns" }])
      expect(parseShopCsv(`${HEADER}\n`).errors).toEqual([{ row: 0, field: "file", message: "has no data rows below the header" }])
      expect(parseShopCsv(`${HEADER}\n\n,,,\n`).errors).toEqual([{ row: 0, field: "file", message: "has no data rows below the header" }])
    })
  })

  it("round-trips hours and closures through formatOpeningHours and formatClosures", () => {
    const { rows } = parseShopCsv(csv({ opening_hours: "mon 09:00-12:00,14:00-20:00; fri-sat 18:00-02:00" }))
    const row = rows[0]!
    const again = parseShopCsv(csv({ opening_hours: formatOpeningHours(row.opening_hours), closures: formatClosures(row.closures) })).rows[0]!
    expect(again.opening_hours).toEqual(row.opening_hours)
    expect(again.closures).toEqual(row.closures)
  })
})
