import { Table, Text } from "@medusajs/ui"
import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { Link, useNavigate } from "react-router-dom"
import { useLocale } from "../../hooks/use-locale"
import { usePlaces } from "../../hooks/use-places"
import { formatQuantity, formatShortDateTime } from "../../lib/replenishment-format"
import type { TransferSummary } from "../../lib/transfer-types"
import { HintLabel } from "../common/hint-label"
import { PlaceCell } from "./place-cell"
import { TransferStatusBadge } from "./transfer-status-badge"

/** One row per transfer: number, status, source, how many lines and destinations, units. */
export const TransfersTable = ({ transfers }: { transfers: TransferSummary[] }) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const navigate = useNavigate()
  const place = usePlaces(useMemo(() => transfers.map((tr) => tr.source_location_id), [transfers]))
  const q = (v: number | null | undefined) => formatQuantity(v, locale)
  const num = "text-right tabular-nums"
  const col = (k: string) => t(`transfers.columns.${k}`)
  return (
    <div className="overflow-x-auto">
      <Table data-testid="transfers-table" className="whitespace-nowrap">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{col("number")}</Table.HeaderCell>
            <Table.HeaderCell>{col("status")}</Table.HeaderCell>
            <Table.HeaderCell>{col("source")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>{col("lines")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>{col("destinations")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>
              <HintLabel label={col("requested")} hint={t("transfers.unitsHint")} />
            </Table.HeaderCell>
            <Table.HeaderCell className={num}>{col("shipped")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>{col("received")}</Table.HeaderCell>
            <Table.HeaderCell>{col("created")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {transfers.map((tr) => (
            <Table.Row
              key={tr.id}
              className="cursor-pointer"
              onClick={() => navigate(`/transfers/${tr.id}`)}
              data-transfer-id={tr.id}
              data-transfer-number={tr.number}
              data-status={tr.status}
            >
              <Table.Cell>
                <Link to={`/transfers/${tr.id}`} onClick={(e) => e.stopPropagation()} className="font-mono hover:underline">
                  {tr.number}
                </Link>
              </Table.Cell>
              <Table.Cell>
                <TransferStatusBadge status={tr.status} />
              </Table.Cell>
              <Table.Cell>
                <PlaceCell place={null} fallback={place(tr.source_location_id)} />
              </Table.Cell>
              <Table.Cell className={num}>{q(tr.line_count)}</Table.Cell>
              <Table.Cell className={num}>{q(tr.destination_count)}</Table.Cell>
              <Table.Cell className={`${num} font-medium`}>{q(tr.units_requested)}</Table.Cell>
              <Table.Cell className={num}>{q(tr.units_shipped)}</Table.Cell>
              <Table.Cell className={num}>{q(tr.units_received)}</Table.Cell>
              <Table.Cell className="text-ui-fg-subtle">{formatShortDateTime(tr.created_at, locale)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {transfers.length === 0 && (
        <Text size="small" className="text-ui-fg-muted border-ui-border-base border-b px-6 py-8 text-center">
          {t("transfers.empty")}
        </Text>
      )}
    </div>
  )
}
