import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowUpTray, BuildingStorefront, Plus } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { LoadError } from "../../components/common/query-state"
import { TranslatedCrumb } from "../../components/common/translated-crumb"
import { ShopImportModal } from "../../components/shops/shop-import-modal"
import { ShopsFilters } from "../../components/shops/shops-filters"
import { ShopsScatterPlot } from "../../components/shops/shops-scatter-plot"
import { ShopsTable } from "../../components/shops/shops-table"
import { TerritoryTreePanel } from "../../components/shops/territory-tree-panel"
import { SHOPS_PAGE_SIZE, useShopFilters } from "../../hooks/use-shop-filters"
import { useAllShops, useShopPage } from "../../hooks/use-shops"
import { useTerritories } from "../../hooks/use-territories"

/** The shop network: territory tree, filtered table, and where the shops are. */
const ShopsPage = () => {
  const { t } = useTranslation("mendian")
  const { filters, update, clear } = useShopFilters()
  const [importOpen, setImportOpen] = useState(false)

  const { page, ...where } = filters
  const list = useShopPage({ ...where, limit: SHOPS_PAGE_SIZE, offset: page * SHOPS_PAGE_SIZE, order: "code" })
  const matching = useAllShops({ ...where, order: "code" })
  const everything = useAllShops({ order: "code" })
  const territories = useTerritories()

  const cities = useMemo(
    () => [...new Set((everything.data ?? []).map((s) => s.city))].sort((a, b) => a.localeCompare(b, "zh-CN")),
    [everything.data]
  )

  return (
    <div className="flex flex-col gap-y-3" data-testid="shops-page">
      <Container className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
        <div>
          <Heading>{t("shops.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("shops.subtitle")}
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <Button size="small" variant="secondary" onClick={() => setImportOpen(true)} data-testid="shops-import">
            <ArrowUpTray />
            {t("shops.import")}
          </Button>
          <Button size="small" variant="primary" asChild>
            <Link to="/shops/create" data-testid="shops-create">
              <Plus />
              {t("shops.create")}
            </Link>
          </Button>
        </div>
      </Container>

      <div className="flex flex-col gap-3 xl:flex-row xl:items-start">
        <div className="w-full shrink-0 xl:w-[280px]">
          <TerritoryTreePanel
            territories={territories.data}
            isLoading={territories.isLoading}
            error={territories.error}
            shops={everything.data}
            selectedId={filters.territory_id}
            onSelect={(territory_id) => update({ territory_id })}
          />
        </div>

        <div className="flex min-w-0 flex-1 flex-col gap-y-3">
          <Container className="divide-y p-0">
            <ShopsFilters filters={filters} cities={cities} onChange={update} onClear={clear} />
            {list.error ? (
              <div className="px-6 py-4">
                <LoadError error={list.error} />
              </div>
            ) : (
              <ShopsTable
                shops={list.data?.shops ?? []}
                count={list.data?.count ?? 0}
                pageIndex={page}
                pageSize={SHOPS_PAGE_SIZE}
                isFetching={list.isFetching}
                onPageChange={(p) => update({ page: p })}
              />
            )}
          </Container>
          <ShopsScatterPlot shops={matching.data ?? []} isLoading={matching.isLoading} />
        </div>
      </div>

      <ShopImportModal open={importOpen} onOpenChange={setImportOpen} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "nav.shops",
  translationNs: "mendian",
  icon: BuildingStorefront,
})

export const handle = {
  breadcrumb: () => <TranslatedCrumb k="nav.shops" />,
}

export default ShopsPage
