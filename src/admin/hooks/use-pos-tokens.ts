import { useQuery } from "@tanstack/react-query"
import { listPosTokens } from "../lib/api"
import { queryKeys } from "./query-keys"

export const usePosTokens = (shopId: string) =>
  useQuery({
    queryKey: queryKeys.posTokens(shopId),
    queryFn: () => listPosTokens(shopId).then((r) => r.pos_tokens),
  })
