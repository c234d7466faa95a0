import { useSearchParams } from "react-router-dom"

export const MEMBERS_PAGE_SIZE = 20

export type MemberFilters = { q?: string; tier_id?: string; page: number }

/** The members list's search, tier and page live in the address bar (?q=&tier_id=&page=). */
export const useMemberFilters = () => {
  const [params, setParams] = useSearchParams()
  const filters: MemberFilters = {
    q: params.get("q") || undefined,
    tier_id: params.get("tier_id") || undefined,
    page: Math.max(0, Number(params.get("page")) || 0),
  }
  /** Any change but the page goes back to the first page. */
  const update = (changes: Partial<MemberFilters>) =>
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
  return { filters, update }
}
