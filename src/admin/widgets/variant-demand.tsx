import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProductVariant, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Select, Skeleton, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { LoadError } from "../components/common/query-state"
import { DemandChart } from "../components/replenishment/demand-chart"
import { PolicyStatusBadge } from "../components/replenishment/status-badges"
import { queryKeys } from "../hooks/query-keys"
import { useLocale } from "../hooks/use-locale"
import { useDemandSeries, usePolicies, useStockLocationNames } from "../hooks/use-replenishment"
import { listShops } from "../lib/api"
import { formatQuantity } from "../lib/replenishment-format"

const DAYS = 90

/** On Medusa's variant page: 90 days of demand and the forecast at one location of the merchant's choosing. */
const VariantDemandWidget = ({ data }: DetailWidgetProps<AdminProductVariant>) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const policies = usePolicies({ variant_id: data.id, limit: 500 })
  const list = policies.data?.policies ?? []
  const locationIds = useMemo(() => [...new Set(list.map((p) => p.location_id))], [list])
  const names = useStockLocationNames(locationIds)
  const [chosen, setChosen] = useState<string | undefined>()
  const locationId = chosen && locationIds.includes(chosen) ? chosen : locationIds[0]
  const policy = list.find((p) => p.location_id === locationId)
  const series = useDemandSeries(data.id, locationId, DAYS)

  const shopParams = { stock_location_id: locationId, limit: 1 }
  const shop = useQuery({
    queryKey: queryKeys.shopList(shopParams),
    queryFn: () => listShops(shopParams).then((r) => r.shops[0] ?? null),
    enabled: !!locationId,
  })

  const history = series.data?.history ?? []
  const forecast = series.data?.forecast ?? []
  const sold = history.reduce((sum, h) => sum + (h.sold || 0), 0)
  const q = (v: number | null | undefined) => formatQuantity(v, locale)
  const nameOf = (id: string) => names.data?.get(id) ?? id

  return (
    <Container className="divide-y p-0" data-testid="variant-demand-widget">
      <div className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
        <Heading level="h2">{t("replenishment.chart.title")}</Heading>
        {locationIds.length > 0 && (
          <Select value={locationId} onValueChange={setChosen}>
            <Select.Trigger className="w-[240px]" aria-label={t("replenishment.chart.location")} data-testid="variant-demand-location">
              <Select.Value placeholder={t("replenishment.chart.chooseLocation")} />
            </Select.Trigger>
            <Select.Content>
              {locationIds.map((id) => (
                <Select.Item key={id} value={id}>
                  {nameOf(id)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        )}
      </div>
      {policies.isLoading ? (
        <div className="px-6 py-4">
          <Skeleton className="h-[220px] w-full" />
        </div>
      ) : policies.error ? (
        <div className="px-6 py-4">
          <LoadError error={policies.error} />
        </div>
      ) : !locationId ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          {t("replenishment.chart.noPolicy")}
        </Text>
      ) : (
        <div className="flex flex-col gap-y-3 px-6 py-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            {policy && (
              <div className="flex flex-wrap items-center gap-2">
                <PolicyStatusBadge status={policy.status} />
                <Text size="small" className="text-ui-fg-subtle" data-testid="variant-demand-policy">
                  {t("replenishment.chart.policy", { rop: q(policy.reorder_point), max: q(policy.order_up_to), onHand: q(policy.on_hand) })}
                </Text>
              </div>
            )}
            {shop.data && (
              <Link to={`/shops/${shop.data.id}/replenishment`} className="txt-compact-small text-ui-fg-interactive hover:underline">
                {t("replenishment.chart.openShop")}
              </Link>
            )}
          </div>
          {series.isLoading ? (
            <Skeleton className="h-[220px] w-full" />
          ) : series.error ? (
            <LoadError error={series.error} />
          ) : history.length === 0 && forecast.length === 0 ? (
            <Text size="small" className="text-ui-fg-muted">
              {t("replenishment.chart.empty")}
            </Text>
          ) : (
            <>
              <Text size="small" className="text-ui-fg-subtle" data-testid="variant-demand-summary">
                {[
                  t("replenishment.chart.soldInDays", { sold: q(sold), count: history.length }),
                  t("replenishment.chart.stockoutDays", { count: history.filter((h) => h.stockout).length }),
                  t("replenishment.chart.promotionDays", { count: history.filter((h) => h.promotion).length }),
                ].join(" · ")}
              </Text>
              <DemandChart history={history} forecast={forecast} intervalLevel={series.data?.interval_level} />
            </>
          )}
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "product_variant.details.after",
})

export default VariantDemandWidget
