import { Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link, useNavigate } from "react-router-dom"
import { useLocale } from "../../hooks/use-locale"
import { formatDateTime, formatNumber } from "../../lib/format"
import { customerName } from "../../lib/membership-format"
import type { MemberRow, Tier } from "../../lib/membership-types"
import { TierBadge } from "./tier-badge"

/** One row per member: phone (masked), customer, tier, points available and pending, joined. */
export const MembersTable = ({ members, tiers }: { members: MemberRow[]; tiers: Tier[] }) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const navigate = useNavigate()
  const byId = new Map(tiers.map((tier) => [tier.id, tier]))
  const num = "text-right tabular-nums"
  const col = (k: string) => t(`membership.columns.${k}`)
  return (
    <div className="overflow-x-auto">
      <Table data-testid="members-table" className="whitespace-nowrap">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{col("phone")}</Table.HeaderCell>
            <Table.HeaderCell>{col("customer")}</Table.HeaderCell>
            <Table.HeaderCell>{col("tier")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>{col("available")}</Table.HeaderCell>
            <Table.HeaderCell className={num}>{col("pending")}</Table.HeaderCell>
            <Table.HeaderCell>{col("joined")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {members.map((m) => (
            <Table.Row
              key={m.id}
              className="cursor-pointer"
              onClick={() => navigate(`/members/${m.id}`)}
              data-member-id={m.id}
              data-email={m.customer?.email ?? undefined}
            >
              <Table.Cell className="font-mono">{m.phone ?? "–"}</Table.Cell>
              <Table.Cell>
                <Link to={`/members/${m.id}`} onClick={(e) => e.stopPropagation()} className="hover:underline">
                  {customerName(m.customer) || m.id}
                </Link>
                {m.customer?.email && customerName(m.customer) !== m.customer.email && (
                  <span className="text-ui-fg-subtle ml-2">{m.customer.email}</span>
                )}
              </Table.Cell>
              <Table.Cell>
                <TierBadge tier={m.tier_id ? byId.get(m.tier_id) : null} ladder={tiers} />
              </Table.Cell>
              <Table.Cell className={`${num} font-medium`} data-field="available">
                {formatNumber(m.points_available, locale)}
              </Table.Cell>
              <Table.Cell className={num} data-field="pending">
                {formatNumber(m.points_pending, locale)}
              </Table.Cell>
              <Table.Cell className="text-ui-fg-subtle">{formatDateTime(m.joined_at, locale)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {members.length === 0 && (
        <Text size="small" className="text-ui-fg-muted border-ui-border-base border-b px-6 py-8 text-center" data-testid="members-empty">
          {t("membership.list.empty")}
        </Text>
      )}
    </div>
  )
}
