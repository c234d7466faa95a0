import { Button, Drawer, Heading, Hint, Label, Text, Textarea } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { TransferActionError } from "./transfer-action-error"

type Props = {
  action: "close" | "cancel" | null
  number: string
  pending: boolean
  error: unknown
  onSubmit: (reason: string) => void
  onClose: () => void
}

/** Closing short or cancelling asks why; the reason goes into the movement log. */
export const TransferReasonDrawer = ({ action, number, pending, error, onSubmit, onClose }: Props) => {
  const { t } = useTranslation("mendian")
  const [reason, setReason] = useState("")
  const [submitted, setSubmitted] = useState(false)
  useEffect(() => {
    if (action) {
      setReason("")
      setSubmitted(false)
    }
  }, [action])
  const missing = !reason.trim()
  const tooLong = reason.length > 500

  return (
    <Drawer open={!!action} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content aria-describedby={undefined} data-testid="transfer-reason-drawer" data-action={action ?? undefined}>
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>{action && t(`transfers.reason.${action}Title`)}</Heading>
          </Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-5">
          <Text size="small" className="text-ui-fg-subtle">
            {action && t(`transfers.reason.${action}Description`, { number })}
          </Text>
          {!!error && (
            <TransferActionError error={error} />
          )}
          <form
            id="transfer-reason-form"
            className="flex flex-col gap-y-2"
            noValidate
            onSubmit={(e) => {
              e.preventDefault()
              setSubmitted(true)
              if (!missing && !tooLong) onSubmit(reason.trim())
            }}
          >
            <Label htmlFor="transfer-action-reason" size="small" weight="plus">
              {t("transfers.reason.label")}
            </Label>
            <Textarea
              id="transfer-action-reason"
              rows={3}
              value={reason}
              placeholder={t("transfers.reason.placeholder")}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={submitted && (missing || tooLong)}
            />
            {submitted && missing && <Hint variant="error">{t("transfers.reason.required")}</Hint>}
            {tooLong && <Hint variant="error">{t("transfers.form.errors.reason")}</Hint>}
          </form>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary" disabled={pending}>
              {t("transfers.actions.back")}
            </Button>
          </Drawer.Close>
          <Button
            size="small"
            variant={action === "cancel" ? "danger" : "primary"}
            type="submit"
            form="transfer-reason-form"
            isLoading={pending}
            data-testid="transfer-reason-submit"
          >
            {action && t(action === "close" ? "transfers.reason.confirmClose" : "transfers.reason.confirmCancel")}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
