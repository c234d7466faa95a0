import { ArrowLeft, DocumentText } from "@medusajs/icons"
import { Button, Container } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { Link, useParams } from "react-router-dom"
import { LoadError, SectionSkeleton } from "../../../components/common/query-state"
import { TranslatedCrumb } from "../../../components/common/translated-crumb"
import { RUN_SHEET_PRINT_CSS, RunSheet } from "../../../components/delivery-runs/run-sheet"
import { useRun } from "../../../components/delivery-runs/use-delivery-runs"
import { useAllShops } from "../../../hooks/use-shops"
import { listTransfers } from "../../../lib/transfers-api"

/** A run sheet: the stops of one vehicle's run with addresses, transfers, units and signature lines; Print prints just the sheet. */
const DeliveryRunSheetPage = () => {
  const { t } = useTranslation("mendian")
  const { id } = useParams()
  const run = useRun(id)
  const shops = useAllShops({ order: "code" })
  const byLocation = useMemo(() => new Map((shops.data ?? []).map((s) => [s.stock_location_id, s])), [shops.data])
  // Transfer numbers: the depot's transfers (the run's are among its newest 200 approved or shipped).
  const transfers = useQuery({
    queryKey: ["mendian", "transfers", "list", { source_location_id: run.data?.depot_location_id, sheet: true }],
    queryFn: () => listTransfers({ source_location_id: run.data!.depot_location_id, limit: 200 }),
    enabled: !!run.data,
  })
  const numbers = useMemo(() => new Map((transfers.data?.transfers ?? []).map((tr) => [tr.id, tr.number])), [transfers.data])
  const depot = run.data ? byLocation.get(run.data.depot_location_id) : undefined
  const back = run.data && depot ? `/delivery-runs?depot=${depot.id}&date=${run.data.run_date}` : "/delivery-runs"

  return (
    <div className="flex flex-col gap-y-3">
      <style>{RUN_SHEET_PRINT_CSS}</style>
      <Container className="flex flex-wrap items-center justify-between gap-2 px-6 py-3" data-print-hide>
        <Button size="small" variant="transparent" asChild>
          <Link to={back}>
            <ArrowLeft />
            {t("deliveryRuns.sheet.back")}
          </Link>
        </Button>
        <Button size="small" variant="secondary" onClick={() => window.print()} disabled={!run.data} data-testid="run-sheet-print">
          <DocumentText />
          {t("deliveryRuns.sheet.print")}
        </Button>
      </Container>
      {run.isLoading ? (
        <SectionSkeleton rows={5} />
      ) : run.error ? (
        <LoadError error={run.error} />
      ) : run.data ? (
        <RunSheet run={run.data} depot={depot} shopAt={(l) => byLocation.get(l)} transferNumber={(tid) => numbers.get(tid) ?? tid.slice(-8)} />
      ) : null}
    </div>
  )
}

export const handle = {
  breadcrumb: () => <TranslatedCrumb k="deliveryRuns.sheet.title" />,
}

export default DeliveryRunSheetPage
