import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Container, Heading, Select, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useSearchParams } from "react-router-dom"
import { TranslatedCrumb } from "../../components/common/translated-crumb"
import { ForecastRunButton } from "../../components/replenishment/forecast-run-button"
import { ReplenishmentTabs } from "../../components/replenishment/replenishment-tabs"
import { useAllShops } from "../../hooks/use-shops"

/** Sidebar "Replenishment": pick a shop (kept in ?shop_id=), then the same tabs as on the shop. */
const ReplenishmentPage = () => {
  const { t } = useTranslation("mendian")
  const [params, setParams] = useSearchParams()
  const shopId = params.get("shop_id") || undefined
  const shops = useAllShops({ order: "code" })
  const shop = shops.data?.find((s) => s.id === shopId)

  return (
    <Container className="p-0" data-testid="replenishment-page" data-shop-code={shop?.code}>
      <div className="border-ui-border-base flex flex-wrap items-start justify-between gap-3 border-b px-6 py-4">
        <div>
          <Heading>{t("replenishment.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("replenishment.subtitle")}
          </Text>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          {shopId && <ForecastRunButton shopId={shopId} />}
          <Select value={shopId ?? ""} onValueChange={(v) => setParams(new URLSearchParams({ shop_id: v }), { replace: true })}>
            <Select.Trigger className="w-[260px]" aria-label={t("replenishment.pickShop")} data-testid="replenishment-shop-picker">
              <Select.Value placeholder={t("replenishment.pickShopPlaceholder")} />
            </Select.Trigger>
            <Select.Content>
              {(shops.data ?? []).map((s) => (
                <Select.Item key={s.id} value={s.id}>
                  <span className="font-mono">{s.code}</span> · {s.name}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </div>
      {shopId ? (
        <ReplenishmentTabs key={shopId} shopId={shopId} />
      ) : (
        <Text size="small" className="text-ui-fg-muted px-6 py-10 text-center">
          {t("replenishment.noShop")}
        </Text>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "nav.replenishment",
  translationNs: "mendian",
  icon: ChartBar,
})

export const handle = {
  breadcrumb: () => <TranslatedCrumb k="nav.replenishment" />,
}

export default ReplenishmentPage
