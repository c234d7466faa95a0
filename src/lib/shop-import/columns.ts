/**
 * The shop import CSV (POST /admin/shops/import). UTF-8 (a BOM from Excel is fine), comma
 * separated, RFC 4180 quoting, one header row naming the columns in any order. Cells are
 * trimmed; a blank optional cell means "not given".
 *
 * | column         | required | content                                                        |
 * | -------------- | -------- | -------------------------------------------------------------- |
 * | code           | yes      | shop code, unique in the file: letters, digits, _ -, ≤ 32       |
 * | name           | yes      | display name, ≤ 200 characters (e.g. 昆明南屏街旗舰店)          |
 * | kind           | yes      | flagship, standard, mini or warehouse (case-insensitive)        |
 * | status         | yes      | open, closed or planned (case-insensitive)                      |
 * | latitude       | yes      | decimal degrees, -90 … 90 (WGS 84)                              |
 * | longitude      | yes      | decimal degrees, -180 … 180                                     |
 * | address        | no       | street address, ≤ 500 characters                               |
 * | city           | yes      | ≤ 100 characters                                                |
 * | province       | no       | ≤ 100 characters                                                |
 * | territory_code | no       | code of the territory (district) the shop belongs to           |
 * | floor_area_m2  | no       | whole number, 0 … 1,000,000                                     |
 * | staff_count    | no       | whole number, 0 … 100,000                                       |
 * | timezone       | no       | IANA name; blank means Asia/Shanghai                            |
 * | phone          | no       | digits with optional + ( ) - and spaces, ≤ 40, 0871-63188001    |
 * | opening_hours  | no       | `mon-fri 09:00-21:30; sat-sun 10:00-22:00`, `daily 10:00-22:00`,|
 * |                |          | `mon 09:00-12:00,14:00-20:00`, overnight `fri-sat 18:00-02:00`, |
 * |                |          | `closed`; blank means not known                                 |
 * | closures       | no       | `2027-02-06:春节|2027-02-07` — dates with an optional reason    |
 *
 * Whether territory codes exist and whether codes are already taken is for the caller,
 * which has the database.
 */
export const SHOP_CSV_COLUMNS = [
  "code",
  "name",
  "kind",
  "status",
  "latitude",
  "longitude",
  "address",
  "city",
  "province",
  "territory_code",
  "floor_area_m2",
  "staff_count",
  "timezone",
  "phone",
  "opening_hours",
  "closures",
] as const

export type ShopCsvColumn = (typeof SHOP_CSV_COLUMNS)[number]

export const REQUIRED_SHOP_CSV_COLUMNS: readonly ShopCsvColumn[] = ["code", "name", "kind", "status", "latitude", "longitude", "city"]

export function isShopCsvColumn(name: string): name is ShopCsvColumn {
  return (SHOP_CSV_COLUMNS as readonly string[]).includes(name)
}
