import { Input } from "@medusajs/ui"
import { useEffect, useRef, useState } from "react"
import { useTranslation } from "react-i18next"
import type { TransferFilters } from "../../hooks/use-transfer-filters"
import { ShopSelect } from "../common/shop-select"

/** A shop (either side of the transfer) and a search by number, typed with a short pause. */
export const TransfersFilters = ({ filters, onChange }: { filters: TransferFilters; onChange: (c: Partial<TransferFilters>) => void }) => {
  const { t } = useTranslation("mendian")
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
      <div className="min-w-[220px] flex-1">
        <Input
          type="search"
          size="small"
          name="q"
          placeholder={t("transfers.search")}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label={t("transfers.search")}
        />
      </div>
      <ShopSelect
        value={filters.shop_id}
        onChange={(shop_id) => onChange({ shop_id })}
        allLabel={t("transfers.allShops")}
        ariaLabel={t("transfers.shopFilter")}
        testId="transfers-shop-picker"
      />
    </div>
  )
}
