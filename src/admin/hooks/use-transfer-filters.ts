import { useSearchParams } from "react-router-dom"
import { parseTab, type BoardTab } from "../lib/transfer-rules"

export const TRANSFERS_PAGE_SIZE = 20

export type TransferFilters = { tab: BoardTab; shop_id?: string; q?: string; page: number }

/**
 * The board's view lives in the address bar (?tab=&shop_id=&q=&page=): a shop's page links to
 * ?shop_id=…, and going to a transfer and back keeps the tab, search and page.
 */
export const useTransferFilters = () => {
  const [params, setParams] = useSearchParams()
  const filters: TransferFilters = {
    tab: parseTab(params.get("tab")) ?? "requested",
    shop_id: params.get("shop_id") || undefined,
    q: params.get("q") || undefined,
    page: Math.max(0, Number(params.get("page")) || 0),
  }

  /** Any change but the page goes back to the first page. */
  const update = (changes: Partial<TransferFilters>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined || value === "" || (key === "page" && value === 0) || (key === "tab" && value === "requested")) next.delete(key)
          else next.set(key, String(value))
        }
        if (!("page" in changes)) next.delete("page")
        return next
      },
      { replace: true }
    )

  return { filters, update }
}
