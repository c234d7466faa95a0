import { StatusBadge } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { PresaleStatus, ReservationStatus } from "../../lib/presale-types"

const PRESALE_COLOR: Record<PresaleStatus, "grey" | "green" | "orange" | "red"> = {
  draft: "grey",
  active: "green",
  closed: "orange",
  canceled: "red",
}

export const PresaleStatusBadge = ({ status }: { status: PresaleStatus }) => {
  const { t } = useTranslation("mendian")
  return (
    <StatusBadge color={PRESALE_COLOR[status] ?? "grey"} data-testid="presale-status" data-status={status}>
      {t(`presale.status.${status}`)}
    </StatusBadge>
  )
}

const RESERVATION_COLOR: Record<ReservationStatus, "grey" | "green" | "orange" | "red" | "blue" | "purple"> = {
  reserved: "orange",
  deposit_paid: "blue",
  paid: "green",
  converted: "purple",
  expired: "grey",
  canceled: "grey",
  forfeited: "red",
}

export const ReservationStatusBadge = ({ status }: { status: ReservationStatus }) => {
  const { t } = useTranslation("mendian")
  return (
    <StatusBadge color={RESERVATION_COLOR[status] ?? "grey"} data-status={status}>
      {t(`presale.reservationStatus.${status}`)}
    </StatusBadge>
  )
}

/** Units sold over the quantity, across the items. */
export const soldOf = (items: { sold: number; quantity: number }[]) =>
  items.reduce((a, i) => ({ sold: a.sold + i.sold, quantity: a.quantity + i.quantity }), { sold: 0, quantity: 0 })
