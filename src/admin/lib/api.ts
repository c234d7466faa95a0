import { ApiError } from "./api-error"
import { call, compact, withKey } from "./http"
import type {
  AdminUser,
  ImportRowError,
  IssuedPosToken,
  ListResponse,
  PosToken,
  SalesChannel,
  Shop,
  ShopDetail,
  ShopListParams,
  ShopWriteBody,
  Territory,
  TerritoryLevel,
} from "./types"

// Shops

export const listShops = (params: ShopListParams) =>
  call<ListResponse<"shops", Shop>>("/admin/shops", { query: compact(params) })

/** The API pages at most 1000 shops; the map and the city list need all matching shops. */
export const listAllShops = async (params: Omit<ShopListParams, "limit" | "offset">) => {
  const pageSize = 1000
  const shops: Shop[] = []
  for (let offset = 0; ; offset += pageSize) {
    const page = await listShops({ ...params, limit: pageSize, offset })
    shops.push(...page.shops)
    if (shops.length >= page.count || page.shops.length === 0) return shops
  }
}

export const getShop = (id: string) => call<{ shop: ShopDetail }>(`/admin/shops/${id}`)

export const createShop = (body: ShopWriteBody, idempotencyKey?: string) =>
  call<{ shop: Shop }>("/admin/shops", { method: "POST", body, headers: withKey(idempotencyKey) })

export const updateShop = (id: string, body: Partial<ShopWriteBody>) =>
  call<{ shop: Shop }>(`/admin/shops/${id}`, { method: "POST", body })

export const deleteShop = (id: string) =>
  call<{ id: string; deleted: boolean }>(`/admin/shops/${id}`, { method: "DELETE" })

const backendOrigin = () => {
  const configured = __BACKEND_URL__
  return !configured || configured === "/" ? window.location.origin : configured.replace(/\/$/, "")
}

/**
 * The import answers 400 with a row-by-row `errors` list that the SDK's FetchError drops,
 * so this one request reads the answer itself (same session cookie as the SDK).
 */
export const importShops = async (
  csv: string,
  idempotencyKey?: string
): Promise<{ imported: number; shops: Shop[] }> => {
  const res = await fetch(`${backendOrigin()}/admin/shops/import`, {
    method: "POST",
    credentials: "include",
    headers: {
      "content-type": "application/json",
      accept: "application/json",
      ...(idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {}),
    },
    body: JSON.stringify({ csv }),
  })
  const body = await res.json().catch(() => ({}))
  if (!res.ok) {
    throw new ApiError(
      body.message || res.statusText || "Import failed",
      res.status,
      body.type,
      body.code,
      Array.isArray(body.errors) ? (body.errors as ImportRowError[]) : undefined
    )
  }
  return body
}

// POS tokens

export const listPosTokens = (shopId: string) =>
  call<{ pos_tokens: PosToken[] }>(`/admin/shops/${shopId}/pos-tokens`)

export const issuePosToken = (shopId: string, label: string, idempotencyKey?: string) =>
  call<{ pos_token: IssuedPosToken }>(`/admin/shops/${shopId}/pos-tokens`, {
    method: "POST",
    body: { label },
    headers: withKey(idempotencyKey),
  })

export const revokePosToken = (shopId: string, tokenId: string) =>
  call<{ id: string; revoked: boolean }>(`/admin/shops/${shopId}/pos-tokens/${tokenId}`, {
    method: "DELETE",
  })

// Territories

export const listTerritories = () =>
  call<ListResponse<"territories", Territory>>("/admin/territories", { query: { limit: 1000 } })

export type TerritoryCreateBody = {
  code: string
  name: string
  level: TerritoryLevel
  parent_id: string | null
  manager_ids?: string[]
}

export const createTerritory = (body: TerritoryCreateBody, idempotencyKey?: string) =>
  call<{ territory: Territory }>("/admin/territories", {
    method: "POST",
    body,
    headers: withKey(idempotencyKey),
  })

export type TerritoryUpdateBody = {
  code?: string
  name?: string
  parent_id?: string | null
  manager_ids?: string[]
}

export const updateTerritory = (id: string, body: TerritoryUpdateBody) =>
  call<{ territory: Territory }>(`/admin/territories/${id}`, { method: "POST", body })

export const deleteTerritory = (id: string) =>
  call<{ id: string; deleted: boolean }>(`/admin/territories/${id}`, { method: "DELETE" })

// Medusa's own resources

export const listUsers = () =>
  call<ListResponse<"users", AdminUser>>("/admin/users", {
    query: { limit: 1000, fields: "id,email,first_name,last_name" },
  })

export const listSalesChannels = () =>
  call<ListResponse<"sales_channels", SalesChannel>>("/admin/sales-channels", {
    query: { limit: 1000, fields: "id,name,description,metadata" },
  })
