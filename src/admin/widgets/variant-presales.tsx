import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProductVariant, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { LoadError } from "../components/common/query-state"
import { PresaleStatusBadge } from "../components/presales/presale-badges"
import { useLocale } from "../hooks/use-locale"
import { usePresales } from "../hooks/use-presales"
import { formatDateTime, formatNumber } from "../lib/format"

/** On Medusa's variant page: the presales this variant is in, its units sold of the quantity, a link to each. */
const VariantPresalesWidget = ({ data }: DetailWidgetProps<AdminProductVariant>) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const list = usePresales({ variant_id: data.id, limit: 50 })
  const presales = list.data?.presales ?? []
  return (
    <Container className="divide-y p-0" data-testid="variant-presales-widget" data-count={list.data?.count}>
      <div className="px-6 py-4">
        <Heading level="h2">{t("presale.widget.title")}</Heading>
      </div>
      {list.isLoading ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          {t("common.loading")}
        </Text>
      ) : list.error ? (
        <div className="px-6 py-4">
          <LoadError error={list.error} />
        </div>
      ) : presales.length === 0 ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4" data-testid="variant-presales-none">
          {t("presale.widget.none")}
        </Text>
      ) : (
        <Table className="whitespace-nowrap">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("presale.columns.title")}</Table.HeaderCell>
              <Table.HeaderCell>{t("presale.columns.status")}</Table.HeaderCell>
              <Table.HeaderCell className="text-right">{t("presale.columns.sold")}</Table.HeaderCell>
              <Table.HeaderCell>{t("presale.columns.shipDate")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {presales.map((p) => {
              const item = p.items.find((i) => i.variant_id === data.id)
              return (
                <Table.Row key={p.id} data-presale-id={p.id}>
                  <Table.Cell>
                    <Link to={`/presales/${p.id}`} className="text-ui-fg-interactive hover:underline" data-testid="variant-presale-link">
                      {p.title}
                    </Link>
                  </Table.Cell>
                  <Table.Cell>
                    <PresaleStatusBadge status={p.status} />
                  </Table.Cell>
                  <Table.Cell className="text-right tabular-nums" data-field="sold">
                    {item ? `${formatNumber(item.sold, locale)} / ${formatNumber(item.quantity, locale)}` : "–"}
                  </Table.Cell>
                  <Table.Cell className="text-ui-fg-subtle">{formatDateTime(p.ship_date, locale)}</Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "product_variant.details.after",
})

export default VariantPresalesWidget
