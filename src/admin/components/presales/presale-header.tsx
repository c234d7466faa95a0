import { Alert, Button, Container, Heading, Input, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useLocale } from "../../hooks/use-locale"
import { useCancelPresaleCampaign, useConvertPresale, useUpdatePresale } from "../../hooks/use-presales"
import { errorMessage } from "../../lib/api-error"
import { formatDateTime, formatMoney, formatNumber } from "../../lib/format"
import { toLocalInput } from "../../lib/presale-form-values"
import type { Presale } from "../../lib/presale-types"
import { SectionRow } from "../common/section-row"
import { PresaleStatusBadge } from "./presale-badges"
import { CancelCampaignButton, CancelCampaignResult, cancellationPreview } from "./presale-cancel-campaign"

/** The campaign's title and status, its actions (activate, close, ship date, convert, cancel) and its terms. */
export const PresaleHeader = ({ presale }: { presale: Presale }) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const prompt = usePrompt()
  const update = useUpdatePresale(presale.id)
  const convert = useConvertPresale(presale.id)
  const cancel = useCancelPresaleCampaign(presale.id)
  const [editingShip, setEditingShip] = useState(false)
  const [shipDate, setShipDate] = useState("")
  const currency = presale.currency_code ?? "cny"
  const fail = (e: unknown) => toast.error(errorMessage(e, t("common.unknownError")))

  const setStatus = async (status: "active" | "closed") => {
    if (status === "closed") {
      const ok = await prompt({ title: t("presale.detail.close"), description: t("presale.detail.closeConfirm"), confirmText: t("presale.detail.close"), cancelText: t("common.cancel") })
      if (!ok) return
    }
    update.mutate({ status }, { onSuccess: () => toast.success(t(status === "active" ? "presale.detail.activated" : "presale.detail.closed")), onError: fail })
  }
  const saveShipDate = () =>
    update.mutate(
      { ship_date: `${shipDate}T12:00:00.000Z` },
      { onSuccess: () => (toast.success(t("presale.detail.shipDateSaved")), setEditingShip(false)), onError: fail }
    )
  const byStatus = Object.entries(presale.reservations_by_status ?? {})

  return (
    <Container className="divide-y p-0" data-testid="presale-detail" data-presale-id={presale.id} data-status={presale.status}>
      <div className="flex flex-wrap items-start justify-between gap-3 px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Heading>{presale.title}</Heading>
          <PresaleStatusBadge status={presale.status} />
        </div>
        <div className="flex flex-wrap gap-2">
          {presale.status !== "active" && presale.status !== "canceled" && (
            <Button size="small" type="button" isLoading={update.isPending && update.variables?.status === "active"} onClick={() => setStatus("active")} data-testid="presale-activate">
              {t("presale.detail.activate")}
            </Button>
          )}
          {presale.status === "active" && (
            <Button size="small" variant="secondary" type="button" isLoading={update.isPending && update.variables?.status === "closed"} onClick={() => setStatus("closed")} data-testid="presale-close">
              {t("presale.detail.close")}
            </Button>
          )}
          {presale.status !== "canceled" && presale.status !== "draft" && (
            <Button size="small" variant="secondary" type="button" isLoading={convert.isPending} onClick={() => convert.mutate(undefined, { onError: fail })} data-testid="presale-convert" title={t("presale.detail.convertHint")}>
              {t("presale.detail.convert")}
            </Button>
          )}
          {presale.status !== "canceled" && <CancelCampaignButton presale={presale} cancel={cancel} />}
          {presale.status === "canceled" && (!presale.cancellation?.completed_at || cancellationPreview(presale).open > 0) && (
            <Button
              size="small"
              variant="secondary"
              type="button"
              isLoading={cancel.isPending}
              onClick={() => cancel.mutate({}, { onError: fail })}
              data-testid="presale-continue-cancel"
            >
              {t("presale.detail.continueCancel")}
            </Button>
          )}
        </div>
      </div>
      {cancel.data && (
        <div className="px-6 py-4">
          <CancelCampaignResult result={cancel.data} currency={currency} />
        </div>
      )}
      {convert.data && (
        <div className="px-6 py-4">
          <Alert variant="success" dismissible data-testid="presale-conversion" data-converted={convert.data.converted} data-waiting={convert.data.waiting}>
            {t("presale.detail.converted", { converted: convert.data.converted, waiting: convert.data.waiting })}
          </Alert>
        </div>
      )}
      {presale.status === "canceled" && presale.cancellation && (
        <SectionRow
          label={t("presale.detail.cancellation")}
          testId="presale-cancellation-info"
          value={[formatDateTime(presale.cancellation.canceled_at, locale), presale.cancellation.reason, presale.cancellation.completed_at ? null : t("presale.detail.cancellationRunning")].filter(Boolean).join(" · ")}
        />
      )}
      <SectionRow label={t("presale.columns.mode")} value={t(`presale.mode.${presale.payment_mode}`)} />
      {presale.payment_mode === "deposit" && (
        <>
          <SectionRow label={t("presale.detail.deposit")} value={presale.deposit == null ? null : formatMoney(presale.deposit, currency, locale)} />
          <SectionRow label={t("presale.detail.depositValue")} value={presale.deposit_value == null ? null : formatMoney(presale.deposit_value, currency, locale)} />
          <SectionRow
            label={t("presale.detail.balanceWindow")}
            value={presale.balance_opens_at || presale.balance_closes_at ? `${formatDateTime(presale.balance_opens_at, locale)} – ${formatDateTime(presale.balance_closes_at, locale)}` : null}
          />
        </>
      )}
      <SectionRow
        label={t("presale.detail.shipDate")}
        testId="presale-ship-date"
        value={
          editingShip ? (
            <div className="flex items-center gap-x-1">
              <Input size="small" type="date" value={shipDate} onChange={(e) => setShipDate(e.target.value)} aria-label={t("presale.detail.shipDate")} data-testid="presale-ship-date-input" />
              <Button size="small" type="button" disabled={!/^\d{4}-\d{2}-\d{2}$/.test(shipDate)} isLoading={update.isPending && !!update.variables?.ship_date} onClick={saveShipDate} data-testid="presale-ship-date-save">
                {t("common.save")}
              </Button>
              <Button size="small" variant="transparent" type="button" onClick={() => setEditingShip(false)}>
                {t("common.cancel")}
              </Button>
            </div>
          ) : (
            <div className="flex items-center gap-x-2">
              <span data-field="value">{formatDateTime(presale.ship_date, locale)}</span>
              {presale.status !== "canceled" && (
                <Button
                  size="small"
                  variant="transparent"
                  type="button"
                  data-testid="presale-ship-date-edit"
                  onClick={() => (setShipDate(toLocalInput(new Date(presale.ship_date)).slice(0, 10)), setEditingShip(true))}
                >
                  {t("presale.detail.changeShipDate")}
                </Button>
              )}
            </div>
          )
        }
      />
      <SectionRow
        label={t("presale.detail.limits")}
        value={
          [presale.per_member_limit ? t("presale.detail.perMember", { n: presale.per_member_limit }) : null, presale.per_phone_limit ? t("presale.detail.perPhone", { n: presale.per_phone_limit }) : null]
            .filter(Boolean)
            .join(" · ") || t("presale.detail.noLimit")
        }
      />
      <SectionRow label={t("presale.detail.ttl")} value={t("presale.detail.ttlMinutes", { n: presale.payment_ttl_minutes })} />
      <SectionRow label={t("presale.detail.cancelRefund")} value={t(`presale.detail.refund.${presale.cancel_refund}`)} />
      <SectionRow
        label={t("presale.detail.byStatus")}
        testId="presale-by-status"
        value={
          byStatus.length ? (
            <div className="flex flex-wrap gap-x-3 gap-y-1">
              {byStatus.map(([s, v]) => (
                <span key={s} data-status={s} data-units={v?.units}>
                  {t(`presale.reservationStatus.${s}`)}: {formatNumber(v?.reservations ?? 0, locale)} ({formatNumber(v?.units ?? 0, locale)})
                </span>
              ))}
            </div>
          ) : (
            <Text size="small" className="text-ui-fg-muted">
              –
            </Text>
          )
        }
      />
      <SectionRow label={t("presale.detail.waitlist")} value={formatNumber(presale.waitlist_waiting ?? 0, locale)} />
    </Container>
  )
}
