/**
 * The receive form, pure: what a barcode scanner typed, which line it counts for, and the body
 * that sends only the lines with something entered.
 */
import { parseCount } from "./transfer-rules"
import type { LineReceiptInput, TransferLine } from "./transfer-types"

export const RECEIPT_FIELDS = ["received", "damaged", "rejected"] as const
export type ReceiptField = (typeof RECEIPT_FIELDS)[number]

/** The inputs of one line, as typed. */
export type ReceiptEntry = Record<ReceiptField, string>
export type ReceiptEntries = Record<string, ReceiptEntry>

export const emptyEntry = (): ReceiptEntry => ({ received: "", damaged: "", rejected: "" })

/**
 * A scanned code as it can be compared: scanners end with Enter (sometimes CR/LF or a tab), some
 * prefix an AIM symbology identifier ("]C1", "]E0") or pad with spaces; codes compare without
 * case.
 */
export const normalizeCode = (raw: string): string =>
  raw
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .replace(/^\][A-Za-z][0-9A-Za-z]/, "")
    .trim()
    .toUpperCase()

/** The codes a line answers to: the variant's SKU and its barcodes (barcode, EAN, UPC). */
export type LineCodes = { lineId: string; codes: string[] }

export const lineCodes = (
  lines: Pick<TransferLine, "id" | "variant_id" | "variant">[],
  barcodes: Map<string, { barcode?: string | null; ean?: string | null; upc?: string | null }> = new Map()
): LineCodes[] =>
  lines.map((l) => {
    const b = barcodes.get(l.variant_id)
    const codes = [l.variant?.sku, b?.barcode, b?.ean, b?.upc]
      .filter((c): c is string => typeof c === "string" && c.trim() !== "")
      .map(normalizeCode)
    return { lineId: l.id, codes: [...new Set(codes)] }
  })

export type ScanResult = { kind: "matched"; lineId: string; code: string } | { kind: "unknown"; code: string } | { kind: "empty" }

/**
 * The line a scan counts for. When several lines carry the variant (one document, several
 * destinations), the first that still expects units takes it — so scanning fills the lines in
 * turn; once all are complete the first one counts the extra unit (an over-receipt the API
 * records as such).
 */
export function matchScan(
  raw: string,
  codes: LineCodes[],
  remaining: (lineId: string) => number
): ScanResult {
  const code = normalizeCode(raw)
  if (!code) return { kind: "empty" }
  const hits = codes.filter((c) => c.codes.includes(code))
  if (!hits.length) return { kind: "unknown", code }
  const open = hits.find((h) => remaining(h.lineId) > 0)
  return { kind: "matched", lineId: (open ?? hits[0]).lineId, code }
}

const count = (text: string | undefined) => {
  const v = parseCount(text ?? "")
  return typeof v === "number" ? v : 0
}

/** What a line still expects after what is entered: in transit − received − damaged − rejected. */
export const remainingFor = (line: Pick<TransferLine, "quantity_in_transit">, entry: ReceiptEntry | undefined): number =>
  line.quantity_in_transit - count(entry?.received) - count(entry?.damaged) - count(entry?.rejected)

/** One more unit received on the line (a scan). */
export const addReceived = (entries: ReceiptEntries, lineId: string, by = 1): ReceiptEntries => {
  const entry = entries[lineId] ?? emptyEntry()
  return { ...entries, [lineId]: { ...entry, received: String(count(entry.received) + by) } }
}

export type ReceiptError = "invalid" | "tooManyDamaged"

/**
 * The receive body: only lines with something entered (a zero counts as nothing), or the errors
 * per line. Damaged and rejected units must be among those still in transit (the API refuses
 * more); received units beyond them are allowed and recorded as over.
 */
export function receiptBody(
  lines: Pick<TransferLine, "id" | "quantity_in_transit">[],
  entries: ReceiptEntries
): { lines: LineReceiptInput[]; errors: Record<string, ReceiptError> } {
  const out: LineReceiptInput[] = []
  const errors: Record<string, ReceiptError> = {}
  for (const line of lines) {
    const entry = entries[line.id]
    if (!entry) continue
    const parsed = RECEIPT_FIELDS.map((f) => parseCount(entry[f]))
    if (parsed.some((v) => v === null)) {
      errors[line.id] = "invalid"
      continue
    }
    const [received = 0, damaged = 0, rejected = 0] = parsed as (number | undefined)[]
    if (!received && !damaged && !rejected) continue
    if (damaged + rejected > line.quantity_in_transit) {
      errors[line.id] = "tooManyDamaged"
      continue
    }
    const body: LineReceiptInput = { id: line.id }
    if (received) body.received = received
    if (damaged) body.damaged = damaged
    if (rejected) body.rejected = rejected
    out.push(body)
  }
  return { lines: out, errors }
}
