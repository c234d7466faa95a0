import { Alert, Button, Label, Prompt, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import type { useCancelPresaleCampaign } from "../../hooks/use-presales"
import { useLocale } from "../../hooks/use-locale"
import { errorMessage } from "../../lib/api-error"
import { formatMoney, formatNumber } from "../../lib/format"
import type { CampaignCancellation, Presale } from "../../lib/presale-types"

type Mutation = ReturnType<typeof useCancelPresaleCampaign>

/** What canceling now would do, from the campaign's live counts. */
export const cancellationPreview = (presale: Presale) => {
  const by = presale.reservations_by_status ?? {}
  const n = (s: keyof NonNullable<Presale["reservations_by_status"]>) => by[s]?.reservations ?? 0
  return {
    open: n("reserved") + n("deposit_paid") + n("paid"),
    refunded: n("deposit_paid") + n("paid"),
    converted: n("converted"),
    waiting: presale.waitlist_waiting ?? 0,
  }
}

/** "Cancel campaign": a confirm dialog saying how many reservations are refunded, with an optional reason for customers. */
export const CancelCampaignButton = ({ presale, cancel }: { presale: Presale; cancel: Mutation }) => {
  const { t } = useTranslation("mendian")
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState("")
  const preview = cancellationPreview(presale)
  const confirm = () => {
    setOpen(false)
    cancel.mutate({ reason: reason.trim() || null }, { onError: (e) => toast.error(errorMessage(e, t("common.unknownError"))) })
  }
  return (
    <Prompt open={open} onOpenChange={setOpen} variant="danger">
      <Prompt.Trigger asChild>
        <Button size="small" variant="danger" type="button" isLoading={cancel.isPending} data-testid="presale-cancel-campaign">
          {t("presale.detail.cancelCampaign")}
        </Button>
      </Prompt.Trigger>
      <Prompt.Content data-testid="presale-cancel-dialog" data-open={preview.open} data-refunded={preview.refunded}>
        <Prompt.Header>
          <Prompt.Title>{t("presale.detail.cancelCampaignTitle")}</Prompt.Title>
          <Prompt.Description data-testid="presale-cancel-description">
            {presale.status === "draft" ? t("presale.detail.cancelCampaignDraft") : t("presale.detail.cancelCampaignLive", preview)}
          </Prompt.Description>
        </Prompt.Header>
        {presale.status !== "draft" && (
          <div className="flex flex-col gap-y-1 px-6 pb-4">
            <Label size="small" htmlFor="presale-cancel-reason">
              {t("presale.detail.cancelReason")}
            </Label>
            <Textarea id="presale-cancel-reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} data-testid="presale-cancel-reason" />
          </div>
        )}
        <Prompt.Footer>
          <Prompt.Cancel>{t("presale.detail.keepCampaign")}</Prompt.Cancel>
          <Prompt.Action onClick={confirm} data-testid="presale-cancel-confirm">
            {t("presale.detail.cancelConfirmButton")}
          </Prompt.Action>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}

/** What the cancellation did: counts, the refunded total, and any reservation it could not cancel yet. */
export const CancelCampaignResult = ({ result, currency }: { result: CampaignCancellation; currency: string }) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const counts = {
    canceled: formatNumber(result.canceled, locale),
    refunded: formatMoney(result.refunded_amount, currency, locale),
    converted: formatNumber(result.skipped_converted, locale),
    waitlist: formatNumber(result.waitlist_closed, locale),
    remaining: formatNumber(result.remaining, locale),
    failures: formatNumber(result.failures.length, locale),
  }
  return (
    <Alert
      variant={result.complete ? "success" : "warning"}
      dismissible
      data-testid="presale-cancellation"
      data-complete={result.complete}
      data-canceled={result.canceled}
      data-refunded={result.refunded_amount}
      data-converted={result.skipped_converted}
    >
      <div className="flex flex-col gap-y-1">
        <span>{t("presale.detail.cancelDone", counts)}</span>
        {!result.complete && <span>{t("presale.detail.cancelPartial", counts)}</span>}
        {result.background && <span data-testid="presale-cancellation-background">{t("presale.detail.cancelBackground")}</span>}
        {result.failures.slice(0, 5).map((f) => (
          <span key={f.reservation_id} className="text-ui-fg-subtle">
            {t("presale.detail.cancelFailure", { id: f.reservation_id, reason: f.reason })}
          </span>
        ))}
      </div>
    </Alert>
  )
}
