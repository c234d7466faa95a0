import { Checkbox, Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useLocale } from "../../hooks/use-locale"
import { formatQuantity, formatShortDateTime } from "../../lib/replenishment-format"
import type { Proposal } from "../../lib/replenishment-types"
import { HintLabel } from "../common/hint-label"
import { ProposalStatusBadge } from "./status-badges"
import { VariantCell } from "./variant-cell"

type Props = {
  proposals: Proposal[]
  isSelected: (id: string) => boolean
  onToggle: (id: string, on: boolean) => void
  allState: boolean | "indeterminate"
  onToggleAll: (on: boolean) => void
}

/** Suggested orders with the inventory position each was computed from. */
export const ProposalsTable = ({ proposals, isSelected, onToggle, allState, onToggleAll }: Props) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const q = (v: number | null | undefined) => formatQuantity(v, locale)
  const num = "text-right tabular-nums"
  const col = (k: string) => t(`replenishment.proposals.columns.${k}`)
  return (
    <div className="overflow-x-auto">
      <Table data-testid="proposals-table" className="whitespace-nowrap">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell className="w-8">
              <Checkbox
                checked={allState}
                onCheckedChange={(v) => onToggleAll(v === true)}
                aria-label={t("replenishment.proposals.selectAll")}
                disabled={proposals.length === 0}
                data-testid="proposals-select-all"
              />
            </Table.HeaderCell>
            <Table.HeaderCell>{col("variant")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>{col("quantity")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>
              <HintLabel label={col("position")} hint={t("replenishment.proposals.positionHint")} />
            </Table.HeaderCell>
            <Table.HeaderCell className={num}>{col("onHand")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>{col("reserved")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>{col("incoming")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>
              <HintLabel label={col("pending")} hint={t("replenishment.proposals.pendingHint")} />
            </Table.HeaderCell>
            <Table.HeaderCell className={num}>{col("reorderPoint")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>{col("orderUpTo")}</Table.HeaderCell>
            <Table.HeaderCell>{col("reason")}</Table.HeaderCell>
            <Table.HeaderCell>{col("status")}</Table.HeaderCell>
            <Table.HeaderCell>{col("created")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {proposals.map((p) => (
            <Table.Row key={p.id} data-proposal-id={p.id} data-status={p.status} data-sku={p.variant?.sku ?? undefined}>
              <Table.Cell>
                <Checkbox
                  checked={isSelected(p.id)}
                  onCheckedChange={(v) => onToggle(p.id, v === true)}
                  aria-label={t("replenishment.proposals.selectRow")}
                />
              </Table.Cell>
              <Table.Cell>
                <VariantCell variantId={p.variant_id} variant={p.variant} />
              </Table.Cell>
              <Table.Cell className={`${num} font-medium`}>{q(p.quantity)}</Table.Cell>
              <Table.Cell className={num}>{q(p.position)}</Table.Cell>
              <Table.Cell className={`${num} text-ui-fg-subtle`}>{q(p.on_hand)}</Table.Cell>
              <Table.Cell className={`${num} text-ui-fg-subtle`}>{q(p.reserved)}</Table.Cell>
              <Table.Cell className={`${num} text-ui-fg-subtle`}>{q(p.incoming)}</Table.Cell>
              <Table.Cell className={`${num} text-ui-fg-subtle`}>{q(p.pending)}</Table.Cell>
              <Table.Cell className={num}>{q(p.reorder_point)}</Table.Cell>
              <Table.Cell className={num}>{q(p.order_up_to)}</Table.Cell>
              <Table.Cell className="text-ui-fg-subtle">
                {p.reason ? t(`replenishment.proposals.reason.${p.reason}`, { defaultValue: p.reason }) : "–"}
              </Table.Cell>
              <Table.Cell>
                <ProposalStatusBadge status={p.status} />
              </Table.Cell>
              <Table.Cell className="text-ui-fg-subtle">{formatShortDateTime(p.created_at, locale)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {proposals.length === 0 && (
        <Text size="small" className="text-ui-fg-muted border-ui-border-base border-b px-6 py-8 text-center">
          {t("replenishment.proposals.empty")}
        </Text>
      )}
    </div>
  )
}
