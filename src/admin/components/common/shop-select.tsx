import { Select } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useAllShops } from "../../hooks/use-shops"

const ALL = "__all"

type Props = {
  value: string | undefined
  onChange: (shopId: string | undefined) => void
  /** Offer "all shops" (a filter) with this label; without it a shop must be chosen. */
  allLabel?: string
  placeholder?: string
  ariaLabel: string
  testId?: string
  className?: string
  size?: "small" | "base"
  invalid?: boolean
  id?: string
}

/** Every shop by code ("KM-001 · 昆明南屏街旗舰店"), as on the replenishment page. */
export const ShopSelect = ({ value, onChange, allLabel, placeholder, ariaLabel, testId, className, size = "small", invalid, id }: Props) => {
  const { t } = useTranslation("mendian")
  const shops = useAllShops({ order: "code" })
  return (
    <Select size={size} value={value ?? (allLabel ? ALL : "")} onValueChange={(v) => onChange(v === ALL ? undefined : v)}>
      <Select.Trigger id={id} className={className ?? "w-[260px]"} aria-label={ariaLabel} aria-invalid={invalid} data-testid={testId}>
        <Select.Value placeholder={placeholder ?? t("transfers.form.pickShop")} />
      </Select.Trigger>
      <Select.Content>
        {allLabel && <Select.Item value={ALL}>{allLabel}</Select.Item>}
        {(shops.data ?? []).map((s) => (
          <Select.Item key={s.id} value={s.id}>
            <span className="font-mono">{s.code}</span> · {s.name}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}
