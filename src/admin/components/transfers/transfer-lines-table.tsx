import { Table } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useLocale } from "../../hooks/use-locale"
import { useShopsById } from "../../hooks/use-places"
import { formatQuantity } from "../../lib/replenishment-format"
import { formatInZone } from "../../lib/transfer-format"
import type { TransferLine } from "../../lib/transfer-types"
import { HintLabel } from "../common/hint-label"
import { VariantCell } from "../replenishment/variant-cell"
import { PlaceCell } from "./place-cell"
import { LineStatusBadge } from "./transfer-status-badge"

/** Every line with each of its quantities and when it is due, in the destination's clock. */
export const TransferLinesTable = ({ lines }: { lines: TransferLine[] }) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const shops = useShopsById()
  const num = "text-right tabular-nums"
  const q = (v: number) => (v ? formatQuantity(v, locale) : <span className="text-ui-fg-muted">0</span>)
  const col = (k: string) => t(`transfers.lines.${k}`)
  return (
    <div className="overflow-x-auto">
      <Table data-testid="transfer-lines" className="whitespace-nowrap">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{col("variant")}</Table.HeaderCell>
            <Table.HeaderCell>{col("destination")}</Table.HeaderCell>
            <Table.HeaderCell>{col("status")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>{col("requested")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>{col("approved")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>{col("shipped")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>{col("received")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>
              <HintLabel label={col("over")} hint={t("transfers.lines.overHint")} />
            </Table.HeaderCell>
            <Table.HeaderCell className={num}>{col("damaged")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>
              <HintLabel label={col("rejected")} hint={t("transfers.lines.rejectedHint")} />
            </Table.HeaderCell>
            <Table.HeaderCell className={num}>
              <HintLabel label={col("closedShort")} hint={t("transfers.lines.closedShortHint")} />
            </Table.HeaderCell>
            <Table.HeaderCell className={num}>{col("inTransit")}</Table.HeaderCell>
            <Table.HeaderCell>
              <HintLabel label={col("expected")} hint={t("transfers.lines.expectedHint")} />
            </Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {lines.map((l) => {
            const zone = l.destination.shop_id ? shops.get(l.destination.shop_id)?.timezone : undefined
            return (
              <Table.Row key={l.id} data-line-id={l.id} data-sku={l.variant?.sku ?? undefined} data-status={l.status}>
                <Table.Cell>
                  <VariantCell variantId={l.variant_id} variant={l.variant} />
                </Table.Cell>
                <Table.Cell>
                  <PlaceCell place={l.destination} />
                </Table.Cell>
                <Table.Cell>
                  <LineStatusBadge status={l.status} />
                </Table.Cell>
                <Table.Cell className={num} data-field="requested">{q(l.quantity_requested)}</Table.Cell>
                <Table.Cell className={num} data-field="approved">{q(l.quantity_approved)}</Table.Cell>
                <Table.Cell className={num} data-field="shipped">{q(l.quantity_shipped)}</Table.Cell>
                <Table.Cell className={`${num} font-medium`} data-field="received">{q(l.quantity_received)}</Table.Cell>
                <Table.Cell className={num} data-field="over">{q(l.quantity_over)}</Table.Cell>
                <Table.Cell className={num} data-field="damaged">{q(l.quantity_damaged)}</Table.Cell>
                <Table.Cell className={num} data-field="rejected">{q(l.quantity_rejected)}</Table.Cell>
                <Table.Cell className={num} data-field="closed_short">{q(l.quantity_closed_short)}</Table.Cell>
                <Table.Cell className={`${num} font-medium`} data-field="in_transit">{q(l.quantity_in_transit)}</Table.Cell>
                <Table.Cell className="text-ui-fg-subtle" data-field="expected" title={zone}>
                  {formatInZone(l.expected_at, zone, locale)}
                </Table.Cell>
              </Table.Row>
            )
          })}
        </Table.Body>
      </Table>
    </div>
  )
}
