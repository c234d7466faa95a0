import { Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useLocale } from "../../hooks/use-locale"
import { formatDateTime, formatMoney, formatNumber } from "../../lib/format"
import type { Tier, TierChange } from "../../lib/membership-types"
import { TierBadge } from "./tier-badge"

/** Every tier change, newest first: from → to, why, when, and the 12-month activity that decided it. */
export const MemberTierHistory = ({ changes, ladder }: { changes: TierChange[]; ladder: Tier[] }) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const byId = new Map(ladder.map((tier) => [tier.id, tier]))
  const activity = (c: TierChange) =>
    [
      c.spend_12m != null && `${t("membership.history.spend")} ${formatMoney(c.spend_12m, "cny", locale)}`,
      c.points_12m != null && `${t("membership.history.points")} ${formatNumber(c.points_12m, locale)}`,
    ]
      .filter(Boolean)
      .join(" · ")
  return (
    <Container className="divide-y p-0" data-testid="member-tier-history">
      <div className="px-6 py-4">
        <Heading level="h2">{t("membership.history.title")}</Heading>
      </div>
      {changes.length === 0 ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          {t("membership.history.empty")}
        </Text>
      ) : (
        <ul className="divide-y">
          {changes.map((c) => (
            <li key={c.id} className="flex flex-col gap-y-1 px-6 py-3" data-reason={c.reason}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="inline-flex items-center gap-x-1">
                  {c.from_tier_id ? <TierBadge tier={byId.get(c.from_tier_id)} ladder={ladder} /> : <span className="text-ui-fg-muted">–</span>}
                  <span aria-hidden>→</span>
                  <TierBadge tier={c.to_tier_id ? byId.get(c.to_tier_id) : null} ladder={ladder} />
                  <Text size="small" className="ml-1">
                    {t(`membership.history.reasons.${c.reason}`, { defaultValue: c.reason })}
                  </Text>
                </span>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {formatDateTime(c.created_at, locale)}
                </Text>
              </div>
              {activity(c) && (
                <Text size="xsmall" className="text-ui-fg-muted tabular-nums">
                  {activity(c)}
                </Text>
              )}
            </li>
          ))}
        </ul>
      )}
    </Container>
  )
}
