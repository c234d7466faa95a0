import { call, compact, post, withKey } from "./http"
import type { ApplyResult, PlanBody, PlanStatus, PlanSummary, PlanView } from "./planner-types"
import type { ListResponse } from "./types"

const BASE = "/admin/transfer-plans"

/** POST /admin/transfer-plans: a dry run, stored as a proposed plan. */
export const createPlan = (body: PlanBody, idempotencyKey?: string) =>
  post<{ transfer_plan: PlanView }>(BASE, body, withKey(idempotencyKey))

export const getPlan = (id: string) => call<{ transfer_plan: PlanView }>(`${BASE}/${id}`)

export const listPlans = (params: { status?: PlanStatus; limit?: number; offset?: number }) =>
  call<ListResponse<"transfer_plans", PlanSummary>>(BASE, { query: compact(params) })

/** Creates the plan's transfers once; a refusal keeps its code (plan_stale, plan_not_proposed). */
export const applyPlan = (id: string, idempotencyKey?: string) => post<ApplyResult>(`${BASE}/${id}/apply`, {}, withKey(idempotencyKey))
