import { Alert, Button, Drawer, Heading, Input, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { useSaveTier } from "../../hooks/use-members-settings"
import { errorMessage } from "../../lib/api-error"
import { tierBody, tierForm, type TierForm } from "../../lib/membership-format"
import type { Tier } from "../../lib/membership-types"
import { FormField } from "./form-field"

type Props = { tier: Tier | null; open: boolean; nextRank: number; onClose: () => void }

const FIELDS: { key: keyof TierForm; mode?: "numeric" | "decimal" }[] = [
  { key: "code" },
  { key: "name" },
  { key: "name_en" },
  { key: "rank", mode: "numeric" },
  { key: "qualify_spend", mode: "decimal" },
  { key: "qualify_points", mode: "numeric" },
  { key: "points_multiplier", mode: "decimal" },
  { key: "free_shipping_threshold", mode: "decimal" },
  { key: "presale_priority", mode: "numeric" },
]

/** Add or change a rung: code, names, rank, qualification (spend or points over 12 months), benefits. */
export const TierDrawer = ({ tier, open, nextRank, onClose }: Props) => {
  const { t } = useTranslation("mendian")
  const [form, setForm] = useState<TierForm>(tierForm(tier, nextRank))
  const [errors, setErrors] = useState<Partial<Record<keyof TierForm, string>>>({})
  const save = useSaveTier(() => {
    toast.success(t(tier ? "membership.tiers.saved" : "membership.tiers.created"))
    onClose()
  })
  useEffect(() => {
    if (open) {
      setForm(tierForm(tier, nextRank))
      setErrors({})
      save.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, tier?.id])

  return (
    <Drawer open={open} onOpenChange={(o) => !o && onClose()}>
      <Drawer.Content aria-describedby={undefined} data-testid="tier-drawer">
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>{t(tier ? "membership.tiers.edit" : "membership.tiers.add")}</Heading>
          </Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          {save.isError && (
            <Alert variant="error" dismissible={false} data-testid="tier-error">
              {errorMessage(save.error, t("common.unknownError"))}
            </Alert>
          )}
          <form
            id="tier-form"
            className="flex flex-col gap-y-4"
            noValidate
            onSubmit={(e) => {
              e.preventDefault()
              const checked = tierBody(form)
              if ("errors" in checked) return setErrors(checked.errors)
              setErrors({})
              // A change sends only what changed (the API checks a code or rank against the other rungs).
              const before = tier ? tierBody(tierForm(tier)) : null
              const body =
                before && "body" in before
                  ? (Object.fromEntries(Object.entries(checked.body).filter(([k, v]) => (before.body as Record<string, unknown>)[k] !== v)) as Partial<typeof checked.body>)
                  : checked.body
              save.mutate({ id: tier?.id, body })
            }}
          >
            {FIELDS.map(({ key, mode }) => (
              <FormField
                key={key}
                id={`tier-${key}`}
                label={t(`membership.tiers.form.${key}`)}
                hint={t(`membership.tiers.hints.${key}`)}
                error={errors[key] && t(`membership.tiers.errors.${errors[key]}`)}
              >
                <Input
                  id={`tier-${key}`}
                  inputMode={mode}
                  value={form[key]}
                  onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))}
                  aria-invalid={!!errors[key]}
                />
              </FormField>
            ))}
          </form>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary" disabled={save.isPending}>
              {t("common.cancel")}
            </Button>
          </Drawer.Close>
          <Button size="small" type="submit" form="tier-form" isLoading={save.isPending} data-testid="tier-submit">
            {t("common.save")}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
