import { Button, Container, Heading, Select, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useTiers } from "../../hooks/use-members-settings"
import { useLocale } from "../../hooks/use-locale"
import { useCancelReservation, usePresaleReservations } from "../../hooks/use-presales"
import { errorMessage } from "../../lib/api-error"
import { formatDateTime, formatMoney, formatNumber } from "../../lib/format"
import { customerName, tierName } from "../../lib/membership-format"
import { RESERVATION_STATUSES, type Presale, type ReservationStatus } from "../../lib/presale-types"
import { LoadError } from "../common/query-state"
import { TablePagination } from "../common/table-pagination"
import { ReservationStatusBadge } from "./presale-badges"

const PAGE_SIZE = 20
const ALL = "__all"
const CANCELABLE: ReservationStatus[] = ["reserved", "deposit_paid", "paid"]

/** The campaign's reservations, filtered by status and tier, with a cancel for the live ones. */
export const PresaleReservations = ({ presale }: { presale: Presale }) => {
  const { t, i18n } = useTranslation("mendian")
  const locale = useLocale()
  const prompt = usePrompt()
  const tiers = useTiers()
  const [status, setStatus] = useState<ReservationStatus | undefined>()
  const [priority, setPriority] = useState<number | undefined>()
  const [page, setPage] = useState(0)
  const list = usePresaleReservations(presale.id, { status, tier_priority: priority, limit: PAGE_SIZE, offset: page * PAGE_SIZE })
  const cancel = useCancelReservation(presale.id)
  const currency = presale.currency_code ?? "cny"
  const priorities = [...new Map((tiers.data ?? []).map((x) => [x.presale_priority, x])).values()]
  const tierOfPriority = (p: number | null) => (p == null ? null : (tiers.data ?? []).find((x) => x.presale_priority === p))
  const itemOf = (id: string) => presale.items.find((i) => i.id === id)
  const num = "text-right tabular-nums"
  const col = (k: string) => t(`presale.columns.${k}`)

  const onCancel = async (id: string) => {
    const ok = await prompt({ title: t("presale.reservations.cancel"), description: t("presale.reservations.cancelConfirm"), confirmText: t("presale.reservations.cancel"), cancelText: t("common.cancel") })
    if (!ok) return
    cancel.mutate(id, {
      onSuccess: () => toast.success(t("presale.reservations.canceled")),
      onError: (e) => toast.error(errorMessage(e, t("common.unknownError"))),
    })
  }

  return (
    <Container className="divide-y p-0" data-testid="presale-reservations" data-count={list.data?.count}>
      <div className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
        <Heading level="h2">{t("presale.reservations.title")}</Heading>
        <div className="flex gap-2">
          <Select size="small" value={status ?? ALL} onValueChange={(v) => (setStatus(v === ALL ? undefined : (v as ReservationStatus)), setPage(0))}>
            <Select.Trigger className="w-[160px]" aria-label={t("presale.reservations.statusFilter")} data-testid="reservations-status-filter">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={ALL}>{t("presale.reservations.allStatuses")}</Select.Item>
              {RESERVATION_STATUSES.map((s) => (
                <Select.Item key={s} value={s}>
                  {t(`presale.reservationStatus.${s}`)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
          <Select size="small" value={priority == null ? ALL : String(priority)} onValueChange={(v) => (setPriority(v === ALL ? undefined : Number(v)), setPage(0))}>
            <Select.Trigger className="w-[160px]" aria-label={t("presale.reservations.tierFilter")} data-testid="reservations-tier-filter">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={ALL}>{t("presale.reservations.allTiers")}</Select.Item>
              {priorities.map((tier) => (
                <Select.Item key={tier.id} value={String(tier.presale_priority)}>
                  {tierName(tier, i18n.language)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </div>
      {list.error ? (
        <div className="px-6 py-4">
          <LoadError error={list.error} />
        </div>
      ) : (
        <>
          <div className="overflow-x-auto">
            <Table className="whitespace-nowrap" data-testid="reservations-table">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>{col("customer")}</Table.HeaderCell>
                  <Table.HeaderCell>{col("item")}</Table.HeaderCell>
                  <Table.HeaderCell>{col("status")}</Table.HeaderCell>
                  <Table.HeaderCell className={num}>{col("quantity")}</Table.HeaderCell>
                  <Table.HeaderCell className={num}>{col("total")}</Table.HeaderCell>
                  <Table.HeaderCell className={num}>{col("paid")}</Table.HeaderCell>
                  <Table.HeaderCell>{col("tier")}</Table.HeaderCell>
                  <Table.HeaderCell>{col("created")}</Table.HeaderCell>
                  <Table.HeaderCell>{col("expires")}</Table.HeaderCell>
                  <Table.HeaderCell />
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {(list.data?.reservations ?? []).map((r) => {
                  const tier = tierOfPriority(r.tier_priority)
                  const paid = (r.first_paid_at ? (r.first_payment ?? 0) : 0) + (r.balance_paid_at ? (r.balance ?? 0) : 0)
                  return (
                    <Table.Row key={r.id} data-reservation-id={r.id} data-status={r.status}>
                      <Table.Cell>{customerName(r.customer) || r.customer?.email || "–"}</Table.Cell>
                      <Table.Cell>{itemOf(r.item_id)?.sku ?? itemOf(r.item_id)?.title ?? r.variant_id}</Table.Cell>
                      <Table.Cell>
                        <ReservationStatusBadge status={r.status} />
                      </Table.Cell>
                      <Table.Cell className={num}>{formatNumber(r.quantity, locale)}</Table.Cell>
                      <Table.Cell className={num}>{r.total == null ? "–" : formatMoney(r.total, currency, locale)}</Table.Cell>
                      <Table.Cell className={num}>{formatMoney(paid, currency, locale)}</Table.Cell>
                      <Table.Cell>{tier ? tierName(tier, i18n.language) : (r.tier_priority ?? "–")}</Table.Cell>
                      <Table.Cell className="text-ui-fg-subtle">{formatDateTime(r.created_at, locale)}</Table.Cell>
                      <Table.Cell className="text-ui-fg-subtle">{r.status === "reserved" || r.status === "deposit_paid" ? formatDateTime(r.expires_at, locale) : "–"}</Table.Cell>
                      <Table.Cell className="text-right">
                        {CANCELABLE.includes(r.status) && (
                          <Button size="small" variant="transparent" type="button" data-testid="reservation-cancel" isLoading={cancel.isPending && cancel.variables === r.id} onClick={() => onCancel(r.id)}>
                            {t("presale.reservations.cancel")}
                          </Button>
                        )}
                      </Table.Cell>
                    </Table.Row>
                  )
                })}
              </Table.Body>
            </Table>
            {list.data && list.data.reservations.length === 0 && (
              <Text size="small" className="text-ui-fg-muted border-ui-border-base border-b px-6 py-8 text-center" data-testid="reservations-empty">
                {t("presale.reservations.empty")}
              </Text>
            )}
          </div>
          <TablePagination count={list.data?.count ?? 0} pageIndex={page} pageSize={PAGE_SIZE} onPageChange={setPage} />
        </>
      )}
    </Container>
  )
}
