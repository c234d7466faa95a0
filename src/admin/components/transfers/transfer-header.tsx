import { ArchiveBox, Check, PaperPlane, TruckFast, XCircle, XMark } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useAdminUsers } from "../../hooks/use-admin-users"
import { useLocale } from "../../hooks/use-locale"
import { formatDateTime, userDisplayName } from "../../lib/format"
import { formatQuantity } from "../../lib/replenishment-format"
import { actorUserId } from "../../lib/transfer-format"
import { allowedActions, lineTotals } from "../../lib/transfer-rules"
import type { TransferAction, TransferDetail } from "../../lib/transfer-types"
import { SectionRow } from "../common/section-row"
import { PlaceCell } from "./place-cell"
import { TransferStatusBadge } from "./transfer-status-badge"

const ICONS: Record<TransferAction, typeof Check> = {
  request: PaperPlane,
  approve: Check,
  ship: TruckFast,
  receive: ArchiveBox,
  close: XCircle,
  cancel: XMark,
}

/** Who did it, by name when the user is known. */
export const useActorName = () => {
  const { t } = useTranslation("mendian")
  const users = useAdminUsers()
  return (actor: string | null | undefined) => {
    const id = actorUserId(actor)
    if (!actor) return t("transfers.movements.system")
    const user = id ? users.data?.find((u) => u.id === id) : undefined
    return user ? userDisplayName(user) : (id ?? actor)
  }
}

type Props = {
  transfer: TransferDetail
  /** The action whose form is open, if any (its button is then pressed). */
  active: TransferAction | null
  busy: boolean
  onAction: (a: TransferAction) => void
}

/** Number, status and source; the timeline; the buttons the status allows. */
export const TransferHeader = ({ transfer, active, busy, onAction }: Props) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const actorName = useActorName()
  const actions = allowedActions(transfer)
  const totals = lineTotals(transfer.lines)
  const q = (v: number) => formatQuantity(v, locale)
  const when = (iso: string | null, by?: string | null) =>
    iso ? (
      <span>
        {formatDateTime(iso, locale)}
        {by && <span className="text-ui-fg-subtle"> · {actorName(by)}</span>}
      </span>
    ) : null

  const steps: [string, string | null, string | null | undefined][] = [
    ["createdAt", transfer.created_at, transfer.created_by],
    ["requestedAt", transfer.requested_at, null],
    ["approvedAt", transfer.approved_at, transfer.approved_by],
    ["shippedAt", transfer.shipped_at, transfer.shipped_by],
    ["receivedAt", transfer.received_at, null],
    ["closedAt", transfer.closed_at, null],
    ["cancelledAt", transfer.cancelled_at, null],
  ]

  return (
    <Container className="divide-y p-0" data-testid="transfer-header">
      <div className="flex flex-wrap items-start justify-between gap-3 px-6 py-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <Heading className="font-mono" data-testid="transfer-number">
              {transfer.number}
            </Heading>
            <TransferStatusBadge status={transfer.status} />
          </div>
          <Text size="small" className="text-ui-fg-subtle tabular-nums" data-testid="transfer-totals">
            {t("transfers.detail.totals", {
              requested: q(totals.requested),
              shipped: q(totals.shipped),
              received: q(totals.received),
              inTransit: q(totals.in_transit),
            })}
          </Text>
        </div>
        <div className="flex flex-wrap items-center gap-2" data-testid="transfer-actions">
          {actions.map((a) => (
            <Button
              key={a}
              size="small"
              variant={a === "cancel" || a === "close" ? "secondary" : active === a ? "secondary" : "primary"}
              disabled={busy || (active !== null && active !== a)}
              onClick={() => onAction(a)}
              data-testid={`transfer-action-${a}`}
            >
              {(() => {
                const Icon = ICONS[a]
                return <Icon />
              })()}
              {t(`transfers.actions.${a}`)}
            </Button>
          ))}
        </div>
      </div>
      <SectionRow label={t("transfers.detail.source")} value={<PlaceCell place={transfer.source} />} testId="transfer-source" />
      <SectionRow label={t("transfers.detail.origin")} value={t(`transfers.origin.${transfer.origin}`, { defaultValue: transfer.origin })} />
      {transfer.reason && <SectionRow label={t("transfers.detail.reason")} value={transfer.reason} />}
      {transfer.note && <SectionRow label={t("transfers.detail.note")} value={<span className="whitespace-pre-wrap">{transfer.note}</span>} />}
      {steps
        .filter(([, iso]) => !!iso)
        .map(([k, iso, by]) => (
          <SectionRow key={k} label={t(`transfers.detail.${k}`)} value={when(iso, by)} testId={`transfer-${k}`} />
        ))}
    </Container>
  )
}
