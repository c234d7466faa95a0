import type { ShopListParams } from "../lib/types"

/** One place for cache keys, so a change invalidates every view that shows it. */
export const queryKeys = {
  shops: ["mendian", "shops"] as const,
  /** Every list and map query, not the detail pages. */
  shopLists: ["mendian", "shops", "list"] as const,
  shopAlls: ["mendian", "shops", "all"] as const,
  shopList: (params: ShopListParams) => ["mendian", "shops", "list", params] as const,
  shopAll: (params: ShopListParams) => ["mendian", "shops", "all", params] as const,
  shop: (id: string) => ["mendian", "shops", "detail", id] as const,
  posTokens: (shopId: string) => ["mendian", "shops", "detail", shopId, "pos-tokens"] as const,
  territories: ["mendian", "territories"] as const,
  users: ["mendian", "users"] as const,
  salesChannels: ["mendian", "sales-channels"] as const,
}
