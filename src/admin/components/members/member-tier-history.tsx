import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useLocale } from "../../hooks/use-locale"
import { formatDateTime, formatMoney, formatNumber } from "../../lib/format"
import type { Tier, TierChange } from "../../lib/membership-types"
import { TierBadge } from "./tier-badge"

/** Every tier change, newest first: from, to, why, and the 12-month activity that decided it. */
export const MemberTierHistory = ({ changes, ladder }: { changes: TierChange[]; ladder: Tier[] }) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const byId = new Map(ladder.map((tier) => [tier.id, tier]))
  const col = (k: string) => t(`membership.history.${k}`)
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
        <div className="overflow-x-auto">
          <Table className="whitespace-nowrap">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{col("when")}</Table.HeaderCell>
                <Table.HeaderCell>{col("change")}</Table.HeaderCell>
                <Table.HeaderCell>{col("reason")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{col("spend")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{col("points")}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {changes.map((c) => (
                <Table.Row key={c.id} data-reason={c.reason}>
                  <Table.Cell className="text-ui-fg-subtle">{formatDateTime(c.created_at, locale)}</Table.Cell>
                  <Table.Cell>
                    <span className="inline-flex items-center gap-x-1">
                      {c.from_tier_id ? <TierBadge tier={byId.get(c.from_tier_id)} ladder={ladder} /> : <span className="text-ui-fg-muted">–</span>}
                      <span aria-hidden>→</span>
                      <TierBadge tier={c.to_tier_id ? byId.get(c.to_tier_id) : null} ladder={ladder} />
                    </span>
                  </Table.Cell>
                  <Table.Cell>{t(`membership.history.reasons.${c.reason}`, { defaultValue: c.reason })}</Table.Cell>
                  <Table.Cell className="text-right tabular-nums">{c.spend_12m == null ? "–" : formatMoney(c.spend_12m, "cny", locale)}</Table.Cell>
                  <Table.Cell className="text-right tabular-nums">{c.points_12m == null ? "–" : formatNumber(c.points_12m, locale)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </Container>
  )
}
