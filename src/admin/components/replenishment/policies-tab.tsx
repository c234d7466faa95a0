import { Select } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { usePolicies } from "../../hooks/use-replenishment"
import { DEMAND_CLASSES, type DemandClass, type StockPolicy } from "../../lib/replenishment-types"
import { LoadError } from "../common/query-state"
import { TablePagination } from "../common/table-pagination"
import { PoliciesTable } from "./policies-table"
import { PolicyOverrideDrawer } from "./policy-override-drawer"

const PAGE_SIZE = 20
const ALL = "__all"

/** The shop's stock policies, filtered by demand class and by "below reorder point". */
export const PoliciesTab = ({ shopId }: { shopId: string }) => {
  const { t } = useTranslation("mendian")
  const [demandClass, setDemandClass] = useState<DemandClass | undefined>()
  const [belowOnly, setBelowOnly] = useState(false)
  const [page, setPage] = useState(0)
  const [editing, setEditing] = useState<StockPolicy | null>(null)
  const { data, error, isFetching } = usePolicies({
    shop_id: shopId,
    demand_class: demandClass,
    status: belowOnly ? "below_reorder_point" : undefined,
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
  })

  return (
    <div className="divide-y" data-testid="policies-tab">
      <div className="flex flex-wrap items-center gap-2 px-6 py-4">
        <Select
          size="small"
          value={demandClass ?? ALL}
          onValueChange={(v) => {
            setDemandClass(v === ALL ? undefined : (v as DemandClass))
            setPage(0)
          }}
        >
          <Select.Trigger className="w-[190px]" aria-label={t("replenishment.policies.filters.demandClass")} data-testid="filter-demand-class">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={ALL}>{t("replenishment.policies.filters.allClasses")}</Select.Item>
            {DEMAND_CLASSES.map((c) => (
              <Select.Item key={c} value={c}>
                {t(`replenishment.demandClass.${c}`)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        <Select
          size="small"
          value={belowOnly ? "below" : ALL}
          onValueChange={(v) => {
            setBelowOnly(v === "below")
            setPage(0)
          }}
        >
          <Select.Trigger className="w-[190px]" aria-label={t("replenishment.policies.filters.stockStatus")} data-testid="filter-policy-status">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={ALL}>{t("replenishment.policies.filters.anyStatus")}</Select.Item>
            <Select.Item value="below">{t("replenishment.policies.filters.belowOnly")}</Select.Item>
          </Select.Content>
        </Select>
      </div>
      {error ? (
        <div className="px-6 py-4">
          <LoadError error={error} />
        </div>
      ) : (
        <div className={isFetching ? "opacity-70 transition-opacity" : undefined}>
          <PoliciesTable policies={data?.policies ?? []} onOpen={setEditing} />
          <TablePagination count={data?.count ?? 0} pageIndex={page} pageSize={PAGE_SIZE} onPageChange={setPage} />
        </div>
      )}
      <PolicyOverrideDrawer policy={editing} onClose={() => setEditing(null)} />
    </div>
  )
}
