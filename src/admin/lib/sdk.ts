import Medusa from "@medusajs/js-sdk"

/**
 * The admin's own session (the cookie set at login) authenticates every call, so the pages
 * never hold a token. Custom Mendian routes go through `sdk.client.fetch`.
 */
export const sdk = new Medusa({
  baseUrl: __BACKEND_URL__ || "/",
  auth: { type: "session" },
})
