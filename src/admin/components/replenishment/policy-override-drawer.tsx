import { Alert, Button, Drawer, Heading, Hint, Input, Label, Select, Switch, Text, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { queryKeys } from "../../hooks/query-keys"
import { useLocale } from "../../hooks/use-locale"
import { errorMessage } from "../../lib/api-error"
import { updatePolicy } from "../../lib/replenishment-api"
import { formatQuantity, formatShare, parseLevel, parseTargetPercent } from "../../lib/replenishment-format"
import {
  SERVICE_LEVEL_TYPES,
  type PolicyOverrideBody,
  type ServiceLevelType,
  type StockPolicy,
} from "../../lib/replenishment-types"
import { VariantCell } from "./variant-cell"

const text = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v))
const percentText = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(Math.round(v * 10000) / 100))

/**
 * The merchant's override of one policy: min/max levels, freeze, service target and type.
 * Only the fields that changed are sent; an emptied field clears the override (null).
 */
export const PolicyOverrideDrawer = ({ policy, onClose }: { policy: StockPolicy | null; onClose: () => void }) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const queryClient = useQueryClient()
  const [min, setMin] = useState("")
  const [max, setMax] = useState("")
  const [frozen, setFrozen] = useState(false)
  const [target, setTarget] = useState("")
  const [type, setType] = useState<ServiceLevelType>("cycle")
  const [submitted, setSubmitted] = useState(false)

  const storedTarget = policy?.override_service_level ?? null
  const storedType = policy?.override_service_level_type ?? policy?.service_level_type ?? "cycle"

  useEffect(() => {
    if (!policy) return
    setMin(text(policy.override_min))
    setMax(text(policy.override_max))
    setFrozen(policy.frozen)
    setTarget(percentText(storedTarget))
    setType(storedType)
    setSubmitted(false)
    mutation.reset()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [policy])

  const minValue = parseLevel(min)
  const maxValue = parseLevel(max)
  const targetValue = parseTargetPercent(target)
  const errors = {
    min: minValue === undefined ? t("replenishment.overrideForm.errors.level") : undefined,
    max:
      maxValue === undefined
        ? t("replenishment.overrideForm.errors.level")
        : typeof minValue === "number" && typeof maxValue === "number" && maxValue < minValue
          ? t("replenishment.overrideForm.errors.minMax")
          : undefined,
    target: targetValue === undefined ? t("replenishment.overrideForm.errors.target") : undefined,
  }
  const valid = !errors.min && !errors.max && !errors.target

  const mutation = useMutation({
    mutationFn: async () => {
      const body: PolicyOverrideBody = {}
      if (minValue !== policy!.override_min) body.override_min = minValue
      if (maxValue !== policy!.override_max) body.override_max = maxValue
      if (frozen !== policy!.frozen) body.frozen = frozen
      if (targetValue !== storedTarget) body.service_level_target = targetValue
      if (type !== storedType) body.service_level_type = type
      if (!Object.keys(body).length) return null
      return (await updatePolicy(policy!.id, body)).policy
    },
    onSuccess: (saved) => {
      queryClient.invalidateQueries({ queryKey: queryKeys.replenishment })
      if (saved) toast.success(t("replenishment.overrideForm.saved"))
      onClose()
    },
  })

  // The levels of the last run before overrides (src/lib/safety-stock PolicyLevels).
  const computed = (policy?.metadata?.computed ?? null) as { safetyStock?: number; reorderPoint?: number; orderUpTo?: number } | null
  const q = (v: number | null | undefined) => formatQuantity(v, locale)
  // Set when the item's cycle-service target is met by its shop's items together (group-service.ts).
  const group = (policy?.metadata?.service_group ?? null) as { item_level: number; expected: number; size: number; lambda_source: string } | null

  return (
    <Drawer open={!!policy} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content aria-describedby={undefined} data-testid="policy-override-drawer">
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>{t("replenishment.overrideForm.title")}</Heading>
          </Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-5 overflow-y-auto">
          {policy && <VariantCell variantId={policy.variant_id} variant={policy.variant} />}
          <Text size="small" className="text-ui-fg-subtle">
            {t("replenishment.overrideForm.description")}
          </Text>
          {policy && (
            <Text size="small" className="text-ui-fg-muted">
              {t("replenishment.overrideForm.computed", {
                ss: q(computed?.safetyStock ?? policy.safety_stock),
                rop: q(computed?.reorderPoint ?? policy.reorder_point),
                max: q(computed?.orderUpTo ?? policy.order_up_to),
              })}
            </Text>
          )}
          {policy && group && (
            <Text size="small" className="text-ui-fg-muted" data-testid="policy-service-group">
              {t(group.lambda_source === "stored" ? "replenishment.overrideForm.serviceGroupStored" : "replenishment.overrideForm.serviceGroup", {
                item: formatShare(group.item_level, locale),
                target: formatShare(policy.service_level_target, locale),
                size: group.size,
                expected: formatShare(group.expected, locale),
              })}
            </Text>
          )}
          {mutation.error && (
            <Alert variant="error" dismissible={false} data-testid="policy-override-error">
              {errorMessage(mutation.error, t("common.unknownError"))}
            </Alert>
          )}
          <form
            id="policy-override-form"
            className="flex flex-col gap-y-5"
            noValidate
            onSubmit={(e) => {
              e.preventDefault()
              setSubmitted(true)
              if (valid) mutation.mutate()
            }}
          >
            <LevelField id="override-min" label={t("replenishment.overrideForm.min")} value={min} onChange={setMin} error={submitted ? errors.min : undefined} />
            <LevelField id="override-max" label={t("replenishment.overrideForm.max")} value={max} onChange={setMax} error={submitted ? errors.max : undefined} />
            <div className="flex items-start justify-between gap-x-4">
              <div className="flex flex-col gap-y-1">
                <Label htmlFor="override-frozen" size="small" weight="plus">
                  {t("replenishment.overrideForm.frozen")}
                </Label>
                <Hint>{t("replenishment.overrideForm.frozenHint")}</Hint>
              </div>
              <Switch id="override-frozen" checked={frozen} onCheckedChange={setFrozen} />
            </div>
            <div className="flex flex-col gap-y-2">
              <Label htmlFor="override-target" size="small" weight="plus">
                {t("replenishment.overrideForm.target")}
              </Label>
              <Input
                id="override-target"
                inputMode="decimal"
                value={target}
                placeholder={policy ? String(Math.round(policy.service_level_target * 1000) / 10) : ""}
                onChange={(e) => setTarget(e.target.value)}
                aria-invalid={submitted && !!errors.target}
              />
              {submitted && errors.target ? (
                <Hint variant="error">{errors.target}</Hint>
              ) : (
                <Hint>{t("replenishment.overrideForm.targetHint", { current: formatShare(policy?.service_level_target, locale) })}</Hint>
              )}
            </div>
            <div className="flex flex-col gap-y-2">
              <Label htmlFor="override-type" size="small" weight="plus">
                {t("replenishment.overrideForm.type")}
              </Label>
              <Select value={type} onValueChange={(v) => setType(v as ServiceLevelType)}>
                <Select.Trigger id="override-type" data-testid="override-type">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {SERVICE_LEVEL_TYPES.map((s) => (
                    <Select.Item key={s} value={s}>
                      {t(`replenishment.overrideForm.types.${s}`)}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </div>
          </form>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              {t("common.cancel")}
            </Button>
          </Drawer.Close>
          <Button size="small" type="submit" form="policy-override-form" isLoading={mutation.isPending} data-testid="policy-override-submit">
            {t("common.save")}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

const LevelField = ({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string
  label: string
  value: string
  onChange: (v: string) => void
  error?: string
}) => {
  const { t } = useTranslation("mendian")
  return (
    <div className="flex flex-col gap-y-2">
      <Label htmlFor={id} size="small" weight="plus">
        {label}
      </Label>
      <Input id={id} inputMode="numeric" value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={!!error} />
      {error ? <Hint variant="error">{error}</Hint> : <Hint>{t("replenishment.overrideForm.levelHint")}</Hint>}
    </div>
  )
}
