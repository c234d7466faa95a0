import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useRef } from "react"
import { listSalesChannels } from "../lib/api"
import { keepsKeyAfter, newIdempotencyKey } from "../lib/idempotency-key"
import {
  adjustPoints,
  getLiability,
  getMember,
  getProgram,
  listCategories,
  listCustomerGroups,
  listMemberPoints,
  listMembers,
} from "../lib/membership-api"
import type { MemberListParams, PointsParams } from "../lib/membership-types"

/** Cache keys of the membership pages (all under ["mendian", "members"], so one invalidation reaches them). */
export const memberKeys = {
  all: ["mendian", "members"] as const,
  lists: ["mendian", "members", "list"] as const,
  list: (params: MemberListParams) => ["mendian", "members", "list", params] as const,
  detail: (id: string) => ["mendian", "members", "detail", id] as const,
  points: (id: string, params?: PointsParams) => ["mendian", "members", "points", id, ...(params ? [params] : [])] as const,
  liability: ["mendian", "members", "liability"] as const,
  tiers: ["mendian", "members", "tiers"] as const,
  rules: ["mendian", "members", "rules"] as const,
  program: ["mendian", "members", "program"] as const,
  groups: (ids: string[]) => ["mendian", "members", "groups", ids] as const,
  categories: ["mendian", "members", "categories"] as const,
  channels: ["mendian", "members", "channels"] as const,
}

export const useMembers = (params: MemberListParams, enabled = true) =>
  useQuery({ queryKey: memberKeys.list(params), queryFn: () => listMembers(params), placeholderData: keepPreviousData, enabled })

export const useMember = (id: string | undefined) =>
  useQuery({ queryKey: memberKeys.detail(id ?? ""), queryFn: () => getMember(id!).then((r) => r.member), enabled: !!id })

export const useMemberPoints = (id: string, params: PointsParams) =>
  useQuery({ queryKey: memberKeys.points(id, params), queryFn: () => listMemberPoints(id, params), placeholderData: keepPreviousData })

export const useLiability = () => useQuery({ queryKey: memberKeys.liability, queryFn: () => getLiability().then((r) => r.liability) })

export const useProgram = () => useQuery({ queryKey: memberKeys.program, queryFn: () => getProgram().then((r) => r.program) })

export const useCustomerGroups = (ids: string[]) =>
  useQuery({
    queryKey: memberKeys.groups(ids),
    queryFn: () => listCustomerGroups(ids).then((r) => r.customer_groups),
    enabled: ids.length > 0,
    staleTime: 60_000,
  })

export const useCategories = () =>
  useQuery({ queryKey: memberKeys.categories, queryFn: () => listCategories().then((r) => r.product_categories), staleTime: 60_000 })

/** Every sales channel, POS ones included (earn rules and return windows are per channel). */
export const useAllChannels = () =>
  useQuery({ queryKey: memberKeys.channels, queryFn: () => listSalesChannels().then((r) => r.sales_channels), staleTime: 60_000 })

/**
 * A manual adjustment with an Idempotency-Key per adjustment: the same points and reason sent
 * again (a lost answer, a 5xx, a 409) reuse the key, so a retry posts once; a changed amount or
 * reason is another adjustment with a key of its own.
 */
export const useAdjustPoints = (memberId: string, onDone?: () => void) => {
  const queryClient = useQueryClient()
  const keys = useRef(new Map<string, string>())
  const keyFor = (body: { points: number; reason: string }) => {
    const k = `${body.points}\u0000${body.reason}`
    if (!keys.current.has(k)) keys.current.set(k, newIdempotencyKey())
    return keys.current.get(k)!
  }
  return useMutation({
    mutationFn: (body: { points: number; reason: string }) => adjustPoints(memberId, body, keyFor(body)),
    onSuccess: (_r, body) => {
      keys.current.delete(`${body.points}\u0000${body.reason}`)
      queryClient.invalidateQueries({ queryKey: memberKeys.detail(memberId) })
      queryClient.invalidateQueries({ queryKey: memberKeys.points(memberId) })
      queryClient.invalidateQueries({ queryKey: memberKeys.lists })
      queryClient.invalidateQueries({ queryKey: memberKeys.liability })
      onDone?.()
    },
    onError: (e, body) => {
      if (!keepsKeyAfter(e)) keys.current.delete(`${body.points}\u0000${body.reason}`)
    },
  })
}
