import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useRef } from "react"
import { keepsKeyAfter, newIdempotencyKey } from "../lib/idempotency-key"
import {
  createEarnRule,
  createTier,
  deleteEarnRule,
  listEarnRules,
  listTiers,
  updateEarnRule,
  updateProgram,
  updateTier,
} from "../lib/membership-api"
import type { EarnRuleBody, Program, TierBody } from "../lib/membership-types"
import { memberKeys } from "./use-members"

export const useTiers = () => useQuery({ queryKey: memberKeys.tiers, queryFn: () => listTiers().then((r) => r.tiers) })

export const useEarnRules = () => useQuery({ queryKey: memberKeys.rules, queryFn: () => listEarnRules().then((r) => r.rules) })

/** One key per create form opening: renewed after a success or a stored refusal (see keepsKeyAfter). */
const useCreateKey = () => {
  const key = useRef<string | null>(null)
  return {
    get: () => (key.current ??= newIdempotencyKey()),
    done: () => void (key.current = null),
    failed: (e: unknown) => void (!keepsKeyAfter(e) && (key.current = null)),
  }
}

/** Create (no id) or change (id) a rung of the ladder. */
export const useSaveTier = (onDone?: () => void) => {
  const queryClient = useQueryClient()
  const key = useCreateKey()
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Partial<TierBody> }) => (id ? updateTier(id, body) : createTier(body as TierBody, key.get())),
    onSuccess: () => {
      key.done()
      queryClient.invalidateQueries({ queryKey: memberKeys.tiers })
      onDone?.()
    },
    onError: (e) => key.failed(e),
  })
}

export const useSaveEarnRule = (onDone?: () => void) => {
  const queryClient = useQueryClient()
  const key = useCreateKey()
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: EarnRuleBody }) => (id ? updateEarnRule(id, body) : createEarnRule(body, key.get())),
    onSuccess: () => {
      key.done()
      queryClient.invalidateQueries({ queryKey: memberKeys.rules })
      onDone?.()
    },
    onError: (e) => key.failed(e),
  })
}

export const useDeleteEarnRule = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => deleteEarnRule(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.rules }),
  })
}

export const useSaveProgram = (onDone?: () => void) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: Partial<Program>) => updateProgram(body),
    onSuccess: ({ program }) => {
      queryClient.setQueryData(memberKeys.program, program)
      queryClient.invalidateQueries({ queryKey: memberKeys.liability })
      onDone?.()
    },
  })
}
