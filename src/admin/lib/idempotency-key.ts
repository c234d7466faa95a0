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
