import type { LatLng } from "../geo"

/** One inventory item a variant consumes per unit (a kit consumes several). */
export type LineInventory = { inventory_item_id: string; required_quantity: number }

/** One line of the order to allocate, in units of its variant. */
export type AllocationLine = {
  id: string
  variant_id: string
  quantity: number
  allow_backorder: boolean
  inventory: LineInventory[]
}

/** A stock location that may serve the order (one of the cart's sales channel's locations). */
export type CandidateLocation = {
  id: string
  /** How reasons name it: a shop code (KM-001), else its name, else its id. */
  label?: string
  point?: LatLng | null
  /** Cost of one shipment from here, when known (same money unit as `per_km`). */
  shipping_cost?: number | null
}

export type CustomerPoint = {
  point: LatLng
  /** customer_location: the storefront set it; city: a centroid of the shipping address city. */
  source: "customer_location" | "city" | "pickup_shop"
  label?: string
}

export type AllocationOptions = {
  /** Cost per km of distance between a location and the customer (default 1). */
  per_km?: number
  /** Cost of each location beyond the first (default 20). */
  split_penalty?: number
  /** Largest number of locations tried together exhaustively before the greedy extension (default 3). */
  max_sources?: number
  /** How many of the cheapest candidates the exhaustive search considers (default 12). */
  pool_size?: number
}

export type AllocationContext = {
  lines: AllocationLine[]
  locations: CandidateLocation[]
  /** location id → inventory item id → stocked − reserved, in inventory units. */
  available: Record<string, Record<string, number>>
  /** location id → variant id → safety stock in variant units. */
  safety_stock?: Record<string, Record<string, number>>
  customer?: CustomerPoint | null
  /** The customer's chosen pickup shop's location: it serves what it can. */
  pickup_location_id?: string | null
  /**
   * A replaced ranking (the `allocationRanking` hook): location id → cost of using it, instead of
   * distance × per_km + shipping cost. Locations missing from the map are not used.
   */
  costs?: Record<string, number> | null
  /** Who supplied `costs`, for the reasons. */
  costs_source?: string | null
  options?: AllocationOptions
}

export type ReasonCode =
  | "pickup_shop"
  | "pickup_short"
  | "nearest_with_stock"
  | "lowest_cost"
  | "consolidated"
  | "split"
  | "safety_kept"
  | "safety_dipped"
  | "backorder"
  | "no_customer_point"
  | "ranking_override"
  | "transfer_to_pickup"
  | "transfer_not_possible"
  | "transfer_cancelled"
  | "transfer_left_in_transit"
  | "released"

/** Why: a code and its parameters (for a translated sentence) and the English sentence. */
export type AllocationReason = { code: ReasonCode; params: Record<string, string | number>; text: string }

export type AllocationPart = {
  location_id: string
  quantity: number
  /** Units of `quantity` nobody holds, reserved as a backorder (the variant allows it). */
  backorder_quantity: number
  /** Units of `quantity` taken from the location's safety stock (nobody else could serve them). */
  below_safety: number
}

export type LineAllocation = {
  line_id: string
  variant_id: string
  quantity: number
  parts: AllocationPart[]
  reasons: AllocationReason[]
}

export type UnservedLine = { line_id: string; variant_id: string; quantity: number; available: number }

export type AllocationResult = {
  strategy: string
  lines: LineAllocation[]
  /** Lines (or parts of them) nobody can serve and whose variant does not allow backorders. */
  unserved: UnservedLine[]
  /** Order-level reasons (no customer point, ranking replaced). */
  reasons: AllocationReason[]
  /** The objective the choice minimised: location costs plus split penalties. */
  cost: number
  location_ids: string[]
}

/** What to give back when `quantity` units of an allocated line are cancelled or returned unshipped. */
export type ReleaseInput = { parts: AllocationPart[]; quantity: number }

/**
 * A swappable allocation strategy, in the shape of Vendure's StockLocationStrategy:
 * `allocate` decides where each line is served from, `release` which allocated units a
 * cancellation gives back. Pure: everything it needs is in its arguments.
 */
export interface AllocationStrategy {
  name: string
  allocate(context: AllocationContext): AllocationResult
  release(input: ReleaseInput): { location_id: string; quantity: number }[]
}
