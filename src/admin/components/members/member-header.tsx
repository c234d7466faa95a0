import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { useLocale } from "../../hooks/use-locale"
import { formatDateTime, formatNumber } from "../../lib/format"
import { customerName } from "../../lib/membership-format"
import type { MemberDetail, Tier } from "../../lib/membership-types"
import { HintLabel } from "../common/hint-label"
import { TierBadge } from "./tier-badge"
import { TierProgress } from "./tier-progress"

/** Who the member is, their tier since when, the five balances and the way to the next tier. */
export const MemberHeader = ({ member, ladder, onAdjust }: { member: MemberDetail; ladder: Tier[]; onAdjust: () => void }) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const n = (v: number) => formatNumber(v, locale)
  const p = member.points
  const balance = (field: string, value: number, sub?: string) => (
    <div className="flex flex-col gap-y-0.5" data-testid={`balance-${field}`}>
      <Text size="xsmall" className="text-ui-fg-subtle">
        <HintLabel label={t(`membership.balances.${field}`)} hint={t(`membership.balances.${field}Hint`)} />
      </Text>
      <Text size="large" weight="plus" className={`tabular-nums ${value < 0 ? "text-ui-fg-error" : ""}`} data-field="value">
        {n(value)}
      </Text>
      {sub && (
        <Text size="xsmall" className="text-ui-fg-muted">
          {sub}
        </Text>
      )}
    </div>
  )
  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-start justify-between gap-3 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <div className="flex items-center gap-x-2">
            <Heading data-testid="member-name">{customerName(member.customer) || member.id}</Heading>
            <TierBadge tier={member.tier} ladder={ladder} />
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            {[
              member.customer?.email,
              t("membership.detail.joined", { date: formatDateTime(member.joined_at, locale) }),
              member.joined_via && t("membership.detail.via", { via: t(`membership.via.${member.joined_via}`, { defaultValue: member.joined_via }) }),
            ]
              .filter(Boolean)
              .join(" · ")}
          </Text>
          {member.tier_since && (
            <Text size="xsmall" className="text-ui-fg-muted">
              {t("membership.detail.tierSince", { date: formatDateTime(member.tier_since, locale) })}
              {member.tier_grace_until && ` · ${t("membership.detail.grace", { date: formatDateTime(member.tier_grace_until, locale) })}`}
            </Text>
          )}
        </div>
        <div className="flex gap-x-2">
          {member.customer && (
            <Button size="small" variant="secondary" asChild>
              <Link to={`/customers/${member.customer.id}`}>{t("membership.detail.openCustomer")}</Link>
            </Button>
          )}
          <Button size="small" variant="primary" onClick={onAdjust} data-testid="member-adjust">
            {t("membership.adjust.button")}
          </Button>
        </div>
      </div>
      <div className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-5" data-testid="member-balances">
        {balance("available", p.available)}
        {balance("pending", p.pending)}
        {balance("held", p.held)}
        {balance("spendable", p.spendable)}
        {balance(
          "expiringSoon",
          p.expiring_soon,
          p.expiring_next_at ? t("membership.balances.expiringNext", { date: formatDateTime(p.expiring_next_at, locale) }) : undefined
        )}
      </div>
      <TierProgress member={member} />
    </Container>
  )
}
