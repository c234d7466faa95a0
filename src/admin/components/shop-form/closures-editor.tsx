import { Plus, XMark } from "@medusajs/icons"
import { Button, Hint, IconButton, Input, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { FormErrors, ShopFormValues } from "./shop-form-values"

type Props = {
  value: ShopFormValues["closures"]
  errors: FormErrors
  onChange: (value: ShopFormValues["closures"]) => void
}

/** Whole local days the shop stays shut (春节, stocktaking), each with an optional reason. */
export const ClosuresEditor = ({ value, errors, onChange }: Props) => {
  const { t } = useTranslation("mendian")
  const set = (index: number, patch: Partial<ShopFormValues["closures"][number]>) =>
    onChange(value.map((c, i) => (i === index ? { ...c, ...patch } : c)))

  return (
    <div className="flex flex-col gap-y-2" data-testid="closures-editor">
      {value.length === 0 && (
        <Text size="small" className="text-ui-fg-muted">
          {t("closures.empty")}
        </Text>
      )}
      {value.map((c, i) => {
        const dateErr = errors[`closures.${i}.date`]
        const reasonErr = errors[`closures.${i}.reason`]
        return (
          <div key={i} className="flex flex-col gap-y-1">
            <div className="flex items-center gap-x-2">
              <Input
                type="date"
                size="small"
                className="w-[170px]"
                value={c.date}
                aria-label={t("closures.date")}
                aria-invalid={!!dateErr}
                onChange={(e) => set(i, { date: e.target.value })}
              />
              <Input
                size="small"
                className="flex-1"
                value={c.reason}
                placeholder={t("closures.reasonPlaceholder")}
                aria-label={t("closures.reason")}
                aria-invalid={!!reasonErr}
                onChange={(e) => set(i, { reason: e.target.value })}
              />
              <IconButton
                type="button"
                size="small"
                variant="transparent"
                aria-label={t("closures.remove")}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
              >
                <XMark />
              </IconButton>
            </div>
            {(dateErr || reasonErr) && (
              <Hint variant="error">{t((dateErr ?? reasonErr)!.key, (dateErr ?? reasonErr)!.values)}</Hint>
            )}
          </div>
        )
      })}
      <div>
        <Button type="button" size="small" variant="secondary" onClick={() => onChange([...value, { date: "", reason: "" }])}>
          <Plus />
          {t("closures.add")}
        </Button>
      </div>
    </div>
  )
}
