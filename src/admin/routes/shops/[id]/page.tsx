import { ArrowLeft } from "@medusajs/icons"
import { Button } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link, useParams, type UIMatch } from "react-router-dom"
import { LoadError, SectionSkeleton } from "../../../components/common/query-state"
import { ShopsChildCrumb } from "../../../components/common/translated-crumb"
import { ShopGeneralSection } from "../../../components/shop-detail/shop-general-section"
import { ShopHoursSection } from "../../../components/shop-detail/shop-hours-section"
import { ShopLocationSection } from "../../../components/shop-detail/shop-location-section"
import { ShopPosTokensSection } from "../../../components/shop-detail/shop-pos-tokens-section"
import { ShopSalesChannelsSection } from "../../../components/shop-detail/shop-sales-channels-section"
import { ShopStockSection } from "../../../components/shop-detail/shop-stock-section"
import { useShop } from "../../../hooks/use-shops"

/** One shop: facts and status, stock, hours, tills; its location and channels on the side. */
const ShopDetailPage = () => {
  const { t } = useTranslation("mendian")
  const { id } = useParams()
  const { data: shop, isLoading, error } = useShop(id)

  if (isLoading) {
    return (
      <div className="flex flex-col gap-y-3">
        <SectionSkeleton rows={6} />
        <SectionSkeleton rows={2} />
      </div>
    )
  }
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
    <div className="flex flex-col gap-x-4 gap-y-3 xl:flex-row xl:items-start" data-testid="shop-detail" data-shop-code={shop.code}>
      <div className="flex w-full min-w-0 flex-col gap-y-3">
        <ShopGeneralSection shop={shop} />
        <ShopStockSection stock={shop.stock} />
        <ShopHoursSection shop={shop} />
        <ShopPosTokensSection shopId={shop.id} />
      </div>
      <div className="flex w-full flex-col gap-y-3 xl:max-w-[400px]">
        <ShopLocationSection shop={shop} />
        <ShopSalesChannelsSection channels={shop.sales_channels} />
      </div>
    </div>
  )
}

/** The crumb shows the shop's code once its detail is loaded (from the same cache). */
const ShopCrumb = ({ id }: { id?: string }) => {
  const { data } = useShop(id)
  return <ShopsChildCrumb label={data ? `${data.code} · ${data.name}` : id} />
}

export const handle = {
  breadcrumb: (match: UIMatch) => <ShopCrumb id={(match.params as { id?: string }).id} />,
}

export default ShopDetailPage
