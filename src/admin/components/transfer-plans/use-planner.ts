import { toast } from "@medusajs/ui"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useRef } from "react"
import { useTranslation } from "react-i18next"
import { keepsKeyAfter, newIdempotencyKey } from "../../lib/idempotency-key"
import { applyPlan, createPlan, getPlan, listPlans } from "../../lib/planner-api"
import type { PlanBody, PlanView } from "../../lib/planner-types"

const KEYS = {
  all: ["mendian", "transfer-plans"] as const,
  list: (offset: number) => ["mendian", "transfer-plans", "list", offset] as const,
  one: (id: string) => ["mendian", "transfer-plans", "one", id] as const,
}

export const PLANS_PAGE_SIZE = 10

export const usePlans = (offset: number) =>
  useQuery({ queryKey: KEYS.list(offset), queryFn: () => listPlans({ limit: PLANS_PAGE_SIZE, offset }), placeholderData: keepPreviousData })

export const usePlan = (id: string | undefined) =>
  useQuery({ queryKey: KEYS.one(id ?? ""), queryFn: () => getPlan(id!).then((r) => r.transfer_plan), enabled: !!id })

/**
 * An Idempotency-Key per distinct request: made when it is first sent, reused when the same
 * request is sent again after a lost answer, a 5xx or a 409, dropped after a success or a
 * stored refusal (see lib/idempotency-key.ts).
 */
const useKeys = () => {
  const keys = useRef(new Map<string, string>())
  return {
    key: (what: string) => {
      if (!keys.current.has(what)) keys.current.set(what, newIdempotencyKey())
      return keys.current.get(what)!
    },
    settle: (what: string, error?: unknown) => {
      if (!error || !keepsKeyAfter(error)) keys.current.delete(what)
    },
  }
}

/** POST /admin/transfer-plans: the dry run; the new plan goes into the cache and the list reloads. */
export const useRunPlan = (onDone: (plan: PlanView) => void) => {
  const queryClient = useQueryClient()
  const keys = useKeys()
  return useMutation({
    mutationFn: (body: PlanBody) => createPlan(body, keys.key(JSON.stringify(body))).then((r) => r.transfer_plan),
    onSuccess: (plan, body) => {
      keys.settle(JSON.stringify(body))
      queryClient.setQueryData(KEYS.one(plan.id), plan)
      queryClient.invalidateQueries({ queryKey: KEYS.all })
      onDone(plan)
    },
    onError: (e, body) => keys.settle(JSON.stringify(body), e),
  })
}

/** POST /admin/transfer-plans/:id/apply; a 409 keeps its code for the page to explain. */
export const useApplyPlan = (plan: Pick<PlanView, "id">) => {
  const { t } = useTranslation("mendian")
  const queryClient = useQueryClient()
  const keys = useKeys()
  return useMutation({
    mutationFn: () => applyPlan(plan.id, keys.key(plan.id)),
    onSuccess: (result) => {
      keys.settle(plan.id)
      queryClient.invalidateQueries({ queryKey: KEYS.all })
      queryClient.invalidateQueries({ queryKey: ["mendian", "transfers"] })
      toast.success(t("planner.apply.done", { count: result.transfers.length }))
    },
    onError: (e) => {
      keys.settle(plan.id, e)
      queryClient.invalidateQueries({ queryKey: KEYS.one(plan.id) })
    },
  })
}
