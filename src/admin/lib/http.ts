import { ApiError } from "./api-error"
import { sdk } from "./sdk"

type FetchInit = {
  method?: "GET" | "POST" | "DELETE"
  query?: Record<string, unknown>
  body?: unknown
  headers?: Record<string, string>
}

/** sdk.client.fetch, with its FetchError turned into an ApiError carrying the HTTP status. */
export const call = async <T>(path: string, init: FetchInit = {}): Promise<T> => {
  try {
    return await sdk.client.fetch<T>(path, init as any)
  } catch (e: any) {
    if (e && typeof e.status === "number") {
      throw new ApiError(e.message || e.statusText || "Request failed", e.status)
    }
    throw e
  }
}

export const withKey = (key?: string) => (key ? { "Idempotency-Key": key } : undefined)

/** Drops empty filters so the query string holds only what the merchant chose. */
export const compact = (params: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ""))
