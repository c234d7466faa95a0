import { useQuery } from "@tanstack/react-query"
import { listTerritories } from "../lib/api"
import { queryKeys } from "./query-keys"

export const useTerritories = () =>
  useQuery({
    queryKey: queryKeys.territories,
    queryFn: () => listTerritories().then((r) => r.territories),
  })
