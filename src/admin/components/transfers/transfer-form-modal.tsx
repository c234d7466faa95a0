import { Plus, Trash } from "@medusajs/icons"
import { Alert, Button, FocusModal, Heading, Hint, IconButton, Input, Label, Table, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useEffect, useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { queryKeys } from "../../hooks/query-keys"
import { errorMessage } from "../../lib/api-error"
import { keepsKeyAfter, newIdempotencyKey } from "../../lib/idempotency-key"
import {
  emptyTransferForm,
  hasErrors,
  newFormLine,
  toCreateBody,
  validateTransferForm,
  type TransferFormLine,
  type TransferFormValues,
} from "../../lib/transfer-form-values"
import type { TransferDetail } from "../../lib/transfer-types"
import { createTransfer } from "../../lib/transfers-api"
import { ShopSelect } from "../common/shop-select"
import { VariantPicker } from "./variant-picker"

type Props = {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** Start from this shop as the source (the board's shop filter). */
  sourceShopId?: string
  onCreated?: (transfer: TransferDetail) => void
}

/**
 * A new transfer: the source shop, lines (destination shop, variant, quantity), a reason; saved
 * as a draft or submitted as a request. The API's refusal shows on top.
 */
export const TransferFormModal = ({ open, onOpenChange, sourceShopId, onCreated }: Props) => {
  const { t } = useTranslation("mendian")
  const queryClient = useQueryClient()
  const [values, setValues] = useState<TransferFormValues>(() => emptyTransferForm(sourceShopId))
  const [submitted, setSubmitted] = useState(false)
  const [key, setKey] = useState(newIdempotencyKey)
  const errors = useMemo(() => (submitted ? validateTransferForm(values) : {}), [submitted, values])

  const mutation = useMutation({
    mutationFn: (submit: boolean) => createTransfer(toCreateBody(values, submit), key),
    onSuccess: ({ transfer }) => {
      queryClient.invalidateQueries({ queryKey: queryKeys.transfers })
      queryClient.setQueryData(queryKeys.transfer(transfer.id), transfer)
      toast.success(t("transfers.form.created", { number: transfer.number }))
      setKey(newIdempotencyKey())
      onCreated?.(transfer)
      onOpenChange(false)
    },
    // A refusal is stored under its key, so a corrected retry needs a new one; a lost answer or
    // a server error is retried as the same request.
    onError: (e) => {
      if (!keepsKeyAfter(e)) setKey(newIdempotencyKey())
    },
  })

  useEffect(() => {
    if (open) {
      setValues(emptyTransferForm(sourceShopId))
      setSubmitted(false)
      setKey(newIdempotencyKey())
      mutation.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])

  const send = (submit: boolean) => {
    setSubmitted(true)
    if (hasErrors(validateTransferForm(values))) return
    mutation.mutate(submit)
  }

  const setLine = (k: string, patch: Partial<TransferFormLine>) =>
    setValues((v) => ({ ...v, lines: v.lines.map((l) => (l.key === k ? { ...l, ...patch } : l)) }))
  const lineError = (k: string, f: "destination" | "variant" | "quantity") => {
    const e = errors.line?.[k]?.[f]
    return e ? t(`transfers.form.errors.${e === "required" ? f : e}`) : undefined
  }

  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content aria-describedby={undefined}>
        <FocusModal.Header>
          <div className="flex items-center justify-end gap-x-2">
            <FocusModal.Close asChild>
              <Button size="small" variant="secondary">
                {t("common.cancel")}
              </Button>
            </FocusModal.Close>
            <Button
              size="small"
              variant="secondary"
              onClick={() => send(false)}
              isLoading={mutation.isPending && mutation.variables === false}
              disabled={mutation.isPending}
              data-testid="transfer-form-draft"
            >
              {t("transfers.form.saveDraft")}
            </Button>
            <Button
              size="small"
              onClick={() => send(true)}
              isLoading={mutation.isPending && mutation.variables === true}
              disabled={mutation.isPending}
              data-testid="transfer-form-submit"
            >
              {t("transfers.form.submit")}
            </Button>
          </div>
        </FocusModal.Header>
        <FocusModal.Body className="flex flex-col items-center overflow-y-auto py-12">
          <div className="flex w-full max-w-[960px] flex-col gap-y-8 px-4" data-testid="transfer-form">
            <FocusModal.Title asChild>
              <Heading>{t("transfers.form.title")}</Heading>
            </FocusModal.Title>
            {mutation.error && (
              <Alert variant="error" dismissible={false} data-testid="transfer-form-error">
                {errorMessage(mutation.error, t("common.unknownError"))}
              </Alert>
            )}
            <div className="flex flex-col gap-y-2">
              <Label htmlFor="transfer-source" size="small" weight="plus">
                {t("transfers.form.source")}
              </Label>
              <ShopSelect
                id="transfer-source"
                size="base"
                className="w-full max-w-[420px]"
                value={values.sourceShopId || undefined}
                onChange={(v) => setValues((s) => ({ ...s, sourceShopId: v ?? "" }))}
                ariaLabel={t("transfers.form.source")}
                testId="transfer-source"
                invalid={!!errors.source}
              />
              {errors.source ? <Hint variant="error">{t("transfers.form.errors.source")}</Hint> : <Hint>{t("transfers.form.sourceHint")}</Hint>}
            </div>

            <div className="flex flex-col gap-y-3">
              <div className="flex items-center justify-between">
                <Text size="small" weight="plus">
                  {t("transfers.form.lines")}
                </Text>
                <Button
                  size="small"
                  variant="secondary"
                  type="button"
                  onClick={() => setValues((v) => ({ ...v, lines: [...v.lines, newFormLine(v.lines[v.lines.length - 1]?.destinationShopId)] }))}
                  data-testid="transfer-form-add-line"
                >
                  <Plus />
                  {t("transfers.form.addLine")}
                </Button>
              </div>
              {errors.lines && <Hint variant="error">{t("transfers.form.errors.lines")}</Hint>}
              <div className="border-ui-border-base rounded-lg border">
                <Table>
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell className="w-[300px]">{t("transfers.form.destination")}</Table.HeaderCell>
                      <Table.HeaderCell>{t("transfers.form.variant")}</Table.HeaderCell>
                      <Table.HeaderCell className="w-[120px]">{t("transfers.form.quantity")}</Table.HeaderCell>
                      <Table.HeaderCell className="w-10" />
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {values.lines.map((l, i) => (
                      <Table.Row key={l.key} className="align-top" data-testid="transfer-form-line" data-line-index={i}>
                        <Table.Cell className="py-2">
                          <ShopSelect
                            className="w-full"
                            value={l.destinationShopId || undefined}
                            onChange={(v) => setLine(l.key, { destinationShopId: v ?? "" })}
                            ariaLabel={t("transfers.form.destination")}
                            testId="transfer-line-destination"
                            invalid={!!lineError(l.key, "destination")}
                          />
                          {lineError(l.key, "destination") && <Hint variant="error">{lineError(l.key, "destination")}</Hint>}
                        </Table.Cell>
                        <Table.Cell className="py-2">
                          <VariantPicker
                            value={l.variant}
                            onChange={(variant) => setLine(l.key, { variant })}
                            invalid={!!lineError(l.key, "variant")}
                            testId="transfer-line-variant"
                          />
                          {lineError(l.key, "variant") && <Hint variant="error">{lineError(l.key, "variant")}</Hint>}
                        </Table.Cell>
                        <Table.Cell className="py-2">
                          <Input
                            size="small"
                            inputMode="numeric"
                            value={l.quantity}
                            onChange={(e) => setLine(l.key, { quantity: e.target.value })}
                            aria-label={t("transfers.form.quantity")}
                            aria-invalid={!!lineError(l.key, "quantity")}
                            data-testid="transfer-line-quantity"
                          />
                          {lineError(l.key, "quantity") && <Hint variant="error">{lineError(l.key, "quantity")}</Hint>}
                        </Table.Cell>
                        <Table.Cell className="py-2">
                          <IconButton
                            size="small"
                            variant="transparent"
                            type="button"
                            aria-label={t("transfers.form.removeLine")}
                            disabled={values.lines.length === 1}
                            onClick={() => setValues((v) => ({ ...v, lines: v.lines.filter((x) => x.key !== l.key) }))}
                          >
                            <Trash />
                          </IconButton>
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            </div>

            <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
              <div className="flex flex-col gap-y-2">
                <Label htmlFor="transfer-reason" size="small" weight="plus">
                  {t("transfers.form.reason")}
                </Label>
                <Input
                  id="transfer-reason"
                  value={values.reason}
                  placeholder={t("transfers.form.reasonPlaceholder")}
                  onChange={(e) => setValues((v) => ({ ...v, reason: e.target.value }))}
                  aria-invalid={!!errors.reason}
                />
                {errors.reason && <Hint variant="error">{t("transfers.form.errors.reason")}</Hint>}
              </div>
              <div className="flex flex-col gap-y-2">
                <Label htmlFor="transfer-note" size="small" weight="plus">
                  {t("transfers.form.note")}
                </Label>
                <Textarea id="transfer-note" rows={2} value={values.note} onChange={(e) => setValues((v) => ({ ...v, note: e.target.value }))} />
              </div>
            </div>
          </div>
        </FocusModal.Body>
      </FocusModal.Content>
    </FocusModal>
  )
}
