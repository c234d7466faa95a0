import { validateClosures, type Closure, type ValidationIssue, type ValidationResult } from "../opening-hours"

const ITEM = /^(\d{4}-\d{2}-\d{2})(?:\s*[:：]\s*(.*))?$/s

/**
 * Parses `2027-02-06:春节|2027-02-07`: `|`-separated dates, each with an optional
 * `:reason`. Real dates and no duplicates are then checked by validateClosures.
 */
export function parseClosuresText(text: string, path = "closures"): ValidationResult<Closure[]> {
  const errors: ValidationIssue[] = []
  const closures: Closure[] = []
  for (const raw of text.split("|")) {
    const item = raw.trim()
    if (item === "") continue
    const match = ITEM.exec(item)
    if (!match) {
      errors.push({ path, message: `"${item}" should be YYYY-MM-DD or YYYY-MM-DD:reason` })
      continue
    }
    const reason = match[2]?.trim()
    closures.push(reason ? { date: match[1]!, reason } : { date: match[1]! })
  }
  if (errors.length > 0) return { ok: false, errors }
  return validateClosures(closures, path)
}

/** The inverse of parseClosuresText. A `|` inside a reason would split it, so it becomes `/`. */
export function formatClosures(closures: readonly Closure[] | null | undefined): string {
  return (closures ?? [])
    .map((c) => (c.reason ? `${c.date}:${c.reason.replace(/\|/g, "/")}` : c.date))
    .join("|")
}
