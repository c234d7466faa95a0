import { DocumentText } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { useLocale } from "../../hooks/use-locale"
import { formatNumber } from "../../lib/format"
import type { DeliveryRun } from "../../lib/delivery-types"
import type { Shop } from "../../lib/types"
import { RunStopsTable } from "./run-stops-table"

export const RunStatusBadge = ({ status }: { status: DeliveryRun["status"] }) => {
  const { t } = useTranslation("mendian")
  const color = status === "planned" ? "blue" : status === "dispatched" ? "orange" : status === "completed" ? "green" : "grey"
  return (
    <Badge size="2xsmall" color={color}>
      {t(`deliveryRuns.status.${status}`)}
    </Badge>
  )
}

/** One block per vehicle: its figures, a link to its run sheet, then its stops in order. */
export const RunsList = ({ runs, shopAt }: { runs: DeliveryRun[]; shopAt: (locationId: string) => Shop | undefined }) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const n = (v: number) => formatNumber(v, locale)
  if (!runs.length) {
    return (
      <Container className="px-6 py-8">
        <Text size="small" className="text-ui-fg-muted text-center" data-testid="runs-empty">
          {t("deliveryRuns.list.empty")}
        </Text>
      </Container>
    )
  }
  return (
    <div className="flex flex-col gap-y-3" data-testid="runs-list">
      {[...runs]
        .sort((a, b) => a.vehicle - b.vehicle)
        .map((run) => (
          <Container key={run.id} className="divide-y p-0" data-testid="delivery-run" data-run-id={run.id} data-vehicle={run.vehicle}>
            <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-3">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <Heading level="h3">{t("deliveryRuns.list.vehicleN", { n: run.vehicle })}</Heading>
                <RunStatusBadge status={run.status} />
                <Text size="small" className="text-ui-fg-subtle tabular-nums">
                  {t("deliveryRuns.sheet.totals", { stops: n(run.stops.length), units: n(run.units), km: n(run.total_km) })}
                </Text>
                <Text size="small" className="text-ui-fg-subtle font-mono">
                  {run.stops.map((s) => s.shop_code ?? "?").join(" → ")}
                </Text>
              </div>
              <Button size="small" variant="secondary" asChild>
                <Link to={`/delivery-runs/${run.id}`} data-testid="run-sheet-link">
                  <DocumentText />
                  {t("deliveryRuns.list.open")}
                </Link>
              </Button>
            </div>
            <div className="overflow-x-auto">
              <RunStopsTable stops={run.stops} shopAt={shopAt} />
            </div>
          </Container>
        ))}
    </div>
  )
}
