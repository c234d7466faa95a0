import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useLocale } from "../../hooks/use-locale"
import { formatMoney, formatNumber } from "../../lib/format"
import { progressShare, tierName } from "../../lib/membership-format"
import type { MemberSummary } from "../../lib/membership-types"

/** The rolling 12 months and what the next rung still needs (spend or points, either qualifies). */
export const TierProgress = ({ member }: { member: Pick<MemberSummary, "progress"> }) => {
  const { t, i18n } = useTranslation("mendian")
  const locale = useLocale()
  const pr = member.progress
  const share = progressShare(pr)
  const needs = [
    pr.spend_needed != null && t("membership.progress.spendNeeded", { amount: formatMoney(pr.spend_needed, "cny", locale) }),
    pr.points_needed != null && t("membership.progress.pointsNeeded", { points: formatNumber(pr.points_needed, locale) }),
  ].filter(Boolean) as string[]
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="member-progress" data-next-tier={pr.next_tier?.code ?? ""}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Text size="small" weight="plus">
          {pr.next_tier ? t("membership.progress.next", { tier: tierName(pr.next_tier, i18n.language) }) : t("membership.progress.top")}
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle tabular-nums">
          {t("membership.progress.activity", { spend: formatMoney(pr.spend_12m, "cny", locale), points: formatNumber(pr.points_12m, locale) })}
        </Text>
      </div>
      {share != null && (
        <div className="bg-ui-bg-subtle h-2 w-full overflow-hidden rounded-full" role="progressbar" aria-valuenow={Math.round(share * 100)} aria-valuemin={0} aria-valuemax={100}>
          <div className="bg-ui-fg-interactive h-full rounded-full" style={{ width: `${Math.round(share * 100)}%` }} />
        </div>
      )}
      {needs.length > 0 && (
        <Text size="xsmall" className="text-ui-fg-subtle" data-testid="member-progress-needs">
          {needs.join(t("membership.progress.or"))}
        </Text>
      )}
    </div>
  )
}
