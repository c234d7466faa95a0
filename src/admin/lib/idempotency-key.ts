/**
 * A fresh Idempotency-Key for one creating request: a double click or a retry after a lost
 * answer then creates one shop (or token), not two. `crypto.randomUUID` needs a secure
 * context (https or localhost), hence the fallback.
 */
export const newIdempotencyKey = (): string => {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") {
    return crypto.randomUUID()
  }
  const random = () => Math.random().toString(36).slice(2, 10)
  return `${Date.now().toString(36)}-${random()}-${random()}`
}

/**
 * Whether a failed request may be retried under the same key. The API stores every answer but
 * server errors and conflicts (409), so a lost answer, a 5xx or a 409 ("still running", a state
 * that may change) is retried as the same action; a stored refusal (400, 404, 422) needs a
 * corrected body and so a fresh key.
 */
export const keepsKeyAfter = (error: unknown): boolean => {
  const status = error && typeof error === "object" && "status" in error ? (error as { status: unknown }).status : undefined
  if (typeof status !== "number") return true
  return status >= 500 || status === 409
}
