import { StatusBadge } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { STATUS_BADGE_COLORS } from "../../lib/kind-colors"
import type { ShopStatus } from "../../lib/types"

export const ShopStatusBadge = ({ status }: { status: ShopStatus }) => {
  const { t } = useTranslation("mendian")
  return (
    <StatusBadge color={STATUS_BADGE_COLORS[status] ?? "grey"} data-status={status}>
      {t(`status.${status}`)}
    </StatusBadge>
  )
}
