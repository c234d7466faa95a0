import { Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useLocale } from "../../hooks/use-locale"
import { formatCalendarDate, formatNumber } from "../../lib/format"
import { returnKm } from "../../lib/delivery-format"
import type { DeliveryRun } from "../../lib/delivery-types"
import type { Shop } from "../../lib/types"
import { RunStatusBadge } from "./runs-list"
import { RunStopsTable } from "./run-stops-table"

/**
 * Printing shows only the sheet: whatever is neither the sheet, inside it, nor one of its
 * ancestors (the dashboard's sidebar and top bar, the buttons) is not displayed; the ancestors
 * lose their scroll boxes and fixed heights so a long sheet runs over several pages; rows are
 * not split across pages.
 */
export const RUN_SHEET_PRINT_CSS = `
@media print {
  @page { size: A4; margin: 12mm; }
  body *:not(:has([data-print-root])):not([data-print-root]):not([data-print-root] *) { display: none !important; }
  body *:has([data-print-root]) {
    display: block !important; position: static !important; overflow: visible !important;
    height: auto !important; min-height: 0 !important; max-height: none !important;
    width: auto !important; max-width: none !important; margin: 0 !important; padding: 0 !important;
    border: 0 !important; box-shadow: none !important; background: white !important;
  }
  [data-print-root] { box-shadow: none !important; border: 0 !important; padding: 0 !important; background: white !important; color: black !important; }
  [data-print-hide] { display: none !important; }
  [data-print-root] tr { break-inside: avoid; }
  [data-print-root] table { font-size: 11px; }
  [data-print-root] .signature-line { border-bottom: 1px solid black !important; }
}
`

type Props = {
  run: DeliveryRun
  depot?: Shop
  shopAt: (locationId: string) => Shop | undefined
  transferNumber: (id: string) => string
}

/** One vehicle's run as the driver takes it: depot, day, stops with addresses and what each gets, signatures. */
export const RunSheet = ({ run, depot, shopAt, transferNumber }: Props) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const n = (v: number) => formatNumber(v, locale)
  const s = (k: string) => t(`deliveryRuns.sheet.${k}`)
  return (
    <div className="bg-ui-bg-base flex flex-col gap-y-4 rounded-lg px-6 py-5 shadow-elevation-card-rest" data-print-root data-testid="run-sheet" data-run-id={run.id}>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <Heading>
            {s("title")} · {t("deliveryRuns.list.vehicleN", { n: run.vehicle })}
          </Heading>
          <Text size="small" className="text-ui-fg-subtle tabular-nums" data-testid="run-sheet-totals">
            {t("deliveryRuns.sheet.totals", { stops: n(run.stops.length), units: n(run.units), km: n(run.total_km) })}
          </Text>
        </div>
        <RunStatusBadge status={run.status} />
      </div>
      <dl className="txt-compact-small grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="text-ui-fg-subtle">{s("depot")}</dt>
        <dd data-testid="run-sheet-depot">
          {depot ? (
            <>
              <span className="font-mono">{depot.code}</span> · {depot.name}
              {depot.address && <span className="text-ui-fg-subtle"> · {[depot.address, depot.city].filter(Boolean).join(", ")}</span>}
            </>
          ) : (
            run.depot_location_id
          )}
        </dd>
        <dt className="text-ui-fg-subtle">{s("date")}</dt>
        <dd>{formatCalendarDate(run.run_date, locale)}</dd>
        <dt className="text-ui-fg-subtle">{s("vehicle")}</dt>
        <dd>{t("deliveryRuns.list.vehicleN", { n: run.vehicle })}</dd>
      </dl>
      <RunStopsTable stops={run.stops} shopAt={shopAt} sheet={{ transferNumber }} />
      <Text size="small" className="text-ui-fg-subtle">
        {t("deliveryRuns.sheet.returnLeg", { km: n(returnKm(run)) })}
      </Text>
      <div className="mt-4 grid grid-cols-1 gap-6 md:grid-cols-2" data-testid="run-sheet-signatures">
        {(["driver", "dispatcher"] as const).map((who) => (
          <div key={who} className="flex flex-col gap-y-6">
            <Text size="small" weight="plus">
              {s(who)}
            </Text>
            <div className="grid grid-cols-[1fr_120px] gap-x-4">
              <div className="signature-line border-ui-border-strong border-b" />
              <div className="signature-line border-ui-border-strong border-b" />
              <Text size="xsmall" className="text-ui-fg-muted">
                {s("signatures")}
              </Text>
              <Text size="xsmall" className="text-ui-fg-muted">
                {s("time")}
              </Text>
            </div>
          </div>
        ))}
      </div>
    </div>
  )
}
