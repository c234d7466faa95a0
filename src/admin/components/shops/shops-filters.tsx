import { Button, Input, Select } from "@medusajs/ui"
import { useEffect, useRef, useState } from "react"
import { useTranslation } from "react-i18next"
import type { ShopFilters } from "../../hooks/use-shop-filters"
import { SHOP_KINDS, SHOP_STATUSES, type ShopKind, type ShopStatus } from "../../lib/types"

const ALL = "__all"

type Props = {
  filters: ShopFilters
  cities: string[]
  onChange: (changes: Partial<ShopFilters>) => void
  onClear: () => void
}

export const ShopsFilters = ({ filters, cities, onChange, onClear }: Props) => {
  const { t } = useTranslation("mendian")
  const [text, setText] = useState(filters.q ?? "")
  const sent = useRef(filters.q ?? "")

  // Typing waits a moment before the list reloads.
  useEffect(() => {
    const q = text.trim()
    if ((filters.q ?? "") === q) return
    const timer = setTimeout(() => {
      sent.current = q
      onChange({ q: q || undefined })
    }, 300)
    return () => clearTimeout(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text])

  // The address bar changed by itself (back button, "clear filters"): show its text.
  useEffect(() => {
    if ((filters.q ?? "") !== sent.current) {
      sent.current = filters.q ?? ""
      setText(filters.q ?? "")
    }
  }, [filters.q])

  const active = !!(filters.q || filters.kind || filters.status || filters.city || filters.territory_id)

  return (
    <div className="flex flex-wrap items-center gap-2 px-6 py-4">
      <div className="min-w-[220px] flex-1">
        <Input
          type="search"
          size="small"
          name="q"
          placeholder={t("shops.filters.search")}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label={t("shops.filters.search")}
        />
      </div>
      <Select
        size="small"
        value={filters.kind ?? ALL}
        onValueChange={(v) => onChange({ kind: v === ALL ? undefined : (v as ShopKind) })}
      >
        <Select.Trigger className="w-[150px]" aria-label={t("shops.filters.kind")} data-testid="filter-kind">
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          <Select.Item value={ALL}>{t("shops.filters.allKinds")}</Select.Item>
          {SHOP_KINDS.map((k) => (
            <Select.Item key={k} value={k}>
              {t(`kind.${k}`)}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
      <Select
        size="small"
        value={filters.status ?? ALL}
        onValueChange={(v) => onChange({ status: v === ALL ? undefined : (v as ShopStatus) })}
      >
        <Select.Trigger className="w-[140px]" aria-label={t("shops.filters.status")} data-testid="filter-status">
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          <Select.Item value={ALL}>{t("shops.filters.allStatuses")}</Select.Item>
          {SHOP_STATUSES.map((s) => (
            <Select.Item key={s} value={s}>
              {t(`status.${s}`)}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
      <Select
        size="small"
        value={filters.city ?? ALL}
        onValueChange={(v) => onChange({ city: v === ALL ? undefined : v })}
      >
        <Select.Trigger className="w-[140px]" aria-label={t("shops.filters.city")} data-testid="filter-city">
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          <Select.Item value={ALL}>{t("shops.filters.allCities")}</Select.Item>
          {/* A city typed into the address bar stays selectable even if no shop has it. */}
          {[...new Set([...cities, ...(filters.city ? [filters.city] : [])])].map((c) => (
            <Select.Item key={c} value={c}>
              {c}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
      {active && (
        <Button size="small" variant="transparent" onClick={onClear}>
          {t("shops.filters.clear")}
        </Button>
      )}
    </div>
  )
}
