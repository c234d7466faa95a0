/** The create-transfer form: its values, validation and the body it sends (pure). */
import { parseCount } from "./transfer-rules"
import type { CreateTransferBody, VariantOption } from "./transfer-types"

export type TransferFormLine = {
  /** Stable React key of the row. */
  key: string
  destinationShopId: string
  variant: VariantOption | null
  quantity: string
}

export type TransferFormValues = {
  sourceShopId: string
  lines: TransferFormLine[]
  reason: string
  note: string
}

let rowSeq = 0
export const newFormLine = (destinationShopId = ""): TransferFormLine => ({
  key: `line-${++rowSeq}`,
  destinationShopId,
  variant: null,
  quantity: "",
})

export const emptyTransferForm = (sourceShopId = ""): TransferFormValues => ({
  sourceShopId,
  lines: [newFormLine()],
  reason: "",
  note: "",
})

export type LineFieldError = "required" | "sameAsSource" | "quantity" | "duplicate"
export type TransferFormErrors = {
  source?: "required"
  lines?: "required"
  line?: Record<string, Partial<Record<"destination" | "variant" | "quantity", LineFieldError>>>
  reason?: "tooLong"
}

/** What is wrong with the form, by field (empty when it can be sent). */
export function validateTransferForm(v: TransferFormValues): TransferFormErrors {
  const errors: TransferFormErrors = {}
  if (!v.sourceShopId) errors.source = "required"
  if (!v.lines.length) errors.lines = "required"
  if (v.reason.length > 500) errors.reason = "tooLong"
  const seen = new Set<string>()
  const line: NonNullable<TransferFormErrors["line"]> = {}
  for (const l of v.lines) {
    const e: Partial<Record<"destination" | "variant" | "quantity", LineFieldError>> = {}
    if (!l.destinationShopId) e.destination = "required"
    else if (l.destinationShopId === v.sourceShopId) e.destination = "sameAsSource"
    if (!l.variant) e.variant = "required"
    const q = parseCount(l.quantity)
    if (typeof q !== "number" || q < 1) e.quantity = "quantity"
    if (l.destinationShopId && l.variant) {
      const pair = `${l.destinationShopId}|${l.variant.id}`
      if (seen.has(pair)) e.variant = "duplicate"
      seen.add(pair)
    }
    if (Object.keys(e).length) line[l.key] = e
  }
  if (Object.keys(line).length) errors.line = line
  return errors
}

export const hasErrors = (e: TransferFormErrors) => Object.keys(e).length > 0

/** The POST /admin/transfers body: a draft, or a request when `submit`. */
export const toCreateBody = (v: TransferFormValues, submit: boolean): CreateTransferBody => ({
  source: { shop_id: v.sourceShopId },
  lines: v.lines.map((l) => ({
    destination: { shop_id: l.destinationShopId },
    variant_id: l.variant!.id,
    quantity: Number(l.quantity.trim()),
  })),
  reason: v.reason.trim() || null,
  note: v.note.trim() || null,
  submit,
})
