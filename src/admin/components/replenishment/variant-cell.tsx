import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import type { VariantSummary } from "../../lib/replenishment-types"

/** Product title, variant title and SKU of a row, linking to Medusa's variant page. */
export const VariantCell = ({ variantId, variant }: { variantId: string; variant?: VariantSummary | null }) => {
  const { t } = useTranslation("mendian")
  const product = variant?.product_title
  const title = variant?.title
  const href = variant?.product_id ? `/products/${variant.product_id}/variants/${variantId}` : null
  const name = product ?? title ?? t("replenishment.variant.unknown", { id: variantId })
  return (
    <div className="flex min-w-[160px] max-w-[240px] flex-col" data-variant-id={variantId}>
      {href ? (
        <Link to={href} onClick={(e) => e.stopPropagation()} className="text-ui-fg-base truncate hover:underline">
          {name}
        </Link>
      ) : (
        <span className="truncate">{name}</span>
      )}
      <span className="text-ui-fg-subtle txt-compact-xsmall truncate">
        {product && title ? title : null}
        {product && title && variant?.sku ? " · " : null}
        {variant?.sku ? <span className="font-mono">{variant.sku}</span> : null}
      </span>
    </div>
  )
}
