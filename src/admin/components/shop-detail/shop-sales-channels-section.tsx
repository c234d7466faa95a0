import { Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import type { ShopDetail } from "../../lib/types"

/** Channels that sell this shop's stock: its own POS channel, and the online ones. */
export const ShopSalesChannelsSection = ({ channels }: { channels: ShopDetail["sales_channels"] }) => {
  const { t } = useTranslation("mendian")
  return (
    <Container className="divide-y p-0" data-testid="shop-sales-channels">
      <div className="px-6 py-4">
        <Heading level="h2">{t("salesChannels.title")}</Heading>
      </div>
      {channels.length === 0 ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          {t("salesChannels.empty")}
        </Text>
      ) : (
        <ul className="divide-y">
          {channels.map((c) => (
            <li key={c.id} className="flex flex-col px-6 py-3">
              <Link to={`/settings/sales-channels/${c.id}`} className="txt-compact-small-plus text-ui-fg-base hover:underline">
                {c.name}
              </Link>
              {c.description && (
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {c.description}
                </Text>
              )}
            </li>
          ))}
        </ul>
      )}
    </Container>
  )
}
