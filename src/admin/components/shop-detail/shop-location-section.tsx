import { Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import type { ShopDetail, StockAddress } from "../../lib/types"

/** Chinese order: province, city, street. */
const addressLines = (a: StockAddress | null | undefined): string[] => {
  if (!a) return []
  return [
    [a.province, a.city].filter(Boolean).join(" "),
    [a.address_1, a.address_2].filter(Boolean).join(" "),
    [a.postal_code, a.country_code?.toUpperCase()].filter(Boolean).join(" "),
  ].filter(Boolean)
}

/** The Medusa stock location that holds this shop's stock (1:1), with its address. */
export const ShopLocationSection = ({ shop }: { shop: ShopDetail }) => {
  const { t } = useTranslation("mendian")
  const location = "id" in shop.stock_location ? shop.stock_location : null
  const lines = addressLines(location?.address)
  return (
    <Container className="divide-y p-0" data-testid="shop-location">
      <div className="px-6 py-4">
        <Heading level="h2">{t("location.title")}</Heading>
      </div>
      <div className="flex flex-col gap-y-1 px-6 py-4">
        {location ? (
          <>
            <Link
              to={`/settings/locations/${location.id}`}
              className="txt-compact-small-plus text-ui-fg-interactive hover:underline"
            >
              {location.name}
            </Link>
            {lines.length ? (
              lines.map((line, i) => (
                <Text key={i} size="small" className="text-ui-fg-subtle">
                  {line}
                </Text>
              ))
            ) : (
              <Text size="small" className="text-ui-fg-muted">
                {t("location.noAddress")}
              </Text>
            )}
            {location.address?.phone && (
              <Text size="small" className="text-ui-fg-subtle">
                {location.address.phone}
              </Text>
            )}
          </>
        ) : (
          <Text size="small" className="text-ui-fg-muted">
            {t("location.none")}
          </Text>
        )}
      </div>
    </Container>
  )
}
