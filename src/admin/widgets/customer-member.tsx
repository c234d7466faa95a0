import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { SectionRow } from "../components/common/section-row"
import { LoadError } from "../components/common/query-state"
import { TierBadge } from "../components/members/tier-badge"
import { useLocale } from "../hooks/use-locale"
import { useMembers } from "../hooks/use-members"
import { useTiers } from "../hooks/use-members-settings"
import { formatDateTime, formatNumber } from "../lib/format"

/** On Medusa's customer page: the customer's member (tier, points, a link to the member page) or "not a member". */
const CustomerMemberWidget = ({ data }: DetailWidgetProps<AdminCustomer>) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const list = useMembers({ customer_id: data.id, limit: 1 })
  const tiers = useTiers()
  // One member per customer (a unique index), so the first is the one.
  const member = list.data?.members[0]
  const tier = member?.tier_id ? (tiers.data ?? []).find((r) => r.id === member.tier_id) : null

  return (
    <Container className="divide-y p-0" data-testid="customer-member-widget" data-member-id={member?.id ?? ""}>
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{t("membership.widget.title")}</Heading>
        {member && (
          <Link to={`/members/${member.id}`} className="txt-compact-small text-ui-fg-interactive hover:underline" data-testid="customer-member-link">
            {t("membership.widget.open")}
          </Link>
        )}
      </div>
      {list.isLoading ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          {t("common.loading")}
        </Text>
      ) : list.error ? (
        <div className="px-6 py-4">
          <LoadError error={list.error} />
        </div>
      ) : !member ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4" data-testid="customer-member-none">
          {t("membership.widget.none")}
        </Text>
      ) : (
        <>
          <SectionRow label={t("membership.columns.tier")} value={<TierBadge tier={tier} ladder={tiers.data} />} />
          <SectionRow label={t("membership.balances.available")} value={<span className="tabular-nums">{formatNumber(member.points_available, locale)}</span>} testId="customer-member-available" />
          <SectionRow label={t("membership.balances.pending")} value={<span className="tabular-nums">{formatNumber(member.points_pending, locale)}</span>} />
          <SectionRow label={t("membership.balances.held")} value={<span className="tabular-nums">{formatNumber(member.points_held, locale)}</span>} />
          <SectionRow label={t("membership.columns.phone")} value={member.phone ? <span className="font-mono">{member.phone}</span> : null} />
          <SectionRow label={t("membership.columns.joined")} value={formatDateTime(member.joined_at, locale)} />
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerMemberWidget
