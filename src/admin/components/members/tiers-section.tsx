import { Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { useCustomerGroups } from "../../hooks/use-members"
import { useTiers } from "../../hooks/use-members-settings"
import { useLocale } from "../../hooks/use-locale"
import { formatMoney, formatNumber } from "../../lib/format"
import type { Tier } from "../../lib/membership-types"
import { LoadError } from "../common/query-state"
import { TierBadge } from "./tier-badge"
import { TierDrawer } from "./tier-drawer"

/** The ladder, lowest rung first: qualification, benefits, its member-price customer group and how many hold it. */
export const TiersSection = () => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const tiers = useTiers()
  const ladder = tiers.data ?? []
  const groups = useCustomerGroups(ladder.map((r) => r.customer_group_id).filter((id): id is string => !!id))
  const groupName = new Map((groups.data ?? []).map((g) => [g.id, g.name]))
  const [editing, setEditing] = useState<Tier | "new" | null>(null)
  const col = (k: string) => t(`membership.tiers.columns.${k}`)
  const money = (v: number | null) => (v == null ? "–" : formatMoney(v, "cny", locale))
  const num = "text-right tabular-nums"

  return (
    <Container className="divide-y p-0" data-testid="tiers-section">
      <div className="flex flex-wrap items-start justify-between gap-3 px-6 py-4">
        <div>
          <Heading level="h2">{t("membership.tiers.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("membership.tiers.subtitle")}
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => setEditing("new")} data-testid="tier-add">
          {t("membership.tiers.add")}
        </Button>
      </div>
      {tiers.error ? (
        <div className="px-6 py-4">
          <LoadError error={tiers.error} />
        </div>
      ) : (
        <div className="overflow-x-auto">
          <Table className="whitespace-nowrap" data-testid="tiers-table">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell className={num}>{col("rank")}</Table.HeaderCell>
                <Table.HeaderCell>{col("tier")}</Table.HeaderCell>
                <Table.HeaderCell>{col("code")}</Table.HeaderCell>
                <Table.HeaderCell className={num}>{col("qualifySpend")}</Table.HeaderCell>
                <Table.HeaderCell className={num}>{col("qualifyPoints")}</Table.HeaderCell>
                <Table.HeaderCell className={num}>{col("multiplier")}</Table.HeaderCell>
                <Table.HeaderCell className={num}>{col("freeShipping")}</Table.HeaderCell>
                <Table.HeaderCell className={num}>{col("presale")}</Table.HeaderCell>
                <Table.HeaderCell>{col("group")}</Table.HeaderCell>
                <Table.HeaderCell className={num}>{col("members")}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {ladder.map((tier) => (
                <Table.Row key={tier.id} className="cursor-pointer" onClick={() => setEditing(tier)} data-tier-code={tier.code}>
                  <Table.Cell className={num}>{tier.rank}</Table.Cell>
                  <Table.Cell>
                    <TierBadge tier={tier} ladder={ladder} />
                    <span className="text-ui-fg-subtle ml-2">{tier.name_en && tier.name !== tier.name_en ? `${tier.name} / ${tier.name_en}` : tier.name}</span>
                  </Table.Cell>
                  <Table.Cell className="font-mono">{tier.code}</Table.Cell>
                  <Table.Cell className={num}>{money(tier.qualify_spend)}</Table.Cell>
                  <Table.Cell className={num}>{tier.qualify_points == null ? "–" : formatNumber(tier.qualify_points, locale)}</Table.Cell>
                  <Table.Cell className={num}>×{tier.points_multiplier}</Table.Cell>
                  <Table.Cell className={num}>{money(tier.free_shipping_threshold)}</Table.Cell>
                  <Table.Cell className={num}>{tier.presale_priority}</Table.Cell>
                  <Table.Cell>
                    {tier.customer_group_id ? (
                      <Link
                        to={`/customer-groups/${tier.customer_group_id}`}
                        onClick={(e) => e.stopPropagation()}
                        className="text-ui-fg-interactive hover:underline"
                        data-testid="tier-group-link"
                      >
                        {groupName.get(tier.customer_group_id) ?? tier.customer_group_id}
                      </Link>
                    ) : (
                      "–"
                    )}
                  </Table.Cell>
                  <Table.Cell className={num} data-field="members">
                    <Link to={`/members?tier_id=${tier.id}`} onClick={(e) => e.stopPropagation()} className="hover:underline">
                      {formatNumber(tier.member_count ?? 0, locale)}
                    </Link>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          {ladder.length === 0 && !tiers.isLoading && (
            <Text size="small" className="text-ui-fg-muted px-6 py-8 text-center">
              {t("membership.tiers.empty")}
            </Text>
          )}
        </div>
      )}
      <TierDrawer tier={editing === "new" ? null : editing} open={editing !== null} nextRank={Math.max(-1, ...ladder.map((r) => r.rank)) + 1} onClose={() => setEditing(null)} />
    </Container>
  )
}
