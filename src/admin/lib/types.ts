/** Shapes of the Mendian admin API (src/api/admin/shops, src/api/admin/territories). */

export const SHOP_KINDS = ["flagship", "standard", "mini", "warehouse"] as const
export type ShopKind = (typeof SHOP_KINDS)[number]

export const SHOP_STATUSES = ["open", "closed", "planned"] as const
export type ShopStatus = (typeof SHOP_STATUSES)[number]

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const
export type Weekday = (typeof WEEKDAYS)[number]

/** Local wall-clock "HH:MM"; close <= open means the interval runs past midnight. */
export type TimeInterval = { open: string; close: string }
export type OpeningHours = Partial<Record<Weekday, TimeInterval[]>>
export type Closure = { date: string; reason?: string }

export const TERRITORY_LEVELS = ["hq", "region", "district"] as const
export type TerritoryLevel = (typeof TERRITORY_LEVELS)[number]

export type Manager = {
  id: string
  email: string
  first_name: string | null
  last_name: string | null
}

export type Territory = {
  id: string
  code: string
  name: string
  level: TerritoryLevel
  parent_id: string | null
  managers?: Manager[]
}

export type Shop = {
  id: string
  code: string
  name: string
  kind: ShopKind
  status: ShopStatus
  latitude: number
  longitude: number
  address: string | null
  city: string
  province: string | null
  phone: string | null
  floor_area_m2: number | null
  staff_count: number | null
  opening_hours: OpeningHours | null
  closures: Closure[] | null
  timezone: string
  stock_location_id: string
  territory_id: string | null
  territory: Pick<Territory, "id" | "code" | "name" | "level"> | null
  created_at: string
  updated_at: string
}

export type StockAddress = {
  address_1: string | null
  address_2: string | null
  city: string | null
  province: string | null
  postal_code: string | null
  country_code: string | null
  phone: string | null
}

export type ShopDetail = Shop & {
  stock_location: { id: string; name: string; address: StockAddress | null } | Record<string, never>
  sales_channels: { id: string; name: string; description: string | null }[]
  stock: {
    skus: number
    units_on_hand: number
    units_reserved: number
    retail_value: number
    currency_code: string
  }
}

export type PosToken = {
  id: string
  label: string
  token_hint: string
  created_by: string | null
  last_used_at: string | null
  revoked_at: string | null
  created_at: string
}

/** Only the answer to issuing a token carries the token itself. */
export type IssuedPosToken = PosToken & { token: string }

export type ListResponse<K extends string, T> = { [key in K]: T[] } & {
  count: number
  offset: number
  limit: number
}

export type ShopListParams = {
  q?: string
  territory_id?: string
  stock_location_id?: string
  city?: string
  kind?: ShopKind
  status?: ShopStatus
  limit?: number
  offset?: number
  order?: string
}

/** Body of POST /admin/shops and POST /admin/shops/:id. */
export type ShopWriteBody = {
  code: string
  name: string
  kind: ShopKind
  status: ShopStatus
  latitude: number
  longitude: number
  address: string | null
  city: string
  province: string | null
  phone: string | null
  floor_area_m2: number | null
  staff_count: number | null
  opening_hours: OpeningHours | null
  closures: Closure[] | null
  timezone: string
  territory_id: string | null
  sales_channel_ids?: string[]
  pos_channel?: boolean
  pickup?: boolean
}

export type ImportRowError = { row: number; field: string; message: string }

export type AdminUser = {
  id: string
  email: string
  first_name: string | null
  last_name: string | null
}

export type SalesChannel = {
  id: string
  name: string
  description: string | null
  metadata: Record<string, unknown> | null
}
