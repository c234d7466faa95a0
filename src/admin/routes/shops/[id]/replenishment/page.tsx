import { ArrowLeft } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link, useParams } from "react-router-dom"
import { LoadError, SectionSkeleton } from "../../../../components/common/query-state"
import { ShopsChildCrumb } from "../../../../components/common/translated-crumb"
import { ForecastRunButton } from "../../../../components/replenishment/forecast-run-button"
import { ReplenishmentTabs } from "../../../../components/replenishment/replenishment-tabs"
import { useShop } from "../../../../hooks/use-shops"

/** One shop's inventory intelligence: policies, proposals, slow movers, and a forecast run. */
const ShopReplenishmentPage = () => {
  const { t } = useTranslation("mendian")
  const { id } = useParams()
  const { data: shop, isLoading, error } = useShop(id)

  if (isLoading) return <SectionSkeleton rows={8} />
  if (error || !shop) {
    return (
      <div className="flex flex-col items-start gap-y-3">
        <LoadError error={error ?? new Error(t("detail.notFound"))} />
        <Button size="small" variant="secondary" asChild>
          <Link to="/shops">
            <ArrowLeft />
            {t("detail.backToList")}
          </Link>
        </Button>
      </div>
    )
  }

  return (
    <Container className="p-0" data-testid="replenishment-page" data-shop-code={shop.code}>
      <div className="border-ui-border-base flex flex-wrap items-start justify-between gap-3 border-b px-6 py-4">
        <div>
          <Heading>{t("replenishment.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            <Link to={`/shops/${shop.id}`} className="hover:underline">
              {t("replenishment.shopSubtitle", { code: shop.code, name: shop.name })}
            </Link>
          </Text>
        </div>
        <ForecastRunButton shopId={shop.id} />
      </div>
      <ReplenishmentTabs shopId={shop.id} />
    </Container>
  )
}

export const handle = {
  breadcrumb: () => <ShopsChildCrumb labelKey="replenishment.title" />,
}

export default ShopReplenishmentPage
