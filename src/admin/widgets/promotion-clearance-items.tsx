import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminPromotion, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { LoadError } from "../components/common/query-state"
import { useVariantsById } from "../hooks/use-transfers"
import { useShop } from "../hooks/use-shops"

/** The variant ids a promotion's `items.variant_id` target rule names. */
const targetVariantIds = (promotion: AdminPromotion): string[] => {
  const rules = promotion.application_method?.target_rules ?? []
  const ids = rules
    .filter((r) => r.attribute === "items.variant_id")
    .flatMap((r) => (r.values ?? []).map((v) => (typeof v === "string" ? v : v.value)))
    .filter((v): v is string => typeof v === "string" && v !== "")
  return [...new Set(ids)]
}

/**
 * On Medusa's promotion page, for Mendian's clearance promotions: the variants its target rule
 * names (Medusa's own rule list shows "No records" for `items.variant_id`) and the shop it is for.
 */
const PromotionClearanceItemsWidget = ({ data }: DetailWidgetProps<AdminPromotion>) => {
  const { t } = useTranslation("mendian")
  const clearance = data.metadata?.source === "mendian.clearance"
  const ids = useMemo(() => (clearance ? targetVariantIds(data).sort() : []), [clearance, data])
  const shopId = clearance && typeof data.metadata?.shop_id === "string" ? data.metadata.shop_id : undefined
  const shop = useShop(shopId)
  const variants = useVariantsById(ids)
  if (!clearance) return null

  const byId = new Map((variants.data ?? []).map((v) => [v.id, v] as const))
  return (
    <Container className="divide-y p-0" data-testid="promotion-clearance-widget">
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">{t("clearanceWidget.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {shop.data
              ? t("clearanceWidget.subtitle", { shop: `${shop.data.code} · ${shop.data.name}` })
              : t("clearanceWidget.subtitleNoShop")} · {t("clearanceWidget.count", { count: ids.length })}
          </Text>
        </div>
        {shop.data && (
          <Link to={`/shops/${shop.data.id}`} className="txt-compact-small text-ui-fg-interactive shrink-0 hover:underline" data-testid="promotion-clearance-shop">
            {t("clearanceWidget.openShop")}
          </Link>
        )}
      </div>
      {variants.error ? (
        <div className="px-6 py-4">
          <LoadError error={variants.error} />
        </div>
      ) : ids.length === 0 ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          {t("clearanceWidget.none")}
        </Text>
      ) : variants.isLoading ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          {t("common.loading")}
        </Text>
      ) : (
        <div className="overflow-x-auto">
          <Table className="whitespace-nowrap">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{t("clearanceWidget.variant")}</Table.HeaderCell>
                <Table.HeaderCell>{t("clearanceWidget.sku")}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {ids.map((id) => {
                const v = byId.get(id)
                return (
                  <Table.Row key={id} data-variant-id={id} data-sku={v?.sku ?? undefined}>
                    <Table.Cell>
                      {v ? (
                        <Link to={`/products/${v.product_id ?? v.product?.id}/variants/${v.id}`} className="hover:underline">
                          {v.product?.title ?? v.title}
                          {v.product?.title && v.title ? <span className="text-ui-fg-subtle"> · {v.title}</span> : null}
                        </Link>
                      ) : (
                        <span className="text-ui-fg-muted">{t("clearanceWidget.missing", { id })}</span>
                      )}
                    </Table.Cell>
                    <Table.Cell className="font-mono">{v?.sku ?? "–"}</Table.Cell>
                  </Table.Row>
                )
              })}
            </Table.Body>
          </Table>
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "promotion.details.after",
})

export default PromotionClearanceItemsWidget
