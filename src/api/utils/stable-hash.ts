import { createHash } from "node:crypto"

const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])])
    )
  }
  return value
}

/** SHA-256 of a JSON value with its keys sorted, so key order never changes the hash. */
export const stableHash = (value: unknown) =>
  createHash("sha256").update(JSON.stringify(canonical(value ?? null))).digest("hex")
