import type { ImportRowError } from "./types"

/**
 * An error answer of the API, `{ type, code?, message, errors? }`, kept whole: the merchant
 * reads `message`, the import table reads `errors`, and a page may react to `code`.
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly type?: string,
    readonly code?: string,
    readonly errors?: ImportRowError[]
  ) {
    super(message)
    this.name = "ApiError"
  }
}

/** The text to show for any failure: the API's own message when there is one. */
export const errorMessage = (error: unknown, fallback: string): string => {
  if (error instanceof Error && error.message) return error.message
  if (typeof error === "string" && error) return error
  return fallback
}

export const errorCode = (error: unknown): string | undefined =>
  error instanceof ApiError ? error.code : undefined
