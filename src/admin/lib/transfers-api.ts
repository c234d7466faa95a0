import { call, compact, post, withKey } from "./http"
import type {
  ActionBody,
  CreateTransferBody,
  TransferDetail,
  TransferListParams,
  TransferSummary,
  VariantOption,
} from "./transfer-types"
import type { ListResponse } from "./types"

const BASE = "/admin/transfers"

export const listTransfers = (params: TransferListParams) =>
  call<ListResponse<"transfers", TransferSummary>>(BASE, { query: compact(params) })

export const getTransfer = (id: string) => call<{ transfer: TransferDetail }>(`${BASE}/${id}`)

export const createTransfer = (body: CreateTransferBody, idempotencyKey?: string) =>
  post<{ transfer: TransferDetail }>(BASE, body, withKey(idempotencyKey))

/**
 * POST /admin/transfers/:id/{request,approve,ship,receive,close,cancel}: answers with the whole
 * document; a refusal keeps its `code` (ApiError.code).
 */
export const runTransferAction = (id: string, { action, ...body }: ActionBody, idempotencyKey?: string) =>
  post<{ transfer: TransferDetail }>(`${BASE}/${id}/${action}`, compact(body), withKey(idempotencyKey))

const VARIANT_FIELDS = "id,title,sku,barcode,ean,upc,product_id,product.id,product.title"

/** Medusa's own variant list: search by SKU, barcode, variant or product title. */
export const searchVariants = (q: string, limit = 20) =>
  call<{ variants: VariantOption[]; count: number }>("/admin/product-variants", {
    query: { q, limit, fields: VARIANT_FIELDS },
  })

/** Variants by id (the receive form's barcodes, the clearance widget's names). */
export const listVariantsById = (ids: string[]) =>
  call<{ variants: VariantOption[]; count: number }>("/admin/product-variants", {
    query: { id: ids, limit: ids.length, fields: VARIANT_FIELDS },
  })
