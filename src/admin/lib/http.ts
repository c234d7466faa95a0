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

const backendOrigin = () => {
  const configured = __BACKEND_URL__
  return !configured || configured === "/" ? window.location.origin : configured.replace(/\/$/, "")
}

/**
 * A POST that keeps the whole error answer: the SDK's FetchError drops `code`, and a page that
 * reacts to a 409's code (`insufficient_stock`, `transfer_already_shipped`, …) needs it. Same
 * session cookie as the SDK.
 */
export const post = async <T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T> => {
  const res = await fetch(`${backendOrigin()}${path}`, {
    method: "POST",
    credentials: "include",
    headers: { "content-type": "application/json", accept: "application/json", ...(headers ?? {}) },
    body: JSON.stringify(body ?? {}),
  })
  const answer = await res.json().catch(() => ({}))
  if (!res.ok) throw new ApiError(answer.message || res.statusText || "Request failed", res.status, answer.type, answer.code)
  return answer as T
}
