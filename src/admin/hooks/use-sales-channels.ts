import { useQuery } from "@tanstack/react-query"
import { listSalesChannels } from "../lib/api"
import { queryKeys } from "./query-keys"

/** Channels a new shop's stock may be sold on; shops' own POS channels are left out. */
export const useSellingChannels = () =>
  useQuery({
    queryKey: queryKeys.salesChannels,
    queryFn: () =>
      listSalesChannels().then((r) => r.sales_channels.filter((c) => c.metadata?.channel !== "pos")),
  })
