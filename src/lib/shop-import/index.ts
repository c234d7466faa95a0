export {
  SHOP_KINDS,
  SHOP_STATUSES,
  type ShopImportError,
  type ShopImportResult,
  type ShopImportRow,
  type ShopKind,
  type ShopStatus,
} from "./types"
export { REQUIRED_SHOP_CSV_COLUMNS, SHOP_CSV_COLUMNS, type ShopCsvColumn } from "./columns"
export { formatOpeningHours, parseOpeningHoursText } from "./opening-hours-text"
export { formatClosures, parseClosuresText } from "./closures-text"
export { parseShopCsv } from "./parse-shop-csv"
