import type { ShopKind, ShopStatus } from "./types"

/** One colour per kind, shared by the map's dots, its legend and the table's kind badges. */
export const KIND_COLORS: Record<ShopKind, string> = {
  flagship: "#7c3aed",
  standard: "#2563eb",
  mini: "#059669",
  warehouse: "#d97706",
}

export const STATUS_BADGE_COLORS: Record<ShopStatus, "green" | "red" | "orange"> = {
  open: "green",
  closed: "red",
  planned: "orange",
}
