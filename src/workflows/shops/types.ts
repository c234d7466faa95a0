import type { Closure, OpeningHours } from "../../lib/opening-hours"

import type { ShopKind, ShopStatus } from "../../lib/shop-kinds"

export type { ShopKind, ShopStatus }

/** What a merchant gives to create a shop (API, CSV import and seeds all end here). */
export type CreateShopInput = {
  code: string
  name: string
  kind?: ShopKind
  status?: ShopStatus
  latitude: number
  longitude: number
  address?: string | null
  city: string
  province?: string | null
  country_code?: string
  phone?: string | null
  floor_area_m2?: number | null
  staff_count?: number | null
  opening_hours?: OpeningHours | null
  receiving_hours?: OpeningHours | null
  closures?: Closure[] | null
  timezone?: string
  territory_id?: string | null
  /** Existing channels (e.g. the shared online one) that sell this shop's stock. */
  sales_channel_ids?: string[]
  /** Give the shop a POS sales channel of its own (default: every kind but warehouse). */
  pos_channel?: boolean
  /** Let customers collect online orders here (default: every kind but warehouse). */
  pickup?: boolean
  metadata?: Record<string, unknown> | null
}

export type UpdateShopInput = Partial<
  Omit<CreateShopInput, "sales_channel_ids" | "pos_channel" | "pickup" | "country_code">
> & { id: string }

export const servesCustomers = (shop: { kind?: ShopKind }) => shop.kind !== "warehouse"
