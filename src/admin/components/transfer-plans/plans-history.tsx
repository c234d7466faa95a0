import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useLocale } from "../../hooks/use-locale"
import { formatMoney, formatNumber } from "../../lib/format"
import { savingPercent } from "../../lib/planner-format"
import type { PlanSummary } from "../../lib/planner-types"
import { formatShortDateTime } from "../../lib/replenishment-format"
import { TablePagination } from "../common/table-pagination"
import { PlanStatusBadge } from "./plan-summary"
import { PLANS_PAGE_SIZE, usePlans } from "./use-planner"

/** GET /admin/transfer-plans, newest first; a row opens that plan. */
export const PlansHistory = ({ page, onPage, onOpen, current }: { page: number; onPage: (p: number) => void; onOpen: (id: string) => void; current?: string }) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const list = usePlans(page * PLANS_PAGE_SIZE)
  const plans = list.data?.transfer_plans ?? []
  const money = (v: number | null) => (v === null ? "–" : formatMoney(v, "cny", locale))
  const col = (k: string) => t(`planner.history.${k}`)
  const scope = (p: PlanSummary) =>
    p.scope?.territory_id ? col("scopeTerritory") : p.scope?.shop_ids?.length ? t("planner.history.scopeShops", { count: p.scope.shop_ids.length }) : col("scopeChain")
  const num = "text-right tabular-nums"
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">{col("title")}</Heading>
      </div>
      <div className="overflow-x-auto">
        <Table data-testid="plans-history" className="whitespace-nowrap">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{col("when")}</Table.HeaderCell>
              <Table.HeaderCell>{col("status")}</Table.HeaderCell>
              <Table.HeaderCell>{col("scope")}</Table.HeaderCell>
              <Table.HeaderCell className={num}>{col("cost")}</Table.HeaderCell>
              <Table.HeaderCell className={num}>{col("baseline")}</Table.HeaderCell>
              <Table.HeaderCell className={num}>{col("saving")}</Table.HeaderCell>
              <Table.HeaderCell className={num}>{col("transfers")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {plans.map((p) => {
              const s = savingPercent(p.total_cost, p.baseline_cost)
              return (
                <Table.Row key={p.id} className={`cursor-pointer ${p.id === current ? "bg-ui-bg-highlight" : ""}`} onClick={() => onOpen(p.id)} data-plan-id={p.id} data-status={p.status}>
                  <Table.Cell>{formatShortDateTime(p.created_at, locale)}</Table.Cell>
                  <Table.Cell>
                    <PlanStatusBadge status={p.status} />
                  </Table.Cell>
                  <Table.Cell>{scope(p)}</Table.Cell>
                  <Table.Cell className={num}>{money(p.total_cost)}</Table.Cell>
                  <Table.Cell className={num}>{money(p.baseline_cost)}</Table.Cell>
                  <Table.Cell className={num}>{s === null ? "–" : `${formatNumber(Math.round(s * 10) / 10, locale)} %`}</Table.Cell>
                  <Table.Cell className={num}>{formatNumber(p.transfer_ids?.length ?? 0, locale)}</Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      </div>
      {plans.length === 0 && !list.isLoading && (
        <Text size="small" className="text-ui-fg-muted px-6 py-6 text-center">
          {col("empty")}
        </Text>
      )}
      <TablePagination count={list.data?.count ?? 0} pageIndex={page} pageSize={PLANS_PAGE_SIZE} onPageChange={onPage} />
    </Container>
  )
}
