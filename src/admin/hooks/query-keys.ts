import type { PolicyListParams, ProposalListParams, SlowMoverParams } from "../lib/replenishment-types"
import type { TransferListParams } from "../lib/transfer-types"
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
  replenishment: ["mendian", "replenishment"] as const,
  policies: (params: PolicyListParams) => ["mendian", "replenishment", "policies", params] as const,
  proposals: (params: ProposalListParams) => ["mendian", "replenishment", "proposals", params] as const,
  slowMovers: (params: SlowMoverParams) => ["mendian", "replenishment", "slow-movers", params] as const,
  forecastRun: (id: string) => ["mendian", "replenishment", "runs", id] as const,
  demandSeries: (variantId: string, locationId: string, days: number) =>
    ["mendian", "replenishment", "series", variantId, locationId, days] as const,
  stockLocationNames: (ids: string[]) => ["mendian", "stock-locations", "names", ids] as const,
  transfers: ["mendian", "transfers"] as const,
  transferLists: ["mendian", "transfers", "list"] as const,
  transferList: (params: TransferListParams) => ["mendian", "transfers", "list", params] as const,
  transfer: (id: string) => ["mendian", "transfers", "detail", id] as const,
  variantSearch: (q: string) => ["mendian", "variants", "search", q] as const,
  variantsById: (ids: string[]) => ["mendian", "variants", "by-id", ids] as const,
}
