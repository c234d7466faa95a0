import { Alert, Button, Hint, Input, Label } from "@medusajs/ui"
import { useMutation } from "@tanstack/react-query"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { errorMessage } from "../../lib/api-error"
import { newIdempotencyKey } from "../../lib/idempotency-key"
import { createClearancePromotion } from "../../lib/replenishment-api"
import { parsePercentage } from "../../lib/replenishment-format"
import type { ClearancePromotion } from "../../lib/replenishment-types"

/**
 * A percentage (1–90) and a button that turns the selected slow movers into a draft
 * promotion; the created promotion is linked so the merchant can review and activate it.
 */
export const ClearanceForm = ({ shopId, variantIds, onCreated }: { shopId: string; variantIds: string[]; onCreated: () => void }) => {
  const { t } = useTranslation("mendian")
  const [percent, setPercent] = useState("30")
  const [touched, setTouched] = useState(false)
  const [key, setKey] = useState(newIdempotencyKey)
  const [created, setCreated] = useState<ClearancePromotion | null>(null)
  const value = parsePercentage(percent)

  const mutation = useMutation({
    mutationFn: () => createClearancePromotion({ shop_id: shopId, variant_ids: variantIds, percentage: value! }, key),
    onSuccess: (r) => {
      setCreated(r.promotion)
      setKey(newIdempotencyKey())
      onCreated()
    },
    onError: () => setKey(newIdempotencyKey()),
  })

  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="clearance-form">
      <form
        className="flex flex-wrap items-end gap-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          setTouched(true)
          if (value !== null && variantIds.length) {
            setCreated(null)
            mutation.mutate()
          }
        }}
      >
        <div className="flex w-[140px] flex-col gap-y-1">
          <Label htmlFor="clearance-percentage" size="small" weight="plus">
            {t("replenishment.slowMovers.percentage")}
          </Label>
          <Input
            id="clearance-percentage"
            size="small"
            type="number"
            min={1}
            max={90}
            step={1}
            value={percent}
            onChange={(e) => setPercent(e.target.value)}
            aria-invalid={touched && value === null}
          />
        </div>
        <Button size="small" type="submit" disabled={!variantIds.length} isLoading={mutation.isPending} data-testid="clearance-submit">
          {t("replenishment.slowMovers.create")}
        </Button>
      </form>
      {touched && value === null && <Hint variant="error">{t("replenishment.slowMovers.percentageError")}</Hint>}
      {mutation.error && (
        <Alert variant="error" dismissible={false} data-testid="clearance-error">
          {errorMessage(mutation.error, t("common.unknownError"))}
        </Alert>
      )}
      {created && (
        <Alert variant="success" dismissible={false} data-testid="clearance-created">
          {t("replenishment.slowMovers.created", { code: created.code })}{" "}
          <Link to={`/promotions/${created.id}`} className="text-ui-fg-interactive hover:underline" data-testid="clearance-link">
            {t("replenishment.slowMovers.openPromotion", { code: created.code })}
          </Link>
        </Alert>
      )}
    </div>
  )
}
