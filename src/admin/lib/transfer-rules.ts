/**
 * What the transfer pages may offer, pure: the board's tabs, the actions a status allows (the
 * same table as src/lib/transfer-state's ALLOWED_FROM, which the API enforces), and the per-line
 * quantities the approve and ship forms send.
 */
import type { TransferAction, TransferDetail, TransferLine, TransferStatus } from "./transfer-types"

/** The board's views: one per working status, then everything that needs nothing more. */
export const BOARD_TABS = ["requested", "approved", "in_transit", "partially_received", "closed", "all"] as const
export type BoardTab = (typeof BOARD_TABS)[number]

export const TAB_STATUSES: Record<BoardTab, readonly TransferStatus[] | null> = {
  requested: ["requested"],
  approved: ["approved"],
  in_transit: ["in_transit"],
  partially_received: ["partially_received"],
  closed: ["draft", "received", "closed_short", "cancelled"],
  all: null,
}

/** The API's status filter of a tab ("a,b"), or undefined for all. */
export const statusFilter = (tab: BoardTab): string | undefined => TAB_STATUSES[tab]?.join(",")

export const tabOf = (status: TransferStatus): BoardTab =>
  (BOARD_TABS.find((t) => t !== "all" && TAB_STATUSES[t]!.includes(status)) ?? "all") as BoardTab

export const parseTab = (value: string | null): BoardTab | undefined =>
  value && (BOARD_TABS as readonly string[]).includes(value) ? (value as BoardTab) : undefined

/** The statuses each action may start from (src/lib/transfer-state ALLOWED_FROM). */
export const ALLOWED_FROM: Record<TransferAction, readonly TransferStatus[]> = {
  request: ["draft"],
  approve: ["draft", "requested"],
  ship: ["approved"],
  receive: ["in_transit", "partially_received"],
  close: ["in_transit", "partially_received"],
  cancel: ["draft", "requested", "approved"],
}

const ORDER: TransferAction[] = ["request", "approve", "ship", "receive", "close", "cancel"]

/** The actions the document allows now, in the order the page shows them. */
export const allowedActions = (t: Pick<TransferDetail, "status"> & { lines?: Pick<TransferLine, "status" | "quantity_in_transit">[] }): TransferAction[] =>
  ORDER.filter((a) => {
    if (!ALLOWED_FROM[a].includes(t.status)) return false
    // Receiving needs something on the road (the status says so; the lines confirm it).
    if (a === "receive" && t.lines) return t.lines.some((l) => l.quantity_in_transit > 0)
    return true
  })

/** Actions that only change the status, and ask the merchant why. */
export const needsReason = (a: TransferAction): a is "close" | "cancel" => a === "close" || a === "cancel"

/**
 * A count typed into a line's input: "" is nothing entered (undefined), a whole number ≥ 0 is
 * that number, anything else is invalid (null).
 */
export const parseCount = (text: string): number | null | undefined => {
  const trimmed = text.trim()
  if (trimmed === "") return undefined
  return /^\d{1,7}$/.test(trimmed) ? Number(trimmed) : null
}

/** The lines an approve or ship form lists, and the most each may take. */
export const quantityLines = (action: "approve" | "ship", lines: TransferLine[]) =>
  action === "approve"
    ? lines.map((l) => ({ line: l, max: l.quantity_requested, initial: l.quantity_requested }))
    : lines.filter((l) => l.status === "approved").map((l) => ({ line: l, max: l.quantity_approved, initial: l.quantity_approved }))

export type QuantityError = "invalid" | "tooMany" | "required"

/**
 * The approve or ship body from the form's inputs (line id → text): every listed line with its
 * quantity, or the errors per line. An empty input counts as the default (all requested or
 * approved); approving must keep at least one unit (else the merchant should cancel).
 */
export function quantityBody(
  action: "approve" | "ship",
  lines: TransferLine[],
  values: Record<string, string>
): { lines: { id: string; quantity: number }[]; errors: Record<string, QuantityError>; nothing: boolean } {
  const out: { id: string; quantity: number }[] = []
  const errors: Record<string, QuantityError> = {}
  for (const { line, max, initial } of quantityLines(action, lines)) {
    const parsed = parseCount(values[line.id] ?? "")
    const q = parsed === undefined ? initial : parsed
    if (q === null) errors[line.id] = "invalid"
    else if (q > max) errors[line.id] = "tooMany"
    else out.push({ id: line.id, quantity: q })
  }
  const nothing = action === "approve" && !Object.keys(errors).length && out.every((l) => l.quantity === 0)
  return { lines: out, errors, nothing }
}

export type LineQuantityField = "requested" | "approved" | "shipped" | "received" | "over" | "damaged" | "rejected" | "closed_short" | "in_transit"

/** Totals of a document's lines, for the header. */
export const lineTotals = (lines: TransferLine[]): Record<LineQuantityField, number> => {
  const sum = (f: keyof TransferLine) => lines.reduce((s, l) => s + (Number(l[f]) || 0), 0)
  return {
    requested: sum("quantity_requested"),
    approved: sum("quantity_approved"),
    shipped: sum("quantity_shipped"),
    received: sum("quantity_received"),
    over: sum("quantity_over"),
    damaged: sum("quantity_damaged"),
    rejected: sum("quantity_rejected"),
    closed_short: sum("quantity_closed_short"),
    in_transit: sum("quantity_in_transit"),
  }
}

export type RefusalKind = "insufficientStock" | "alreadyShipped" | "stateChanged" | "inProgress" | "nothingApproved"

/**
 * What a refusal's code means for the merchant (a translated lead above the API's own English
 * message), or null when the message says it all. `transfer_not_<status>` is the document having
 * moved on meanwhile (another tab, another user): the page reloads it.
 */
export const refusalKind = (code: string | undefined): RefusalKind | null => {
  if (!code) return null
  if (code === "insufficient_stock") return "insufficientStock"
  if (code === "transfer_already_shipped") return "alreadyShipped"
  if (code.startsWith("transfer_not_")) return "stateChanged"
  if (code === "idempotency_in_progress") return "inProgress"
  if (code === "nothing_approved") return "nothingApproved"
  return null
}

/** Refusals after which the page should show the document as it now is. */
export const refusalReloads = (code: string | undefined) => {
  const kind = refusalKind(code)
  return kind === "stateChanged" || kind === "alreadyShipped"
}
