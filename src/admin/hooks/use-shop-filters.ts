import { useSearchParams } from "react-router-dom"
import { SHOP_KINDS, SHOP_STATUSES, type ShopKind, type ShopStatus } from "../lib/types"

export const SHOPS_PAGE_SIZE = 20

export type ShopFilters = {
  q?: string
  kind?: ShopKind
  status?: ShopStatus
  city?: string
  territory_id?: string
  page: number
}

const pick = <T extends string>(value: string | null, allowed: readonly T[]) =>
  value && (allowed as readonly string[]).includes(value) ? (value as T) : undefined

/**
 * The list's filters live in the address bar (?q=&kind=&status=&city=&territory_id=&page=),
 * so a filtered view can be bookmarked, shared, and survives going to a shop and back.
 */
export const useShopFilters = () => {
  const [params, setParams] = useSearchParams()
  const filters: ShopFilters = {
    q: params.get("q") || undefined,
    kind: pick(params.get("kind"), SHOP_KINDS),
    status: pick(params.get("status"), SHOP_STATUSES),
    city: params.get("city") || undefined,
    territory_id: params.get("territory_id") || undefined,
    page: Math.max(0, Number(params.get("page")) || 0),
  }

  /** Any filter change goes back to the first page. */
  const update = (changes: Partial<ShopFilters>) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined || value === "" || (key === "page" && value === 0)) next.delete(key)
          else next.set(key, String(value))
        }
        if (!("page" in changes)) next.delete("page")
        return next
      },
      { replace: true }
    )
  }

  const clear = () => setParams(new URLSearchParams(), { replace: true })

  return { filters, update, clear }
}
