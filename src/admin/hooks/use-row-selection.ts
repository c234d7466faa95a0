import { useCallback, useMemo, useState } from "react"

/**
 * Checkbox selection over the rows of one page: ids outside `rowIds` (another page, a row
 * that went away after a refresh) drop out by themselves.
 */
export const useRowSelection = (rowIds: string[]) => {
  const [picked, setPicked] = useState<Set<string>>(new Set())
  const selected = useMemo(() => rowIds.filter((id) => picked.has(id)), [rowIds, picked])

  const toggle = useCallback((id: string, on: boolean) => {
    setPicked((prev) => {
      const next = new Set(prev)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })
  }, [])

  const toggleAll = useCallback((on: boolean) => setPicked(on ? new Set(rowIds) : new Set()), [rowIds])
  const clear = useCallback(() => setPicked(new Set()), [])

  const allState: boolean | "indeterminate" =
    selected.length === 0 ? false : selected.length === rowIds.length ? true : "indeterminate"

  return { selected, isSelected: (id: string) => picked.has(id), toggle, toggleAll, clear, allState }
}
