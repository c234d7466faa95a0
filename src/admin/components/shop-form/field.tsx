import { Hint, Label } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"
import type { FormErrors } from "./shop-form-values"

/** A labelled input with its hint or its error underneath. */
export const Field = ({
  id,
  label,
  optional,
  hint,
  error,
  children,
}: {
  id: string
  label: string
  optional?: boolean
  hint?: string
  error?: FormErrors[string]
  children: ReactNode
}) => {
  const { t } = useTranslation("mendian")
  return (
    <div className="flex flex-col gap-y-2" data-field={id}>
      <Label htmlFor={id} size="small" weight="plus">
        {label}
        {optional && <span className="text-ui-fg-muted font-normal"> ({t("form.optional")})</span>}
      </Label>
      {children}
      {error ? (
        <Hint variant="error">{t(error.key, error.values)}</Hint>
      ) : hint ? (
        <Hint>{hint}</Hint>
      ) : null}
    </div>
  )
}
