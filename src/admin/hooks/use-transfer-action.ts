import { toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useRef } from "react"
import { useTranslation } from "react-i18next"
import { errorCode } from "../lib/api-error"
import { keepsKeyAfter, newIdempotencyKey } from "../lib/idempotency-key"
import { refusalReloads } from "../lib/transfer-rules"
import type { ActionBody, TransferDetail } from "../lib/transfer-types"
import { runTransferAction } from "../lib/transfers-api"
import { queryKeys } from "./query-keys"

/**
 * Runs one action on a transfer with an Idempotency-Key per user action: the key is made when
 * the action is first sent, reused when the same action is sent again after a lost answer, a
 * server error or a 409, and replaced after a success or a stored refusal (400/404/422).
 */
export const useTransferAction = (transfer: Pick<TransferDetail, "id" | "number">, onDone?: () => void) => {
  const { t } = useTranslation("mendian")
  const queryClient = useQueryClient()
  const keys = useRef(new Map<string, string>())
  const keyFor = (action: string) => {
    if (!keys.current.has(action)) keys.current.set(action, newIdempotencyKey())
    return keys.current.get(action)!
  }
  return useMutation({
    mutationFn: (body: ActionBody) => runTransferAction(transfer.id, body, keyFor(body.action)),
    onSuccess: ({ transfer: next }, body) => {
      keys.current.delete(body.action)
      queryClient.setQueryData(queryKeys.transfer(next.id), next)
      queryClient.invalidateQueries({ queryKey: queryKeys.transferLists })
      toast.success(t(`transfers.actions.done.${body.action}`, { number: next.number }))
      onDone?.()
    },
    onError: (e, body) => {
      if (!keepsKeyAfter(e)) keys.current.delete(body.action)
      // The document moved on meanwhile (another tab or user): show it as it now is.
      if (refusalReloads(errorCode(e))) queryClient.invalidateQueries({ queryKey: queryKeys.transfer(transfer.id) })
    },
  })
}
