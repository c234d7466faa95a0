import { parseCalendarDate } from "./calendar-date"
import type { Closure, ValidationIssue, ValidationResult } from "./types"

export const MAX_CLOSURE_REASON_LENGTH = 200

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x)
}

/** Checks untrusted closures and returns a clean copy, or every problem with its path. */
export function validateClosures(x: unknown, path = "closures"): ValidationResult<Closure[]> {
  if (!Array.isArray(x)) {
    return { ok: false, errors: [{ path, message: "must be an array of { date, reason? }" }] }
  }

  const errors: ValidationIssue[] = []
  const value: Closure[] = []
  const firstIndexByDate = new Map<string, number>()

  x.forEach((item: unknown, i: number) => {
    const itemPath = `${path}[${i}]`
    if (!isPlainObject(item)) {
      errors.push({ path: itemPath, message: "must be an object { date, reason? }" })
      return
    }
    for (const field of Object.keys(item)) {
      if (field !== "date" && field !== "reason") {
        errors.push({ path: `${itemPath}.${field}`, message: "unknown field; a closure has only date and reason" })
      }
    }

    let dateOk = false
    if (parseCalendarDate(item.date) === null) {
      errors.push({ path: `${itemPath}.date`, message: 'must be a real calendar date "YYYY-MM-DD"' })
    } else {
      const date = item.date as string
      const first = firstIndexByDate.get(date)
      if (first !== undefined) {
        errors.push({ path: `${itemPath}.date`, message: `duplicate of ${path}[${first}] (${date})` })
      } else {
        firstIndexByDate.set(date, i)
        dateOk = true
      }
    }

    const reason = item.reason
    let reasonOk = true
    if (reason !== undefined && reason !== null) {
      if (typeof reason !== "string") {
        errors.push({ path: `${itemPath}.reason`, message: "must be a string" })
        reasonOk = false
      } else if (reason.length > MAX_CLOSURE_REASON_LENGTH) {
        errors.push({ path: `${itemPath}.reason`, message: `at most ${MAX_CLOSURE_REASON_LENGTH} characters` })
        reasonOk = false
      }
    }

    if (dateOk && reasonOk) {
      value.push(typeof reason === "string" && reason !== "" ? { date: item.date as string, reason } : { date: item.date as string })
    }
  })

  return errors.length > 0 ? { ok: false, errors } : { ok: true, value }
}
