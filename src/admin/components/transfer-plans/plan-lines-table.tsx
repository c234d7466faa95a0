import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useLocale } from "../../hooks/use-locale"
import { formatMoney, formatNumber } from "../../lib/format"
import { placeLabel } from "../../lib/planner-format"
import type { PlanVariant, PlanView } from "../../lib/planner-types"

const VariantCell = ({ variant, id }: { variant?: PlanVariant; id: string }) => (
  <div className="flex min-w-0 flex-col">
    <span className="truncate">{variant?.product_title ?? variant?.title ?? id}</span>
    <span className="text-ui-fg-subtle txt-compact-xsmall truncate">
      {variant?.product_title && variant?.title ? `${variant.title} · ` : ""}
      {variant?.sku && <span className="font-mono">{variant.sku}</span>}
    </span>
  </div>
)

/** Every line of the plan with its cost breakdown and next-best source; then what stays unmet. */
export const PlanLinesTable = ({ plan }: { plan: PlanView }) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const money = (v: number) => formatMoney(v, "cny", locale)
  const km = (v: number) => formatNumber(Math.round(v * 10) / 10, locale)
  const place = (id: string) => placeLabel(plan.places, id)
  const num = "text-right tabular-nums"
  const col = (k: string) => t(`planner.lines.${k}`)
  const { lines, unmet } = plan.result
  if (!lines.length && !unmet.length) return null
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">{col("title")}</Heading>
      </div>
      <div className="overflow-x-auto">
        <Table data-testid="plan-lines" className="whitespace-nowrap">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{col("from")}</Table.HeaderCell>
              <Table.HeaderCell>{col("to")}</Table.HeaderCell>
              <Table.HeaderCell>{col("variant")}</Table.HeaderCell>
              <Table.HeaderCell className={num}>{col("quantity")}</Table.HeaderCell>
              <Table.HeaderCell className={num}>{col("km")}</Table.HeaderCell>
              <Table.HeaderCell className={num}>{col("cost")}</Table.HeaderCell>
              <Table.HeaderCell className={num}>{col("breakdown")}</Table.HeaderCell>
              <Table.HeaderCell>{col("nextBest")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {lines.map((l, i) => (
              <Table.Row key={i} data-from={place(l.from)} data-to={place(l.to)} data-sku={plan.variants[l.variant]?.sku ?? undefined}>
                <Table.Cell className="font-mono" title={plan.places[l.from]?.name}>
                  {place(l.from)}
                </Table.Cell>
                <Table.Cell className="font-mono" title={plan.places[l.to]?.name}>
                  {place(l.to)}
                </Table.Cell>
                <Table.Cell className="max-w-[280px]">
                  <VariantCell variant={plan.variants[l.variant]} id={l.variant} />
                </Table.Cell>
                <Table.Cell className={`${num} font-medium`} data-field="quantity">
                  {formatNumber(l.quantity, locale)}
                </Table.Cell>
                <Table.Cell className={num}>{km(l.breakdown.distance_km)}</Table.Cell>
                <Table.Cell className={num} data-field="cost">
                  {money(l.cost)}
                </Table.Cell>
                <Table.Cell className={`${num} text-ui-fg-subtle`}>
                  {money(l.breakdown.handling)} + {money(l.breakdown.distance_cost)}
                </Table.Cell>
                <Table.Cell className="text-ui-fg-subtle" data-field="next-best">
                  {l.next_best
                    ? t("planner.lines.nextBestValue", { code: place(l.next_best.from), cost: money(l.next_best.unit_cost), spare: formatNumber(l.next_best.spare, locale) })
                    : col("none")}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {unmet.length > 0 && (
        <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="plan-unmet-lines">
          <Text size="small" weight="plus">
            {col("unmetTitle")}
          </Text>
          <ul className="flex flex-col gap-y-1">
            {unmet.map((u, i) => (
              <li key={i} className="txt-compact-small flex flex-wrap items-center gap-x-3">
                <span className="font-mono">{place(u.shop)}</span>
                <span className="max-w-[280px]">
                  <VariantCell variant={plan.variants[u.variant]} id={u.variant} />
                </span>
                <span className="tabular-nums font-medium">{formatNumber(u.quantity, locale)}</span>
                <span className="text-ui-fg-subtle">
                  {col("cheapest")}: {u.cheapest_unit_cost === null ? col("noSource") : money(u.cheapest_unit_cost)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Container>
  )
}
