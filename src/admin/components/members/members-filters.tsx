import { Input, Select } from "@medusajs/ui"
import { useEffect, useRef, useState } from "react"
import { useTranslation } from "react-i18next"
import type { MemberFilters } from "../../hooks/use-members-filters"
import { tierName } from "../../lib/membership-format"
import type { Tier } from "../../lib/membership-types"

const ALL = "__all"

/** A search over any identity, email or name (typed with a short pause) and a tier. */
export const MembersFilters = ({ filters, tiers, onChange }: { filters: MemberFilters; tiers: Tier[]; onChange: (c: Partial<MemberFilters>) => void }) => {
  const { t, i18n } = useTranslation("mendian")
  const [text, setText] = useState(filters.q ?? "")
  const sent = useRef(filters.q ?? "")

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

  useEffect(() => {
    if ((filters.q ?? "") !== sent.current) {
      sent.current = filters.q ?? ""
      setText(filters.q ?? "")
    }
  }, [filters.q])

  return (
    <div className="flex flex-wrap items-center gap-2 px-6 py-4">
      <div className="min-w-[260px] flex-1">
        <Input
          type="search"
          size="small"
          name="q"
          placeholder={t("membership.list.search")}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label={t("membership.list.search")}
        />
      </div>
      <Select size="small" value={filters.tier_id ?? ALL} onValueChange={(v) => onChange({ tier_id: v === ALL ? undefined : v })}>
        <Select.Trigger className="w-[180px]" aria-label={t("membership.list.tierFilter")} data-testid="members-tier-filter">
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          <Select.Item value={ALL}>{t("membership.list.allTiers")}</Select.Item>
          {tiers.map((tier) => (
            <Select.Item key={tier.id} value={tier.id}>
              {tierName(tier, i18n.language)}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  )
}
