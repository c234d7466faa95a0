import { call, compact, post, withKey } from "./http"
import type {
  EarnRule,
  EarnRuleBody,
  Liability,
  MemberDetail,
  MemberListParams,
  MemberRow,
  MemberSummary,
  PointsEntry,
  PointsParams,
  Program,
  Tier,
  TierBody,
} from "./membership-types"
import type { ListResponse } from "./types"

export const listMembers = (params: MemberListParams) =>
  call<ListResponse<"members", MemberRow>>("/admin/members", { query: compact(params) })

export const getMember = (id: string) => call<{ member: MemberDetail }>(`/admin/members/${id}`)

export const listMemberPoints = (id: string, params: PointsParams) =>
  call<ListResponse<"entries", PointsEntry>>(`/admin/members/${id}/points`, { query: compact(params) })

export const getLiability = () => call<{ liability: Liability }>("/admin/members/liability")

/** A refusal keeps its `code` (409 insufficient_points), hence `post`. */
export const adjustPoints = (id: string, body: { points: number; reason: string }, idempotencyKey?: string) =>
  post<{ entry: PointsEntry; member: MemberSummary }>(`/admin/members/${id}/adjustments`, body, withKey(idempotencyKey))

export const listTiers = () => call<{ tiers: Tier[] }>("/admin/member-tiers")

export const createTier = (body: TierBody, idempotencyKey?: string) =>
  post<{ tier: Tier }>("/admin/member-tiers", body, withKey(idempotencyKey))

export const updateTier = (id: string, body: Partial<TierBody>) => post<{ tier: Tier }>(`/admin/member-tiers/${id}`, body)

export const listEarnRules = () => call<{ rules: EarnRule[] }>("/admin/member-earn-rules")

export const createEarnRule = (body: EarnRuleBody, idempotencyKey?: string) =>
  post<{ rule: EarnRule }>("/admin/member-earn-rules", body, withKey(idempotencyKey))

export const updateEarnRule = (id: string, body: EarnRuleBody) => post<{ rule: EarnRule }>(`/admin/member-earn-rules/${id}`, body)

export const deleteEarnRule = (id: string) => call<{ id: string; deleted: boolean }>(`/admin/member-earn-rules/${id}`, { method: "DELETE" })

export const getProgram = () => call<{ program: Program }>("/admin/member-program")

export const updateProgram = (body: Partial<Program>) => post<{ program: Program }>("/admin/member-program", body)

/** Medusa's customer groups by id (the tiers' member-price groups). */
export const listCustomerGroups = (ids: string[]) =>
  call<{ customer_groups: { id: string; name: string }[] }>("/admin/customer-groups", {
    query: { id: ids, limit: ids.length, fields: "id,name" },
  })

/** Medusa's product categories, for an earn rule's scope. */
export const listCategories = () =>
  call<{ product_categories: { id: string; name: string; handle: string }[] }>("/admin/product-categories", {
    query: { limit: 500, fields: "id,name,handle" },
  })
