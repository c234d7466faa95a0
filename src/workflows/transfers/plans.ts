import {
  approveLine,
  closeLine,
  inTransit,
  receiveLine,
  shipLine,
  statusAfterReceipt,
  TransferRuleError,
  type LineQuantities,
  type Receipt,
} from "../../lib/transfer-state"
import { quantitiesOf, type LineRow, type TransitionPlan, type TransitionResult } from "../../modules/transfers/service"
import type { StockMove } from "./steps/move-transfer-stock"

/** What each action may be given per line. */
export type LineInput = { id: string; quantity?: number } & Receipt

export type ActionInput = { id: string; actor: string | null; reason?: string | null; lines?: LineInput[]; expected_at?: Record<string, string | null> }

const byId = (input: ActionInput, lines: LineRow[]) => {
  const known = new Set(lines.map((l) => l.id))
  const given = new Map<string, LineInput>()
  ;(input.lines ?? []).forEach((l, i) => {
    if (!known.has(l.id)) throw new TransferRuleError(`lines[${i}].id: ${l.id} is not a line of this transfer`, "invalid_line", "invalid")
    if (given.has(l.id)) throw new TransferRuleError(`lines[${i}].id: ${l.id} is given twice`, "invalid_line", "invalid")
    given.set(l.id, l)
  })
  return given
}

const where = (input: ActionInput, id: string) => `lines[${Math.max(0, (input.lines ?? []).findIndex((l) => l.id === id))}]`
const now = () => new Date()

/** The transition each action makes, from the locked document. */
export const PLANS: Record<string, (input: ActionInput) => (t: Record<string, any>, lines: LineRow[]) => TransitionPlan> = {
  request: () => () => ({ status: "requested", fields: { requested_at: now() } }),

  approve: (input) => (_t, lines) => {
    const given = byId(input, lines)
    const out = lines.map((l) => {
      const q = approveLine(quantitiesOf(l), given.get(l.id)?.quantity, where(input, l.id))
      return { id: l.id, quantities: { approved: q.approved }, status: q.approved > 0 ? "approved" : "rejected" }
    })
    if (!out.some((l) => l.status === "approved")) {
      throw new TransferRuleError("lines: approve at least one unit, or cancel the transfer", "nothing_approved", "invalid")
    }
    return { status: "approved", fields: { approved_at: now(), approved_by: input.actor }, lines: out }
  },

  ship: (input) => (t, lines) => {
    const given = byId(input, lines)
    // A line carrying an order's units (allocation transfer) ships in full or not at all.
    const carries = (l: LineRow) => (l.order_line_item_id ? { transfer: t.number } : undefined)
    return {
      status: "in_transit",
      fields: { shipped_at: now(), shipped_by: input.actor },
      lines: lines
        .filter((l) => l.status === "approved")
        .map((l) => ({
          id: l.id,
          quantities: { shipped: shipLine(quantitiesOf(l), given.get(l.id)?.quantity, where(input, l.id), carries(l)).line.shipped },
          expected_at: input.expected_at?.[l.id] ? new Date(input.expected_at[l.id]!) : null,
          reservation_id: null,
        })),
    }
  },

  receive: (input) => (_t, lines) => {
    const given = byId(input, lines)
    if (!given.size) throw new TransferRuleError("lines: give what arrived for at least one line", "invalid_line", "invalid")
    const after = lines.map((l) => {
      const r = given.get(l.id)
      return r ? receiveLine(quantitiesOf(l), r, where(input, l.id)).line : quantitiesOf(l)
    })
    const status = statusAfterReceipt(after.filter((_, i) => lines[i].status === "approved"))
    return {
      status,
      fields: status === "received" ? { received_at: now() } : {},
      lines: lines.map((l, i) => ({ id: l.id, quantities: after[i] })).filter((l) => given.has(l.id)),
    }
  },

  close: () => (_t, lines) => ({
    status: "closed_short",
    fields: { closed_at: now() },
    lines: lines.map((l) => ({ id: l.id, quantities: closeLine(quantitiesOf(l)).line })),
  }),

  cancel: () => (_t, lines) => ({
    status: "cancelled",
    fields: { cancelled_at: now() },
    lines: lines.filter((l) => l.reservation_id).map((l) => ({ id: l.id, reservation_id: null })),
  }),
}

/** The inventory moves a transition implies: the difference between the document before and after. */
export function movesOf(action: string, r: TransitionResult): StockMove[] {
  const source = r.transfer.source_location_id
  const before = new Map(r.before.lines.map((l) => [l.id, l]))
  const moves: StockMove[] = []
  for (const l of r.lines) {
    const b = before.get(l.id)!
    const per = Number(l.units_per_item) || 1
    const was = quantitiesOf(b)
    const is = quantitiesOf(l)
    const base = { line_id: l.id, inventory_item_id: l.inventory_item_id }
    const dest = l.destination_location_id
    if (action === "approve" && is.approved > 0) moves.push({ ...base, kind: "reserve", location_id: source, quantity: is.approved * per, reserve: true })
    if (action === "cancel" && b.reservation_id && b.order_line_item_id) {
      // An allocation transfer holds its order's reservation: cancelling hands it back (the
      // order is then served from the source), it does not delete it.
      moves.push({ ...base, kind: "release", location_id: source, quantity: was.approved * per, handback: true })
    } else if ((action === "ship" || action === "cancel") && b.reservation_id) {
      moves.push({ ...base, kind: "release", location_id: source, quantity: was.approved * per, unreserve: { reservation_id: b.reservation_id } })
    }
    if (action === "ship" && is.shipped > 0) {
      moves.push({ ...base, kind: "ship", location_id: source, quantity: is.shipped * per, delta_stocked: -is.shipped * per })
      moves.push({ ...base, kind: "ship", location_id: dest, quantity: is.shipped * per, delta_incoming: is.shipped * per })
    }
    if (action === "receive") {
      const over = is.over - was.over
      const ofShipment = is.received - was.received - over
      const damaged = is.damaged - was.damaged
      const rejected = is.rejected - was.rejected
      if (ofShipment > 0) moves.push({ ...base, kind: "receive", location_id: dest, quantity: ofShipment * per, delta_stocked: ofShipment * per, delta_incoming: -ofShipment * per })
      if (over > 0) moves.push({ ...base, kind: "over", location_id: dest, quantity: over * per, delta_stocked: over * per })
      if (damaged > 0) moves.push({ ...base, kind: "damage", location_id: dest, quantity: damaged * per, delta_incoming: -damaged * per })
      if (rejected > 0) {
        moves.push({ ...base, kind: "reject", location_id: dest, quantity: rejected * per, delta_incoming: -rejected * per })
        moves.push({ ...base, kind: "reject", location_id: source, quantity: rejected * per, delta_stocked: rejected * per })
      }
      // An allocation transfer's units are its order's: what arrives (up to what the order
      // needs) is reserved for the order line at the destination, under the same lock.
      if (l.order_line_item_id) {
        const forOrder = (q: LineQuantities) => Math.min(q.received, q.approved)
        const reserve = forOrder(is) - forOrder(was)
        if (reserve > 0) {
          moves.push({ ...base, kind: "order_reserve", location_id: dest, quantity: reserve * per, reserve_for: { line_item_id: l.order_line_item_id } })
        }
      }
    }
    if (action === "close") {
      const closed = is.closed_short - was.closed_short
      if (closed > 0) moves.push({ ...base, kind: "close_short", location_id: dest, quantity: closed * per, delta_incoming: -closed * per })
    }
  }
  return moves
}

export { inTransit }
