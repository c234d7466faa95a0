import { Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { Unassigned } from "../../lib/delivery-types"

/** Stops the last build could not place, each with the router's reason. */
export const UnassignedStops = ({ stops }: { stops: Unassigned[] }) => {
  const { t } = useTranslation("mendian")
  if (!stops.length) return null
  return (
    <Container className="flex flex-col gap-y-2 px-6 py-4" data-testid="runs-unassigned">
      <Heading level="h3">{t("deliveryRuns.unassigned.title")}</Heading>
      <ul className="flex flex-col gap-y-1">
        {stops.map((s) => (
          <li key={s.id} className="txt-compact-small flex flex-wrap gap-x-3" data-shop-code={s.shop_code ?? undefined} data-reason={s.reason}>
            <span className="font-mono">{s.shop_code ?? s.id.slice(-8)}</span>
            <span className="tabular-nums">{s.units}</span>
            <Text size="small" className="text-ui-fg-subtle">
              {s.reason}: {s.detail}
            </Text>
          </li>
        ))}
      </ul>
    </Container>
  )
}
