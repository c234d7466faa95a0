/**
 * Which allocated parts of an order must travel to the customer's pickup shop first, and as
 * which transfer documents. Pure: the workflow gives it the order lines as allocated.
 */

/** One order line as allocated: where it is reserved and which reservation holds it. */
export type AllocatedOrderPart = {
  order_line_item_id: string
  variant_id: string
  location_id: string
  quantity: number
  backorder_quantity: number
  /** The order line's reservations at `location_id`, one per inventory item of the variant. */
  reservations: { id: string; inventory_item_id: string; required_quantity: number }[]
}

export type PickupTransferLine = {
  order_line_item_id: string
  variant_id: string
  inventory_item_id: string
  units_per_item: number
  quantity: number
  reservation_id: string
}

export type PickupTransferPlan = {
  transfers: { source_location_id: string; destination_location_id: string; lines: PickupTransferLine[] }[]
  /** Parts served elsewhere that can't travel on a transfer: stay where they are reserved. */
  skipped: { order_line_item_id: string; location_id: string; why: string }[]
}

/**
 * One transfer per source location carrying every part reserved there to the pickup shop's
 * location; a second document from the same source when a variant repeats (a transfer has one
 * line per variant × destination). A part with a backorder, or of a variant made of several
 * inventory items (a transfer line moves one item), is not transferred: it stays reserved and
 * served where the allocation put it, and `skipped` says why.
 */
export function planPickupTransfers(pickupLocationId: string | null | undefined, parts: AllocatedOrderPart[]): PickupTransferPlan {
  const plan: PickupTransferPlan = { transfers: [], skipped: [] }
  if (!pickupLocationId) return plan
  for (const p of parts) {
    if (p.location_id === pickupLocationId || p.quantity <= 0) continue
    const skip = (why: string) => plan.skipped.push({ order_line_item_id: p.order_line_item_id, location_id: p.location_id, why })
    if (p.backorder_quantity > 0) {
      skip(`${p.backorder_quantity} of ${p.quantity} are backordered there`)
      continue
    }
    if (p.reservations.length !== 1) {
      skip(p.reservations.length ? "a kit of several inventory items travels on no transfer" : "nothing is reserved for it there")
      continue
    }
    const r = p.reservations[0]
    const line: PickupTransferLine = {
      order_line_item_id: p.order_line_item_id,
      variant_id: p.variant_id,
      inventory_item_id: r.inventory_item_id,
      units_per_item: Math.max(1, r.required_quantity),
      quantity: p.quantity,
      reservation_id: r.id,
    }
    const doc = plan.transfers.find((t) => t.source_location_id === p.location_id && !t.lines.some((l) => l.variant_id === p.variant_id))
    if (doc) doc.lines.push(line)
    else plan.transfers.push({ source_location_id: p.location_id, destination_location_id: pickupLocationId, lines: [line] })
  }
  return plan
}
