import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminStockLocation, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { LoadError } from "../components/common/query-state"
import { SectionRow } from "../components/common/section-row"
import { ShopKindLabel } from "../components/common/shop-kind-label"
import { ShopStatusBadge } from "../components/common/shop-status-badge"
import { queryKeys } from "../hooks/query-keys"
import { listShops } from "../lib/api"

/** On Medusa's stock location page: the shop whose stock this location holds, if any. */
const LocationShopWidget = ({ data }: DetailWidgetProps<AdminStockLocation>) => {
  const { t } = useTranslation("mendian")
  const params = { stock_location_id: data.id, limit: 1 }
  const { data: res, isLoading, error } = useQuery({
    queryKey: queryKeys.shopList(params),
    queryFn: () => listShops(params),
  })
  // One shop per location (a unique index), so the first is the one.
  const shop = res?.shops[0]

  return (
    <Container className="divide-y p-0" data-testid="location-shop-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{t("widget.title")}</Heading>
        {shop && (
          <Link to={`/shops/${shop.id}`} className="txt-compact-small text-ui-fg-interactive hover:underline">
            {t("widget.open")}
          </Link>
        )}
      </div>
      {isLoading ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          {t("common.loading")}
        </Text>
      ) : error ? (
        <div className="px-6 py-4">
          <LoadError error={error} />
        </div>
      ) : !shop ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          {t("widget.none")}
        </Text>
      ) : (
        <>
          <SectionRow label={t("fields.code")} value={<span className="font-mono">{shop.code}</span>} />
          <SectionRow
            label={t("fields.name")}
            value={
              <Link to={`/shops/${shop.id}`} className="text-ui-fg-interactive hover:underline">
                {shop.name}
              </Link>
            }
          />
          <SectionRow label={t("fields.kind")} value={<ShopKindLabel kind={shop.kind} />} />
          <SectionRow label={t("fields.status")} value={<ShopStatusBadge status={shop.status} />} />
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "location.details.side.before",
})

export default LocationShopWidget
