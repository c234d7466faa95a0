import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Calendar, Plus } from "@medusajs/icons"
import { Button, Container, Heading, Select, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link, useSearchParams } from "react-router-dom"
import { LoadError } from "../../components/common/query-state"
import { TablePagination } from "../../components/common/table-pagination"
import { TranslatedCrumb } from "../../components/common/translated-crumb"
import { PresalesTable } from "../../components/presales/presales-table"
import { usePresales } from "../../hooks/use-presales"
import { PRESALE_STATUSES, type PresaleStatus } from "../../lib/presale-types"

const PAGE_SIZE = 20
const ALL = "__all"

/** Sidebar "Presales": every campaign, newest first, filtered by status (?status=&page=). */
const PresalesPage = () => {
  const { t } = useTranslation("mendian")
  const [params, setParams] = useSearchParams()
  const status = (PRESALE_STATUSES as string[]).includes(params.get("status") ?? "") ? (params.get("status") as PresaleStatus) : undefined
  const page = Math.max(0, Number(params.get("page")) || 0)
  const list = usePresales({ status, limit: PAGE_SIZE, offset: page * PAGE_SIZE })
  const update = (changes: { status?: string; page?: number }) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        if ("status" in changes) {
          if (changes.status) next.set("status", changes.status)
          else next.delete("status")
          next.delete("page")
        }
        if (changes.page !== undefined) {
          if (changes.page) next.set("page", String(changes.page))
          else next.delete("page")
        }
        return next
      },
      { replace: true }
    )

  return (
    <Container className="divide-y p-0" data-testid="presales-page">
      <div className="flex flex-wrap items-start justify-between gap-3 px-6 py-4">
        <div>
          <Heading>{t("presale.list.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("presale.list.subtitle")}
          </Text>
        </div>
        <Button size="small" variant="secondary" asChild>
          <Link to="/presales/create" data-testid="presale-new">
            <Plus />
            {t("presale.list.new")}
          </Link>
        </Button>
      </div>
      <div className="flex flex-wrap items-center gap-2 px-6 py-4">
        <Select size="small" value={status ?? ALL} onValueChange={(v) => update({ status: v === ALL ? undefined : v })}>
          <Select.Trigger className="w-[180px]" aria-label={t("presale.list.statusFilter")} data-testid="presales-status-filter">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={ALL}>{t("presale.list.allStatuses")}</Select.Item>
            {PRESALE_STATUSES.map((s) => (
              <Select.Item key={s} value={s}>
                {t(`presale.status.${s}`)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      {list.error ? (
        <div className="px-6 py-4">
          <LoadError error={list.error} />
        </div>
      ) : (
        <div className={list.isFetching ? "opacity-70 transition-opacity" : undefined} data-testid="presales-results" data-count={list.data?.count}>
          <PresalesTable presales={list.data?.presales ?? []} />
          <TablePagination count={list.data?.count ?? 0} pageIndex={page} pageSize={PAGE_SIZE} onPageChange={(p) => update({ page: p })} />
        </div>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "presale.nav.presales",
  translationNs: "mendian",
  icon: Calendar,
})

export const handle = {
  breadcrumb: () => <TranslatedCrumb k="presale.nav.presales" />,
}

export default PresalesPage
