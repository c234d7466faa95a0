/** Shapes of the transfer documents' admin API (src/api/admin/transfers). */
import type { VariantSummary } from "./replenishment-types"

export const TRANSFER_STATUSES = [
  "draft",
  "requested",
  "approved",
  "in_transit",
  "partially_received",
  "received",
  "closed_short",
  "cancelled",
] as const
export type TransferStatus = (typeof TRANSFER_STATUSES)[number]

export const TRANSFER_ACTIONS = ["request", "approve", "ship", "receive", "close", "cancel"] as const
export type TransferAction = (typeof TRANSFER_ACTIONS)[number]

export const TRANSFER_ORIGINS = ["manual", "plan", "allocation", "distribution"] as const
export type TransferOrigin = (typeof TRANSFER_ORIGINS)[number]

export const LINE_STATUSES = ["pending", "approved", "rejected"] as const
export type LineStatus = (typeof LINE_STATUSES)[number]

export const MOVEMENT_KINDS = ["reserve", "release", "ship", "receive", "over", "damage", "reject", "close_short"] as const
export type MovementKind = (typeof MOVEMENT_KINDS)[number]

type TransferDocument = {
  id: string
  number: string
  status: TransferStatus
  origin: TransferOrigin
  source_location_id: string
  reason: string | null
  note: string | null
  plan_id: string | null
  order_id: string | null
  created_by: string | null
  requested_at: string | null
  approved_at: string | null
  approved_by: string | null
  shipped_at: string | null
  shipped_by: string | null
  received_at: string | null
  closed_at: string | null
  cancelled_at: string | null
  created_at: string
  updated_at: string
}

/** A row of GET /admin/transfers: the document with its lines summed up. */
export type TransferSummary = TransferDocument & {
  line_count: number
  destination_count: number
  units_requested: number
  units_approved: number
  units_shipped: number
  units_received: number
}

/** A place of the document: a stock location, and the shop that owns it when there is one. */
export type TransferPlace = {
  location_id: string
  name: string | null
  shop_id: string | null
  shop_code: string | null
}

export type TransferLine = {
  id: string
  variant_id: string
  inventory_item_id: string
  units_per_item: number
  destination_location_id: string
  destination: TransferPlace
  variant: VariantSummary | null
  status: LineStatus
  quantity_requested: number
  quantity_approved: number
  quantity_shipped: number
  quantity_received: number
  quantity_over: number
  quantity_damaged: number
  quantity_rejected: number
  quantity_closed_short: number
  quantity_in_transit: number
  expected_at: string | null
  reservation_id: string | null
}

export type TransferMovement = {
  id: string
  seq: number
  line_id: string | null
  action: string
  kind: MovementKind
  location_id: string
  inventory_item_id: string
  quantity: number
  delta_stocked: number
  delta_reserved: number
  delta_incoming: number
  actor: string | null
  reason: string | null
  created_at: string
}

/** GET /admin/transfers/:id and the answer of every action. */
export type TransferDetail = TransferDocument & {
  source: TransferPlace
  lines: TransferLine[]
  movements: TransferMovement[]
}

export type TransferListParams = {
  /** One status or several, comma-separated. */
  status?: string
  shop_id?: string
  source_location_id?: string
  destination_location_id?: string
  q?: string
  limit?: number
  offset?: number
}

/** Where stock comes from or goes to: a shop (its stock location) or a location directly. */
export type PlaceRef = { shop_id: string } | { location_id: string }

export type CreateTransferBody = {
  source: PlaceRef
  lines: { destination: PlaceRef; variant_id: string; quantity: number }[]
  reason?: string | null
  note?: string | null
  submit?: boolean
}

export type LineQuantityInput = { id: string; quantity: number }
export type LineReceiptInput = { id: string; received?: number; damaged?: number; rejected?: number }

/** The body of each action. */
export type ActionBody =
  | { action: "request" | "close" | "cancel"; reason?: string | null }
  | { action: "approve" | "ship"; reason?: string | null; lines?: LineQuantityInput[] }
  | { action: "receive"; reason?: string | null; lines: LineReceiptInput[] }

/** A variant as the pickers show it (Medusa's /admin/product-variants). */
export type VariantOption = {
  id: string
  title: string | null
  sku: string | null
  barcode: string | null
  ean: string | null
  upc: string | null
  product_id: string | null
  product: { id: string; title: string | null } | null
}
