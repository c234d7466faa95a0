import { StatusBadge } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { LineStatus, TransferStatus } from "../../lib/transfer-types"

type Color = "grey" | "blue" | "orange" | "green" | "red" | "purple"

const COLORS: Record<TransferStatus, Color> = {
  draft: "grey",
  requested: "orange",
  approved: "blue",
  in_transit: "purple",
  partially_received: "orange",
  received: "green",
  closed_short: "red",
  cancelled: "grey",
}

export const TransferStatusBadge = ({ status }: { status: TransferStatus }) => {
  const { t } = useTranslation("mendian")
  return (
    <StatusBadge color={COLORS[status] ?? "grey"} data-testid="transfer-status" data-status={status}>
      {t(`transfers.status.${status}`, { defaultValue: status })}
    </StatusBadge>
  )
}

const LINE_COLORS: Record<LineStatus, Color> = { pending: "orange", approved: "green", rejected: "red" }

export const LineStatusBadge = ({ status }: { status: LineStatus }) => {
  const { t } = useTranslation("mendian")
  return (
    <StatusBadge color={LINE_COLORS[status] ?? "grey"} data-status={status}>
      {t(`transfers.lineStatus.${status}`, { defaultValue: status })}
    </StatusBadge>
  )
}
