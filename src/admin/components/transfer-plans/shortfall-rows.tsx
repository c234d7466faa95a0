import { Plus, Trash } from "@medusajs/icons"
import { Button, IconButton, Input, Label } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { ShopSelect } from "../common/shop-select"
import { VariantPicker } from "../transfers/variant-picker"
import type { ShortfallRow } from "./plan-form-values"

/** Shortfall lines entered by hand: shop, product, units short. */
export const ShortfallRows = ({ rows, onChange }: { rows: ShortfallRow[]; onChange: (rows: ShortfallRow[]) => void }) => {
  const { t } = useTranslation("mendian")
  const update = (i: number, patch: Partial<ShortfallRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  return (
    <div className="flex flex-col gap-y-2" data-testid="planner-shortfall">
      <div className="text-ui-fg-subtle txt-compact-small grid grid-cols-[260px_minmax(240px,1fr)_110px_32px] gap-x-2">
        <Label size="small">{t("planner.demand.shop")}</Label>
        <Label size="small">{t("planner.demand.variant")}</Label>
        <Label size="small">{t("planner.demand.quantity")}</Label>
      </div>
      {rows.map((r, i) => (
        <div key={i} className="grid grid-cols-[260px_minmax(240px,1fr)_110px_32px] items-start gap-x-2" data-testid="planner-shortfall-row">
          <ShopSelect value={r.shopId} onChange={(shopId) => update(i, { shopId })} ariaLabel={t("planner.demand.shop")} testId="planner-shortfall-shop" />
          <VariantPicker value={r.variant} onChange={(variant) => update(i, { variant })} testId="planner-shortfall-variant" />
          <Input size="small" inputMode="numeric" value={r.quantity} aria-label={t("planner.demand.quantity")} onChange={(e) => update(i, { quantity: e.target.value })} data-testid="planner-shortfall-quantity" />
          <IconButton size="small" variant="transparent" type="button" aria-label={t("common.remove")} disabled={rows.length === 1} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            <Trash />
          </IconButton>
        </div>
      ))}
      <div>
        <Button size="small" variant="secondary" type="button" onClick={() => onChange([...rows, { variant: null, quantity: "" }])} data-testid="planner-shortfall-add">
          <Plus />
          {t("planner.demand.addLine")}
        </Button>
      </div>
    </div>
  )
}
