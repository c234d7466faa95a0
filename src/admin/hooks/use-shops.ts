import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { getShop, listAllShops, listShops } from "../lib/api"
import type { ShopListParams } from "../lib/types"
import { queryKeys } from "./query-keys"

/** One page of shops for the table. */
export const useShopPage = (params: ShopListParams) =>
  useQuery({
    queryKey: queryKeys.shopList(params),
    queryFn: () => listShops(params),
    placeholderData: keepPreviousData,
  })

/** Every shop matching the filters (the map, city choices, territory counts). */
export const useAllShops = (params: Omit<ShopListParams, "limit" | "offset">) =>
  useQuery({
    queryKey: queryKeys.shopAll(params),
    queryFn: () => listAllShops(params),
    placeholderData: keepPreviousData,
  })

export const useShop = (id: string | undefined) =>
  useQuery({
    queryKey: queryKeys.shop(id ?? ""),
    queryFn: () => getShop(id!).then((r) => r.shop),
    enabled: !!id,
  })
