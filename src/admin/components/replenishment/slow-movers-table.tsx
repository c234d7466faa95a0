import { Checkbox, Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useLocale } from "../../hooks/use-locale"
import { formatCalendarDate } from "../../lib/format"
import { formatCover, formatQuantity, formatShare } from "../../lib/replenishment-format"
import type { SlowMover } from "../../lib/replenishment-types"
import { VariantCell } from "./variant-cell"

type Props = {
  rows: SlowMover[]
  weeks: number
  isSelected: (variantId: string) => boolean
  onToggle: (variantId: string, on: boolean) => void
  allState: boolean | "indeterminate"
  onToggleAll: (on: boolean) => void
}

/** Variants whose stock lasts long at the current pace; selectable for a clearance promotion. */
export const SlowMoversTable = ({ rows, weeks, isSelected, onToggle, allState, onToggleAll }: Props) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const num = "text-right tabular-nums"
  const col = (k: string) => t(`replenishment.slowMovers.columns.${k}`, { weeks })
  return (
    <div className="overflow-x-auto">
      <Table data-testid="slow-movers-table" className="whitespace-nowrap">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell className="w-8">
              <Checkbox
                checked={allState}
                onCheckedChange={(v) => onToggleAll(v === true)}
                aria-label={t("replenishment.proposals.selectAll")}
                disabled={rows.length === 0}
                data-testid="slow-movers-select-all"
              />
            </Table.HeaderCell>
            <Table.HeaderCell>{col("variant")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>{col("onHand")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>{col("sold")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>{col("weeksOfCover")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>{col("sellThrough")}</Table.HeaderCell>
            <Table.HeaderCell>{col("lastSale")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((r) => {
            const cover = formatCover(r.weeks_of_cover, locale)
            return (
              <Table.Row key={`${r.variant_id}|${r.location_id}`} data-variant-id={r.variant_id} data-sku={r.variant?.sku ?? undefined}>
                <Table.Cell>
                  <Checkbox
                    checked={isSelected(r.variant_id)}
                    onCheckedChange={(v) => onToggle(r.variant_id, v === true)}
                    aria-label={t("replenishment.proposals.selectRow")}
                  />
                </Table.Cell>
                <Table.Cell>
                  <VariantCell variantId={r.variant_id} variant={r.variant} />
                </Table.Cell>
                <Table.Cell className={num}>{formatQuantity(r.on_hand, locale)}</Table.Cell>
                <Table.Cell className={num}>{formatQuantity(r.sold, locale)}</Table.Cell>
                <Table.Cell className={num}>
                  {cover ? t("replenishment.slowMovers.weeks", { value: cover }) : t("replenishment.slowMovers.noSales")}
                </Table.Cell>
                <Table.Cell className={num}>{formatShare(r.sell_through, locale)}</Table.Cell>
                <Table.Cell className="text-ui-fg-subtle">
                  {r.last_sale_date ? formatCalendarDate(r.last_sale_date.slice(0, 10), locale) : t("replenishment.slowMovers.never")}
                </Table.Cell>
              </Table.Row>
            )
          })}
        </Table.Body>
      </Table>
      {rows.length === 0 && (
        <Text size="small" className="text-ui-fg-muted border-ui-border-base border-b px-6 py-8 text-center">
          {t("replenishment.slowMovers.empty")}
        </Text>
      )}
    </div>
  )
}
