import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Plus, TruckFast } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Tabs, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { LoadError } from "../../components/common/query-state"
import { TablePagination } from "../../components/common/table-pagination"
import { TranslatedCrumb } from "../../components/common/translated-crumb"
import { TransfersFilters } from "../../components/transfers/transfers-filters"
import { TransfersTable } from "../../components/transfers/transfers-table"
import { useLocale } from "../../hooks/use-locale"
import { TRANSFERS_PAGE_SIZE, useTransferFilters } from "../../hooks/use-transfer-filters"
import { useTransferTabCounts, useTransfers } from "../../hooks/use-transfers"
import { formatQuantity } from "../../lib/replenishment-format"
import { BOARD_TABS, parseTab, statusFilter } from "../../lib/transfer-rules"

/** Sidebar "Transfers": the documents by status, for one shop or all, searchable by number. */
const TransfersPage = () => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const { filters, update } = useTransferFilters()
  const where = { shop_id: filters.shop_id, q: filters.q }
  const list = useTransfers({
    ...where,
    status: statusFilter(filters.tab),
    limit: TRANSFERS_PAGE_SIZE,
    offset: filters.page * TRANSFERS_PAGE_SIZE,
  })
  const counts = useTransferTabCounts(where)
  const create = filters.shop_id ? `/transfers/create?source_shop_id=${filters.shop_id}` : "/transfers/create"

  return (
    <Container className="divide-y p-0" data-testid="transfers-page" data-tab={filters.tab}>
      <div className="flex flex-wrap items-start justify-between gap-3 px-6 py-4">
        <div>
          <Heading>{t("transfers.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("transfers.subtitle")}
          </Text>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button size="small" variant="secondary" asChild>
            <Link to="/transfer-plans" data-testid="transfers-planner-link">
              {t("planner.nav")}
            </Link>
          </Button>
          <Button size="small" variant="secondary" asChild>
            <Link to="/delivery-runs" data-testid="transfers-runs-link">
              {t("deliveryRuns.nav")}
            </Link>
          </Button>
          <Button size="small" variant="primary" asChild>
            <Link to={create} data-testid="transfers-create">
              <Plus />
              {t("transfers.create")}
            </Link>
          </Button>
        </div>
      </div>
      <TransfersFilters filters={filters} onChange={update} />
      <Tabs value={filters.tab} onValueChange={(v) => update({ tab: parseTab(v) ?? "requested" })}>
        <div className="overflow-x-auto px-6 py-3">
          <Tabs.List>
            {BOARD_TABS.map((k) => (
              <Tabs.Trigger key={k} value={k} data-testid={`transfers-tab-${k}`} className="gap-x-1.5">
                {t(`transfers.tabs.${k}`)}
                {counts[k] !== undefined && (
                  <Badge size="2xsmall" className="tabular-nums" data-testid={`transfers-count-${k}`}>
                    {formatQuantity(counts[k], locale)}
                  </Badge>
                )}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
        </div>
      </Tabs>
      {list.error ? (
        <div className="px-6 py-4">
          <LoadError error={list.error} />
        </div>
      ) : (
        <div className={list.isFetching ? "opacity-70 transition-opacity" : undefined}>
          <TransfersTable transfers={list.data?.transfers ?? []} />
          <TablePagination
            count={list.data?.count ?? 0}
            pageIndex={filters.page}
            pageSize={TRANSFERS_PAGE_SIZE}
            onPageChange={(page) => update({ page })}
          />
        </div>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "nav.transfers",
  translationNs: "mendian",
  icon: TruckFast,
})

export const handle = {
  breadcrumb: () => <TranslatedCrumb k="nav.transfers" />,
}

export default TransfersPage
