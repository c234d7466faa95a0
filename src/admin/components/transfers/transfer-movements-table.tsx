import { Table, Text } from "@medusajs/ui"
import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { useLocale } from "../../hooks/use-locale"
import { usePlaces } from "../../hooks/use-places"
import { formatDateTime } from "../../lib/format"
import { formatQuantity } from "../../lib/replenishment-format"
import { formatDelta } from "../../lib/transfer-format"
import type { TransferLine, TransferMovement } from "../../lib/transfer-types"
import { HintLabel } from "../common/hint-label"
import { useActorName } from "./transfer-header"
import { PlaceCell } from "./place-cell"

/** Every change the document made to an inventory level, in the order it was written. */
export const TransferMovementsTable = ({ movements, lines }: { movements: TransferMovement[]; lines: TransferLine[] }) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const actorName = useActorName()
  const place = usePlaces(useMemo(() => movements.map((m) => m.location_id), [movements]))
  const lineById = useMemo(() => new Map(lines.map((l) => [l.id, l] as const)), [lines])
  const num = "text-right tabular-nums"
  const deltaClass = (v: number) => `${num} ${v > 0 ? "text-ui-fg-interactive" : v < 0 ? "text-ui-fg-error" : "text-ui-fg-muted"}`
  const col = (k: string) => t(`transfers.movements.${k}`)

  if (!movements.length) {
    return (
      <Text size="small" className="text-ui-fg-muted px-6 py-8 text-center" data-testid="transfer-movements-empty">
        {t("transfers.detail.noMovements")}
      </Text>
    )
  }
  return (
    <div className="overflow-x-auto">
      <Table data-testid="transfer-movements" className="whitespace-nowrap">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{col("time")}</Table.HeaderCell>
            <Table.HeaderCell>{col("action")}</Table.HeaderCell>
            <Table.HeaderCell>{col("kind")}</Table.HeaderCell>
            <Table.HeaderCell>{col("variant")}</Table.HeaderCell>
            <Table.HeaderCell>{col("location")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>{col("quantity")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>
              <HintLabel label={col("stocked")} hint={t("transfers.movements.deltasHint")} />
            </Table.HeaderCell>
            <Table.HeaderCell className={num}>{col("reserved")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>{col("incoming")}</Table.HeaderCell>
            <Table.HeaderCell>{col("actor")}</Table.HeaderCell>
            <Table.HeaderCell>{col("reason")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {movements.map((m) => {
            const line = m.line_id ? lineById.get(m.line_id) : undefined
            return (
              <Table.Row key={m.id} data-movement-seq={m.seq} data-action={m.action} data-kind={m.kind}>
                <Table.Cell className="text-ui-fg-subtle">{formatDateTime(m.created_at, locale)}</Table.Cell>
                <Table.Cell>{t(`transfers.action.${m.action}`, { defaultValue: m.action })}</Table.Cell>
                <Table.Cell>{t(`transfers.movementKind.${m.kind}`, { defaultValue: m.kind })}</Table.Cell>
                <Table.Cell className="font-mono">{line?.variant?.sku ?? "–"}</Table.Cell>
                <Table.Cell>
                  <PlaceCell place={null} fallback={place(m.location_id)} />
                </Table.Cell>
                <Table.Cell className={num} data-field="quantity">{formatQuantity(m.quantity, locale)}</Table.Cell>
                <Table.Cell className={deltaClass(m.delta_stocked)} data-field="stocked">{formatDelta(m.delta_stocked, locale)}</Table.Cell>
                <Table.Cell className={deltaClass(m.delta_reserved)} data-field="reserved">{formatDelta(m.delta_reserved, locale)}</Table.Cell>
                <Table.Cell className={deltaClass(m.delta_incoming)} data-field="incoming">{formatDelta(m.delta_incoming, locale)}</Table.Cell>
                <Table.Cell className="text-ui-fg-subtle">{actorName(m.actor)}</Table.Cell>
                <Table.Cell className="text-ui-fg-subtle max-w-[240px] truncate" title={m.reason ?? undefined}>
                  {m.reason ?? "–"}
                </Table.Cell>
              </Table.Row>
            )
          })}
        </Table.Body>
      </Table>
    </div>
  )
}
