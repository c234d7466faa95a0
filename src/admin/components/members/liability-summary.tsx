import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useLiability } from "../../hooks/use-members"
import { useLocale } from "../../hooks/use-locale"
import { formatMoney, formatNumber } from "../../lib/format"
import { HintLabel } from "../common/hint-label"
import { LoadError } from "../common/query-state"

/** What the programme owes: points outstanding (spendable + pending) and their worth in CNY at the redemption rate. */
export const LiabilitySummary = () => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const { data, error } = useLiability()
  if (error) {
    return (
      <div className="px-6 py-4">
        <LoadError error={error} />
      </div>
    )
  }
  const money = (v: number | undefined) => (data ? formatMoney(v ?? 0, data.currency_code, locale) : "–")
  const points = (v: number | undefined) => (data ? formatNumber(v ?? 0, locale) : "–")
  const cell = (testId: string, label: string, value: string, sub?: string, hint?: string) => (
    <div className="flex flex-col gap-y-0.5" data-testid={testId}>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {hint ? <HintLabel label={label} hint={hint} /> : label}
      </Text>
      <Text size="large" weight="plus" className="tabular-nums" data-field="value">
        {value}
      </Text>
      {sub && (
        <Text size="xsmall" className="text-ui-fg-muted tabular-nums">
          {sub}
        </Text>
      )}
    </div>
  )
  return (
    <div className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-4" data-testid="members-liability">
      {cell(
        "liability-total",
        t("membership.liability.total"),
        money(data?.total_amount),
        t("membership.liability.points", { points: points((data?.available ?? 0) + (data?.pending ?? 0)) }),
        t("membership.liability.totalHint", { rate: data?.points_per_yuan ?? 100 })
      )}
      {cell("liability-available", t("membership.liability.available"), money(data?.available_amount), t("membership.liability.points", { points: points(data?.available) }))}
      {cell("liability-pending", t("membership.liability.pending"), money(data?.pending_amount), t("membership.liability.points", { points: points(data?.pending) }))}
      {cell("liability-members", t("membership.liability.members"), points(data?.members), t("membership.liability.held", { points: points(data?.held) }))}
    </div>
  )
}
