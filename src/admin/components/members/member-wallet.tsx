import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { useLocale } from "../../hooks/use-locale"
import { formatDateTime, formatMoney, formatNumber } from "../../lib/format"
import type { MemberCoupon, PointsHold } from "../../lib/membership-types"

/** Coupons in the member's wallet (linked to their promotion). */
export const MemberCoupons = ({ coupons }: { coupons: MemberCoupon[] }) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  return (
    <Container className="divide-y p-0" data-testid="member-coupons">
      <div className="px-6 py-4">
        <Heading level="h2">{t("membership.coupons.title")}</Heading>
      </div>
      {coupons.length === 0 ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          {t("membership.coupons.empty")}
        </Text>
      ) : (
        <Table>
          <Table.Body>
            {coupons.map((c) => (
              <Table.Row key={c.id}>
                <Table.Cell className="font-mono">
                  <Link to={`/promotions/${c.promotion_id}`} className="text-ui-fg-interactive hover:underline">
                    {c.code}
                  </Link>
                </Table.Cell>
                <Table.Cell>{t(`membership.coupons.sources.${c.source}`, { defaultValue: c.source })}</Table.Cell>
                <Table.Cell className="text-ui-fg-subtle text-right">
                  {c.expires_at ? t("membership.coupons.expires", { date: formatDateTime(c.expires_at, locale) }) : t("membership.coupons.noExpiry")}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

/** Points applied to open carts: not spendable until the order is placed or the hold lapses. */
export const MemberHolds = ({ holds }: { holds: PointsHold[] }) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  return (
    <Container className="divide-y p-0" data-testid="member-holds">
      <div className="px-6 py-4">
        <Heading level="h2">{t("membership.holds.title")}</Heading>
      </div>
      {holds.length === 0 ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          {t("membership.holds.empty")}
        </Text>
      ) : (
        <Table>
          <Table.Body>
            {holds.map((h) => (
              <Table.Row key={h.id}>
                <Table.Cell className="tabular-nums">
                  {t("membership.holds.points", { points: formatNumber(h.points, locale) })} · {formatMoney(h.amount, h.currency_code, locale)}
                </Table.Cell>
                <Table.Cell className="font-mono text-xs" title={h.cart_id}>
                  {h.code}
                </Table.Cell>
                <Table.Cell className="text-ui-fg-subtle text-right">{t("membership.holds.expires", { date: formatDateTime(h.expires_at, locale) })}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}
