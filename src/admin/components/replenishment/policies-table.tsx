import { Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useLocale } from "../../hooks/use-locale"
import { formatCover, formatQuantity } from "../../lib/replenishment-format"
import type { StockPolicy } from "../../lib/replenishment-types"
import { ForecastSparkline } from "./forecast-sparkline"
import { OverrideMarkers, PolicyStatusBadge } from "./status-badges"
import { VariantCell } from "./variant-cell"

/** Beyond a year the exact number of days says nothing more. */
const MAX_DAYS_SHOWN = 365

type Props = { policies: StockPolicy[]; onOpen: (policy: StockPolicy) => void }

/** One row per variant at the shop: how it sells, what the run decided, what is on hand. */
export const PoliciesTable = ({ policies, onOpen }: Props) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const q = (v: number | null | undefined) => formatQuantity(v, locale)
  const num = "text-right tabular-nums"
  return (
    <div className="overflow-x-auto">
      <Table data-testid="policies-table" className="whitespace-nowrap">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t("replenishment.policies.columns.variant")}</Table.HeaderCell>
            <Table.HeaderCell>{t("replenishment.policies.columns.demandClass")}</Table.HeaderCell>
            <Table.HeaderCell>{t("replenishment.policies.columns.forecast")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>{t("replenishment.policies.columns.safetyStock")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>{t("replenishment.policies.columns.reorderPoint")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>{t("replenishment.policies.columns.orderUpTo")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>{t("replenishment.policies.columns.onHand")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>{t("replenishment.policies.columns.daysOfCover")}</Table.HeaderCell>
            <Table.HeaderCell>{t("replenishment.policies.columns.status")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {policies.map((p) => {
            const days = formatCover(p.days_of_cover, locale)
            const cover =
              days === null
                ? "–"
                : p.days_of_cover! > MAX_DAYS_SHOWN
                  ? t("replenishment.policies.daysOver", { value: MAX_DAYS_SHOWN })
                  : t("replenishment.policies.days", { value: days })
            return (
              <Table.Row
                key={p.id}
                className="cursor-pointer"
                data-policy-id={p.id}
                data-sku={p.variant?.sku ?? undefined}
                onClick={() => onOpen(p)}
                title={t("replenishment.policies.edit")}
              >
                <Table.Cell>
                  <VariantCell variantId={p.variant_id} variant={p.variant} />
                </Table.Cell>
                <Table.Cell>
                  <div className="flex flex-col">
                    <span>{p.demand_class ? t(`replenishment.demandClass.${p.demand_class}`, { defaultValue: p.demand_class }) : "–"}</span>
                    {p.method && <span className="text-ui-fg-subtle txt-compact-xsmall font-mono">{p.method}</span>}
                  </div>
                </Table.Cell>
                <Table.Cell>
                  <ForecastSparkline forecast={p.forecast} />
                </Table.Cell>
                <Table.Cell className={num}>{q(p.safety_stock)}</Table.Cell>
                <Table.Cell className={num}>{q(p.reorder_point)}</Table.Cell>
                <Table.Cell className={num}>{q(p.order_up_to)}</Table.Cell>
                <Table.Cell className={num}>{q(p.on_hand)}</Table.Cell>
                <Table.Cell className={num}>{cover}</Table.Cell>
                <Table.Cell>
                  {/* The merchant's overrides sit under the status: the row stays narrow enough to fit. */}
                  <div className="flex flex-col items-start gap-y-1">
                    <PolicyStatusBadge status={p.status} />
                    <OverrideMarkers applied={p.overrides_applied} />
                  </div>
                </Table.Cell>
              </Table.Row>
            )
          })}
        </Table.Body>
      </Table>
      {policies.length === 0 && (
        <Text size="small" className="text-ui-fg-muted border-ui-border-base border-b px-6 py-8 text-center">
          {t("replenishment.policies.empty")}
        </Text>
      )}
    </div>
  )
}
