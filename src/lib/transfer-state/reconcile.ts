import { inTransit, lineDrift, type LineQuantities } from "."

export type ReconcileLine = LineQuantities & {
  id: string
  transfer_number: string
  transfer_status: string
  source_location_id: string
  destination_location_id: string
  inventory_item_id: string
  units_per_item: number
  reservation_id: string | null
}

export type ReconcileMovement = {
  line_id: string
  kind: string
  location_id: string
  delta_stocked: number
  delta_reserved: number
  delta_incoming: number
}

export type Drift = { line_id?: string; transfer?: string; location_id?: string; inventory_item_id?: string; problem: string }

const key = (location: string, item: string) => `${location}|${item}`

/**
 * Proves the transfer ledger and the stock agree:
 *  1. every line satisfies shipped = received − over + damaged + rejected + closed short + in transit;
 *  2. every line's quantities are what its movements say (so no change to a level went unlogged):
 *     reservations held = approved while approved, stock out of the source = shipped, stock into
 *     the destination = received, incoming cleared = what is no longer in transit;
 *  3. a line that should hold a reservation holds one of the right size (`reservations`);
 *  4. each level's incoming quantity equals the units still in transit to it (`incoming`: what
 *     the levels say; Mendian is the only writer of incoming_quantity).
 */
export function reconcileTransfers(
  lines: ReconcileLine[],
  movements: ReconcileMovement[],
  reservations: Map<string, number>,
  incoming: Map<string, number>
): Drift[] {
  const drift: Drift[] = []
  const byLine = new Map<string, ReconcileMovement[]>()
  for (const m of movements) byLine.set(m.line_id, [...(byLine.get(m.line_id) ?? []), m])
  const expectedIncoming = new Map<string, number>()
  for (const l of lines) {
    const per = l.units_per_item || 1
    const at = { line_id: l.id, transfer: l.transfer_number }
    for (const p of lineDrift(l)) drift.push({ ...at, problem: p })
    const ms = byLine.get(l.id) ?? []
    const sum = (f: (m: ReconcileMovement) => number, where: (m: ReconcileMovement) => boolean) => ms.filter(where).reduce((a, m) => a + f(m), 0)
    const atSource = (m: ReconcileMovement) => m.location_id === l.source_location_id
    const atDest = (m: ReconcileMovement) => m.location_id === l.destination_location_id
    const holds = l.transfer_status === "approved" && l.approved > 0
    const reserved = sum((m) => m.delta_reserved, atSource)
    if (reserved !== (holds ? l.approved * per : 0)) drift.push({ ...at, problem: `movements hold ${reserved} reserved at the source, expected ${holds ? l.approved * per : 0}` })
    const out = -sum((m) => m.delta_stocked, (m) => atSource(m) && m.kind === "ship")
    if (out !== l.shipped * per) drift.push({ ...at, problem: `movements took ${out} out of the source, shipped is ${l.shipped * per}` })
    const back = sum((m) => m.delta_stocked, (m) => atSource(m) && m.kind === "reject")
    if (back !== l.rejected * per) drift.push({ ...at, problem: `movements returned ${back} to the source, rejected is ${l.rejected * per}` })
    const into = sum((m) => m.delta_stocked, atDest)
    if (into !== l.received * per) drift.push({ ...at, problem: `movements stocked ${into} at the destination, received is ${l.received * per}` })
    const transit = sum((m) => m.delta_incoming, atDest)
    if (transit !== inTransit(l) * per) drift.push({ ...at, problem: `movements leave ${transit} incoming, in transit is ${inTransit(l) * per}` })
    const held = l.reservation_id ? reservations.get(l.reservation_id) : undefined
    if (holds && held !== l.approved * per) drift.push({ ...at, problem: `reservation ${l.reservation_id ?? "(none)"} holds ${held ?? 0}, approved is ${l.approved * per}` })
    if (!holds && l.reservation_id && held !== undefined) drift.push({ ...at, problem: `reservation ${l.reservation_id} still held after ${l.transfer_status}` })
    const k = key(l.destination_location_id, l.inventory_item_id)
    expectedIncoming.set(k, (expectedIncoming.get(k) ?? 0) + inTransit(l) * per)
  }
  for (const k of new Set([...incoming.keys(), ...expectedIncoming.keys()])) {
    const has = incoming.get(k) ?? 0
    const want = expectedIncoming.get(k) ?? 0
    if (has !== want) {
      const [location_id, inventory_item_id] = k.split("|")
      drift.push({ location_id, inventory_item_id, problem: `incoming is ${has}, transfers have ${want} in transit` })
    }
  }
  return drift
}
