import { Alert, Button, Copy, Drawer, Heading, Input, Label, Text, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { queryKeys } from "../../hooks/query-keys"
import { issuePosToken } from "../../lib/api"
import { errorMessage } from "../../lib/api-error"
import { newIdempotencyKey } from "../../lib/idempotency-key"
import type { IssuedPosToken } from "../../lib/types"

/**
 * Name a till, get its token. The token is shown here once and never again (the server keeps
 * only its hash), so the drawer says so and offers a copy button.
 */
export const IssuePosTokenDrawer = ({
  shopId,
  open,
  onOpenChange,
}: {
  shopId: string
  open: boolean
  onOpenChange: (open: boolean) => void
}) => {
  const { t } = useTranslation("mendian")
  const queryClient = useQueryClient()
  const [label, setLabel] = useState("")
  const [touched, setTouched] = useState(false)
  const [issued, setIssued] = useState<IssuedPosToken | null>(null)
  const [key, setKey] = useState(newIdempotencyKey)

  const mutation = useMutation({
    mutationFn: () => issuePosToken(shopId, label.trim(), key),
    onSuccess: ({ pos_token }) => {
      setIssued(pos_token)
      queryClient.invalidateQueries({ queryKey: queryKeys.posTokens(shopId) })
    },
    onError: () => setKey(newIdempotencyKey()),
  })

  // Every opening starts empty: a token once shown is gone for good.
  useEffect(() => {
    if (open) {
      setLabel("")
      setTouched(false)
      setIssued(null)
      setKey(newIdempotencyKey())
      mutation.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])

  const labelMissing = touched && !label.trim()

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined} data-testid="pos-token-drawer">
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>{issued ? t("posTokens.issuedTitle") : t("posTokens.issueTitle")}</Heading>
          </Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          {issued ? (
            <>
              <Alert variant="warning" dismissible={false}>
                {t("posTokens.issuedWarning")}
              </Alert>
              <div className="flex flex-col gap-y-2">
                <Label size="small" weight="plus">
                  {issued.label}
                </Label>
                <div className="bg-ui-bg-subtle border-ui-border-base flex items-center gap-x-2 rounded-lg border px-3 py-2">
                  <code className="txt-compact-small flex-1 select-all break-all font-mono" data-testid="pos-token-value">
                    {issued.token}
                  </code>
                  <Copy content={issued.token} onClick={() => toast.success(t("posTokens.copied"))} />
                </div>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {t("posTokens.issuedHint")}
                </Text>
              </div>
            </>
          ) : (
            <form
              id="issue-pos-token"
              className="flex flex-col gap-y-2"
              onSubmit={(e) => {
                e.preventDefault()
                setTouched(true)
                if (label.trim()) mutation.mutate()
              }}
            >
              <Label htmlFor="pos-token-label" size="small" weight="plus">
                {t("posTokens.label")}
              </Label>
              <Input
                id="pos-token-label"
                value={label}
                maxLength={100}
                placeholder={t("posTokens.labelPlaceholder")}
                aria-invalid={labelMissing}
                onChange={(e) => setLabel(e.target.value)}
              />
              {labelMissing && (
                <Text size="xsmall" className="text-ui-fg-error">
                  {t("form.errors.required")}
                </Text>
              )}
              {mutation.error && (
                <Alert variant="error" dismissible={false}>
                  {errorMessage(mutation.error, t("common.unknownError"))}
                </Alert>
              )}
            </form>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          {issued ? (
            <Button size="small" onClick={() => onOpenChange(false)} data-testid="pos-token-done">
              {t("posTokens.done")}
            </Button>
          ) : (
            <>
              <Drawer.Close asChild>
                <Button size="small" variant="secondary">
                  {t("common.cancel")}
                </Button>
              </Drawer.Close>
              <Button size="small" type="submit" form="issue-pos-token" isLoading={mutation.isPending} data-testid="pos-token-submit">
                {t("posTokens.issue")}
              </Button>
            </>
          )}
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
