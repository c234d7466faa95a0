import { Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useLocale } from "../../hooks/use-locale"
import { formatMoney, formatNumber } from "../../lib/format"
import type { ShopDetail } from "../../lib/types"

const Stat = ({ label, value, testId }: { label: string; value: string; testId: string }) => (
  <div className="flex flex-col gap-y-1 px-6 py-4" data-testid={testId}>
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="xlarge" weight="plus" className="text-ui-fg-base tabular-nums">
      {value}
    </Text>
  </div>
)

/** What the shop holds at its stock location, valued at retail prices. */
export const ShopStockSection = ({ stock }: { stock: ShopDetail["stock"] }) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  return (
    <Container className="divide-y p-0" data-testid="shop-stock">
      <div className="px-6 py-4">
        <Heading level="h2">{t("stock.title")}</Heading>
      </div>
      <div className="divide-ui-border-base grid grid-cols-2 divide-x md:grid-cols-4">
        <Stat testId="stock-skus" label={t("stock.skus")} value={formatNumber(stock.skus, locale)} />
        <Stat testId="stock-on-hand" label={t("stock.unitsOnHand")} value={formatNumber(stock.units_on_hand, locale)} />
        <Stat testId="stock-reserved" label={t("stock.unitsReserved")} value={formatNumber(stock.units_reserved, locale)} />
        <Stat
          testId="stock-retail-value"
          label={t("stock.retailValue")}
          value={formatMoney(stock.retail_value, stock.currency_code || "cny", locale)}
        />
      </div>
    </Container>
  )
}
