import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import type { PlaceName } from "../../hooks/use-places"
import type { TransferPlace } from "../../lib/transfer-types"

/** A shop's code and name (linking to the shop), or a stock location's name. */
export const PlaceCell = ({ place, fallback }: { place: TransferPlace | null; fallback?: PlaceName }) => {
  const { t } = useTranslation("mendian")
  const shopId = place?.shop_id ?? fallback?.shop?.id ?? null
  const code = place?.shop_code ?? fallback?.shop?.code ?? null
  const locationId = place?.location_id ?? fallback?.locationId ?? ""
  const name = place?.name ?? fallback?.name ?? t("transfers.place.unknown", { id: locationId })
  const label = (
    <>
      {code && <span className="font-mono">{code}</span>}
      {code && " · "}
      {name}
    </>
  )
  return shopId ? (
    <Link to={`/shops/${shopId}`} onClick={(e) => e.stopPropagation()} className="text-ui-fg-base hover:underline" data-shop-code={code ?? undefined}>
      {label}
    </Link>
  ) : (
    <span data-location-id={locationId}>{label}</span>
  )
}
