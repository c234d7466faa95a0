import { Badge } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { tierName } from "../../lib/membership-format"
import type { TierRef } from "../../lib/membership-types"

type Color = "grey" | "blue" | "orange" | "green" | "red" | "purple"

/** Rungs by rank: the lowest grey, then blue, orange (gold), purple (diamond), … */
const COLORS: Color[] = ["grey", "blue", "orange", "purple", "red", "green"]

/** A tier's name in the admin's language, coloured by its place on the ladder. */
export const TierBadge = ({ tier, ladder }: { tier: Pick<TierRef, "id" | "name" | "name_en" | "code"> | null | undefined; ladder?: { id: string }[] }) => {
  const { t, i18n } = useTranslation("mendian")
  if (!tier) {
    return (
      <Badge size="2xsmall" color="grey" data-testid="tier-badge">
        {t("membership.noTier")}
      </Badge>
    )
  }
  const place = ladder ? ladder.findIndex((r) => r.id === tier.id) : -1
  return (
    <Badge size="2xsmall" color={COLORS[Math.max(0, place) % COLORS.length]} data-testid="tier-badge" data-tier-code={tier.code}>
      {tierName(tier, i18n.language)}
    </Badge>
  )
}
