import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query"
import { BOARD_TABS, statusFilter, type BoardTab } from "../lib/transfer-rules"
import type { TransferListParams } from "../lib/transfer-types"
import { getTransfer, listTransfers, listVariantsById, searchVariants } from "../lib/transfers-api"
import { queryKeys } from "./query-keys"

export const useTransfers = (params: TransferListParams) =>
  useQuery({
    queryKey: queryKeys.transferList(params),
    queryFn: () => listTransfers(params),
    placeholderData: keepPreviousData,
  })

/** How many transfers each board tab holds under the same shop and search (one row asked each). */
export const useTransferTabCounts = (params: Omit<TransferListParams, "status" | "limit" | "offset">) => {
  const results = useQueries({
    queries: BOARD_TABS.map((tab) => {
      const p: TransferListParams = { ...params, status: statusFilter(tab), limit: 1, offset: 0 }
      return { queryKey: queryKeys.transferList(p), queryFn: () => listTransfers(p), placeholderData: keepPreviousData }
    }),
  })
  return Object.fromEntries(BOARD_TABS.map((tab, i) => [tab, (results[i].data as { count: number } | undefined)?.count])) as Record<BoardTab, number | undefined>
}

export const useTransfer = (id: string | undefined) =>
  useQuery({
    queryKey: queryKeys.transfer(id ?? ""),
    queryFn: () => getTransfer(id!).then((r) => r.transfer),
    enabled: !!id,
  })

/** Variants matching a search (SKU, barcode, title), once at least two characters are typed. */
export const useVariantSearch = (q: string) =>
  useQuery({
    queryKey: queryKeys.variantSearch(q),
    queryFn: () => searchVariants(q).then((r) => r.variants),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  })

export const useVariantsById = (ids: string[]) =>
  useQuery({
    queryKey: queryKeys.variantsById(ids),
    queryFn: () => listVariantsById(ids).then((r) => r.variants),
    enabled: ids.length > 0,
    staleTime: 60_000,
  })
