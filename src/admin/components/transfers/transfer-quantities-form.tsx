import { Button, Heading, Hint, Input, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useLocale } from "../../hooks/use-locale"
import { formatQuantity } from "../../lib/replenishment-format"
import { quantityBody, quantityLines } from "../../lib/transfer-rules"
import type { LineQuantityInput, TransferLine } from "../../lib/transfer-types"
import { VariantCell } from "../replenishment/variant-cell"
import { PlaceCell } from "./place-cell"
import { TransferActionError } from "./transfer-action-error"

type Props = {
  action: "approve" | "ship"
  lines: TransferLine[]
  pending: boolean
  error: unknown
  onSubmit: (lines: LineQuantityInput[]) => void
  onCancel: () => void
}

/**
 * Approve (every line, up to what was requested; 0 rejects it) or ship (the approved lines, up
 * to what was approved), each line's quantity editable and filled with the most it may take.
 */
export const TransferQuantitiesForm = ({ action, lines, pending, error, onSubmit, onCancel }: Props) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const rows = quantityLines(action, lines)
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(rows.map((r) => [r.line.id, String(r.initial)])))
  const [submitted, setSubmitted] = useState(false)
  const result = quantityBody(action, lines, values)
  const shown = submitted ? result : { errors: {} as typeof result.errors, nothing: false }
  const num = "text-right tabular-nums"

  return (
    <form
      className="divide-y"
      noValidate
      data-testid={`transfer-${action}-form`}
      onSubmit={(e) => {
        e.preventDefault()
        setSubmitted(true)
        if (!Object.keys(result.errors).length && !result.nothing) onSubmit(result.lines)
      }}
    >
      <div className="px-6 py-4">
        <Heading level="h2">{t(action === "approve" ? "transfers.quantities.approveTitle" : "transfers.quantities.shipTitle")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t(action === "approve" ? "transfers.quantities.approveDescription" : "transfers.quantities.shipDescription")}
        </Text>
      </div>
      {!!error && (
        <div className="px-6 py-4">
          <TransferActionError error={error} />
        </div>
      )}
      <div className="overflow-x-auto">
        <Table className="whitespace-nowrap">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("transfers.lines.variant")}</Table.HeaderCell>
              <Table.HeaderCell>{t("transfers.lines.destination")}</Table.HeaderCell>
              <Table.HeaderCell className={num}>{t(action === "approve" ? "transfers.lines.requested" : "transfers.lines.approved")}</Table.HeaderCell>
              <Table.HeaderCell className="w-[180px]">{t(action === "approve" ? "transfers.lines.approved" : "transfers.lines.shipped")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map(({ line, max }) => {
              const err = shown.errors[line.id]
              return (
                <Table.Row key={line.id} data-line-id={line.id} data-sku={line.variant?.sku ?? undefined}>
                  <Table.Cell>
                    <VariantCell variantId={line.variant_id} variant={line.variant} />
                  </Table.Cell>
                  <Table.Cell>
                    <PlaceCell place={line.destination} />
                  </Table.Cell>
                  <Table.Cell className={num}>{formatQuantity(max, locale)}</Table.Cell>
                  <Table.Cell className="py-2">
                    <div className="flex items-center gap-x-2">
                      <Input
                        size="small"
                        inputMode="numeric"
                        className="w-[90px]"
                        value={values[line.id] ?? ""}
                        onChange={(e) => setValues((v) => ({ ...v, [line.id]: e.target.value }))}
                        aria-label={t(action === "approve" ? "transfers.lines.approved" : "transfers.lines.shipped")}
                        aria-invalid={!!err}
                        data-testid="line-quantity"
                      />
                      <Text size="small" className="text-ui-fg-muted">
                        {t("transfers.quantities.max", { max: formatQuantity(max, locale) })}
                      </Text>
                    </div>
                    {err && <Hint variant="error">{t(`transfers.quantities.errors.${err}`, { max: formatQuantity(max, locale) })}</Hint>}
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      </div>
      {shown.nothing && (
        <div className="px-6 py-3">
          <Hint variant="error">{t("transfers.quantities.errors.nothing")}</Hint>
        </div>
      )}
      <div className="flex items-center justify-end gap-x-2 px-6 py-4">
        <Button size="small" variant="secondary" type="button" onClick={onCancel} disabled={pending}>
          {t("transfers.actions.back")}
        </Button>
        <Button size="small" type="submit" isLoading={pending} data-testid={`transfer-${action}-submit`}>
          {t(action === "approve" ? "transfers.quantities.submitApprove" : "transfers.quantities.submitShip")}
        </Button>
      </div>
    </form>
  )
}
