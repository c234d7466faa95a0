import type { Closure, OpeningHours } from "../opening-hours"
import type { ShopKind, ShopStatus } from "../shop-kinds"

export { SHOP_KINDS, SHOP_STATUSES, type ShopKind, type ShopStatus } from "../shop-kinds"

/** One valid CSV data row, typed, ready for the create-shops workflow. */
export interface ShopImportRow {
  /** 1-based data row (header excluded), for errors the caller finds later (unknown territory). */
  row: number
  code: string
  name: string
  kind: ShopKind
  status: ShopStatus
  latitude: number
  longitude: number
  address: string | null
  city: string
  province: string | null
  territory_code: string | null
  floor_area_m2: number | null
  staff_count: number | null
  timezone: string
  phone: string | null
  /** null when the cell is blank (hours not known); `{}` for "closed". */
  opening_hours: OpeningHours | null
  closures: Closure[]
}

export interface ShopImportError {
  /** 1-based data row, header excluded; 0 for the header or the file as a whole. */
  row: number
  /** A column name, or "header" / "file" / "row" for problems not tied to one cell. */
  field: string
  message: string
}

export interface ShopImportResult {
  rows: ShopImportRow[]
  errors: ShopImportError[]
}
