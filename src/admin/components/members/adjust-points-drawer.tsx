import { Alert, Button, Drawer, Heading, Hint, Input, Label, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { useAdjustPoints } from "../../hooks/use-members"
import { useLocale } from "../../hooks/use-locale"
import { errorCode, errorMessage } from "../../lib/api-error"
import { formatNumber } from "../../lib/format"
import { signedPoints } from "../../lib/membership-format"
import type { MemberDetail } from "../../lib/membership-types"

type Props = { member: MemberDetail; open: boolean; onClose: () => void }

/**
 * A manual credit (a new lot) or debit of points with a mandatory reason. A debit beyond what
 * the member can spend is refused by the API (409 insufficient_points) and said so here.
 */
export const AdjustPointsDrawer = ({ member, open, onClose }: Props) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const [points, setPoints] = useState("")
  const [reason, setReason] = useState("")
  const [submitted, setSubmitted] = useState(false)
  const adjust = useAdjustPoints(member.id, () => {
    toast.success(t("membership.adjust.done", { points: signedPoints(Number(points), locale) }))
    onClose()
  })
  useEffect(() => {
    if (open) {
      setPoints("")
      setReason("")
      setSubmitted(false)
      adjust.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])

  const value = Number(points.trim())
  const pointsBad = !/^[-+]?\d+$/.test(points.trim()) || value === 0 || Math.abs(value) > 10_000_000
  const reasonShort = reason.trim().length < 3
  const reasonLong = reason.length > 500
  const code = adjust.isError ? errorCode(adjust.error) : undefined

  return (
    <Drawer open={open} onOpenChange={(o) => !o && onClose()}>
      <Drawer.Content aria-describedby={undefined} data-testid="adjust-drawer">
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>{t("membership.adjust.title")}</Heading>
          </Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-5">
          <Text size="small" className="text-ui-fg-subtle">
            {t("membership.adjust.description", { spendable: formatNumber(member.points.spendable, locale) })}
          </Text>
          {adjust.isError && (
            <Alert variant="error" dismissible={false} data-testid="adjust-error" data-code={code}>
              {code === "insufficient_points" && (
                <span className="block font-medium">
                  {t("membership.adjust.insufficient", { spendable: formatNumber(member.points.spendable, locale) })}
                </span>
              )}
              <span className="block">{errorMessage(adjust.error, t("common.unknownError"))}</span>
            </Alert>
          )}
          <form
            id="adjust-points-form"
            className="flex flex-col gap-y-4"
            noValidate
            onSubmit={(e) => {
              e.preventDefault()
              setSubmitted(true)
              if (!pointsBad && !reasonShort && !reasonLong) adjust.mutate({ points: value, reason: reason.trim() })
            }}
          >
            <div className="flex flex-col gap-y-2">
              <Label htmlFor="adjust-points" size="small" weight="plus">
                {t("membership.adjust.points")}
              </Label>
              <Input
                id="adjust-points"
                inputMode="numeric"
                value={points}
                placeholder="500 / -200"
                onChange={(e) => setPoints(e.target.value)}
                aria-invalid={submitted && pointsBad}
              />
              <Hint variant={submitted && pointsBad ? "error" : "info"}>
                {submitted && pointsBad ? t("membership.adjust.errors.points") : t("membership.adjust.pointsHint")}
              </Hint>
            </div>
            <div className="flex flex-col gap-y-2">
              <Label htmlFor="adjust-reason" size="small" weight="plus">
                {t("membership.adjust.reason")}
              </Label>
              <Textarea
                id="adjust-reason"
                rows={3}
                value={reason}
                placeholder={t("membership.adjust.reasonPlaceholder")}
                onChange={(e) => setReason(e.target.value)}
                aria-invalid={submitted && (reasonShort || reasonLong)}
              />
              {submitted && reasonShort && <Hint variant="error">{t("membership.adjust.errors.reason")}</Hint>}
              {reasonLong && <Hint variant="error">{t("membership.adjust.errors.reasonLong")}</Hint>}
            </div>
          </form>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary" disabled={adjust.isPending}>
              {t("common.cancel")}
            </Button>
          </Drawer.Close>
          <Button size="small" type="submit" form="adjust-points-form" isLoading={adjust.isPending} data-testid="adjust-submit">
            {t("membership.adjust.submit")}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
