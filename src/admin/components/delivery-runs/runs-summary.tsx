import { Container, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useLocale } from "../../hooks/use-locale"
import { formatNumber } from "../../lib/format"
import type { runTotals } from "../../lib/delivery-format"

const Figure = ({ label, value, testId }: { label: string; value: string; testId: string }) => (
  <div className="flex flex-col">
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="large" weight="plus" className="tabular-nums" data-testid={testId}>
      {value}
    </Text>
  </div>
)

/** Runs, their km, and km saved against one depot → shop → depot trip per transfer. */
export const RunsSummary = ({ totals, trips }: { totals: ReturnType<typeof runTotals>; trips?: number }) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const n = (v: number) => formatNumber(v, locale)
  const s = (k: string) => t(`deliveryRuns.summary.${k}`)
  return (
    <Container className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-4" data-testid="runs-summary">
      <Figure label={s("runs")} value={n(totals.runs)} testId="runs-count" />
      <Figure label={s("km")} value={n(totals.km)} testId="runs-km" />
      <Figure
        label={s("baselineKm")}
        value={totals.baselineKm === null ? "–" : `${n(totals.baselineKm)}${trips ? ` · ${t("deliveryRuns.summary.trips", { count: trips })}` : ""}`}
        testId="runs-baseline-km"
      />
      <Figure
        label={s("saved")}
        value={totals.savedKm === null ? "–" : t("deliveryRuns.summary.savedValue", { km: n(totals.savedKm), percent: n(totals.savedPercent ?? 0) })}
        testId="runs-saved"
      />
    </Container>
  )
}
