/**
 * The transfer document's rules, pure: which moves each status allows, and the per-line
 * quantity arithmetic of approval, shipping, receipt and closing short, with the invariant
 *
 *   shipped = received_of_shipment + damaged + rejected + closed_short + in_transit
 *
 * where received_of_shipment = received − over (units received beyond what was shipped are
 * "over" and come from nowhere in this document; they are stocked and recorded, not invented
 * into the shipment).
 */

export const TRANSFER_STATUSES = [
  "draft",
  "requested",
  "approved",
  "in_transit",
  "partially_received",
  "received",
  "closed_short",
  "cancelled",
] as const
export type TransferStatus = (typeof TRANSFER_STATUSES)[number]

export const TRANSFER_ACTIONS = ["request", "approve", "ship", "receive", "close", "cancel"] as const
export type TransferAction = (typeof TRANSFER_ACTIONS)[number]

/** The statuses each action may start from. */
export const ALLOWED_FROM: Record<TransferAction, readonly TransferStatus[]> = {
  request: ["draft"],
  approve: ["draft", "requested"],
  ship: ["approved"],
  receive: ["in_transit", "partially_received"],
  close: ["in_transit", "partially_received"],
  cancel: ["draft", "requested", "approved"],
}

export class TransferRuleError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** "conflict" for a state that forbids the move, "invalid" for bad numbers. */
    readonly kind: "conflict" | "invalid"
  ) {
    super(message)
  }
}

/** Throws a conflict naming what to do instead when `action` can't start from `status`. */
export function assertCanStart(action: TransferAction, status: TransferStatus, number = "this transfer"): void {
  if (ALLOWED_FROM[action].includes(status)) return
  if (action === "cancel" && (status === "in_transit" || status === "partially_received")) {
    throw new TransferRuleError(
      `${number} has shipped and can no longer be cancelled: receive what arrives, or close it short`,
      "transfer_already_shipped",
      "conflict"
    )
  }
  throw new TransferRuleError(`${number} is ${status}; ${action} needs it ${ALLOWED_FROM[action].join(" or ")}`, `transfer_not_${ALLOWED_FROM[action][0]}`, "conflict")
}

export type LineQuantities = {
  requested: number
  approved: number
  shipped: number
  received: number
  over: number
  damaged: number
  rejected: number
  closed_short: number
}

const QUANTITY_KEYS = ["requested", "approved", "shipped", "received", "over", "damaged", "rejected", "closed_short"] as const

export const inTransit = (l: LineQuantities) => l.shipped - (l.received - l.over) - l.damaged - l.rejected - l.closed_short

/** The invariant, as a list of what is wrong (empty when the line adds up). */
export function lineDrift(l: LineQuantities): string[] {
  const out: string[] = []
  for (const k of QUANTITY_KEYS) if (!Number.isSafeInteger(l[k]) || l[k] < 0) out.push(`${k} is ${l[k]}`)
  if (l.approved > l.requested) out.push(`approved ${l.approved} > requested ${l.requested}`)
  if (l.shipped > l.approved) out.push(`shipped ${l.shipped} > approved ${l.approved}`)
  if (l.over > l.received) out.push(`over ${l.over} > received ${l.received}`)
  if (inTransit(l) < 0) out.push(`in transit ${inTransit(l)} < 0`)
  return out
}

const count = (v: unknown, what: string): number => {
  if (v === undefined || v === null) return 0
  if (!Number.isSafeInteger(v) || (v as number) < 0) throw new TransferRuleError(`${what} must be a whole number ≥ 0`, "invalid_quantity", "invalid")
  return v as number
}

/** Per-line approval: the approved quantity (default: all requested), never above the request. */
export function approveLine(l: LineQuantities, quantity: number | undefined, what: string): LineQuantities {
  const q = quantity === undefined ? l.requested : count(quantity, what)
  if (q > l.requested) throw new TransferRuleError(`${what}: ${q} is more than the ${l.requested} requested`, "invalid_quantity", "invalid")
  return { ...l, approved: q }
}

/** What a line carrying a customer order's units (an allocation transfer's line) names in errors. */
export type OrderCarried = { transfer: string }

/**
 * Shipping a line: up to what was approved (default all); the rest is released at the source.
 *
 * A line carrying a customer order's units (`order`, an allocation transfer's line) ships all of
 * them or none: its reservation at the source is the order line's, and the order line has one
 * reservation in one place (at the source until shipped, at the destination once received), which
 * is what Medusa's fulfilment of that line from one location needs. Shipping fewer would leave
 * the rest reserved nowhere (or split the order line across two shops), so it is refused with
 * `allocation_transfer_ship_in_full`; a source that can't send them all cancels the transfer
 * instead, and the order keeps its whole reservation at the source.
 */
export function shipLine(l: LineQuantities, quantity: number | undefined, what: string, order?: OrderCarried): { line: LineQuantities; released: number } {
  const q = quantity === undefined ? l.approved : count(quantity, what)
  if (q > l.approved) throw new TransferRuleError(`${what}: ${q} is more than the ${l.approved} approved`, "invalid_quantity", "invalid")
  if (order && q !== l.approved) {
    throw new TransferRuleError(
      `${what}: ${order.transfer} carries a customer order's units and ships all ${l.approved} approved or none, not ${q}; ` +
        `if the source can't send them all, cancel ${order.transfer} (the order keeps its whole reservation there)`,
      "allocation_transfer_ship_in_full",
      "conflict"
    )
  }
  return { line: { ...l, shipped: q }, released: l.approved - q }
}

export type Receipt = { received?: number; damaged?: number; rejected?: number }

/**
 * One receipt against a line. Damaged and rejected units must have been shipped (they come out
 * of what is in transit); received units beyond what is still in transit after them are over.
 * Returns the new quantities and how the in-transit units and the destination's stock move.
 */
export function receiveLine(
  l: LineQuantities,
  r: Receipt,
  what: string
): { line: LineQuantities; stocked: number; transitCleared: number; over: number } {
  const received = count(r.received, `${what}.received`)
  const damaged = count(r.damaged, `${what}.damaged`)
  const rejected = count(r.rejected, `${what}.rejected`)
  const open = inTransit(l)
  if (damaged + rejected > open) {
    throw new TransferRuleError(`${what}: ${damaged + rejected} damaged or rejected, but only ${open} still in transit`, "invalid_quantity", "invalid")
  }
  const ofShipment = Math.min(received, open - damaged - rejected)
  const over = received - ofShipment
  return {
    line: { ...l, received: l.received + received, over: l.over + over, damaged: l.damaged + damaged, rejected: l.rejected + rejected },
    stocked: received,
    transitCleared: ofShipment + damaged + rejected,
    over,
  }
}

/** Closing a line short: whatever is still in transit is written off as lost. */
export function closeLine(l: LineQuantities): { line: LineQuantities; closed: number } {
  const open = inTransit(l)
  return { line: { ...l, closed_short: l.closed_short + open }, closed: open }
}

/** The document's status after a receipt: received once nothing is in transit, else partially. */
export const statusAfterReceipt = (lines: LineQuantities[]): TransferStatus =>
  lines.every((l) => inTransit(l) === 0) ? "received" : "partially_received"
