import { useQuery } from "@tanstack/react-query"
import { listUsers } from "../lib/api"
import { queryKeys } from "./query-keys"

export const useAdminUsers = () =>
  useQuery({
    queryKey: queryKeys.users,
    queryFn: () => listUsers().then((r) => r.users),
  })
