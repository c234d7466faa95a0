import { Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { useRowSelection } from "../../hooks/use-row-selection"
import { useSlowMovers } from "../../hooks/use-replenishment"
import { LoadError } from "../common/query-state"
import { TablePagination } from "../common/table-pagination"
import { ClearanceForm } from "./clearance-form"
import { SlowMoversTable } from "./slow-movers-table"

const PAGE_SIZE = 20
/** The API's own window; shown in the column header. */
const WEEKS = 8

export const SlowMoversTab = ({ shopId }: { shopId: string }) => {
  const { t } = useTranslation("mendian")
  const [page, setPage] = useState(0)
  const { data, error, isFetching } = useSlowMovers({ shop_id: shopId, weeks: WEEKS, limit: PAGE_SIZE, offset: page * PAGE_SIZE })
  const rows = data?.slow_movers ?? []
  const ids = useMemo(() => rows.map((r) => r.variant_id), [rows])
  const selection = useRowSelection(ids)

  return (
    <div className="divide-y" data-testid="slow-movers-tab">
      <Text size="small" className="text-ui-fg-subtle px-6 py-4">
        {t("replenishment.slowMovers.subtitle", { weeks: WEEKS })}
      </Text>
      <ClearanceForm shopId={shopId} variantIds={selection.selected} onCreated={selection.clear} />
      {error ? (
        <div className="px-6 py-4">
          <LoadError error={error} />
        </div>
      ) : (
        <div className={isFetching ? "opacity-70 transition-opacity" : undefined}>
          <SlowMoversTable
            rows={rows}
            weeks={WEEKS}
            isSelected={selection.isSelected}
            onToggle={selection.toggle}
            allState={selection.allState}
            onToggleAll={selection.toggleAll}
          />
          <TablePagination
            count={data?.count ?? 0}
            pageIndex={page}
            pageSize={PAGE_SIZE}
            onPageChange={(p) => {
              selection.clear()
              setPage(p)
            }}
          />
        </div>
      )}
    </div>
  )
}
