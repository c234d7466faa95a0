import type { MedusaContainer } from "@medusajs/framework/types"
import { proposeReplenishment } from "../../../lib/replenishment-proposal"
import { REPLENISHMENT_MODULE } from "../../../modules/replenishment"
import type ReplenishmentModuleService from "../../../modules/replenishment/service"
import type { ProposalUpsert, ResolvedScope } from "../../../modules/replenishment/service"
import { TRANSFERS_MODULE } from "../../../modules/transfers"
import type TransfersModuleService from "../../../modules/transfers/service"
import { pairKey, stockPositions, variantStocking, type VariantStocking } from "../queries/stock-positions"

/** Locations evaluated at once. */
const PARALLEL_LOCATIONS = 4

export type ProposalCounts = { locations: number; evaluated: number; created: number; updated: number; closed: number }

export type EvaluateOptions = {
  run_id?: string | null
  /** Called after each location, e.g. to log progress or renew a lease; throwing stops the walk. */
  onLocation?: (done: number, total: number) => Promise<void> | void
}

/**
 * Re-evaluates proposals over a scope, one location at a time: that location's policies, its
 * stock from the inventory module and the approved supply still pending, decided by
 * proposeReplenishment and written in one transaction per location. Incoming counts what is in
 * transit and what transfers have on order to the location, except the units of allocation
 * transfers (a customer order's, travelling to its pickup shop: reserved for the order on
 * receipt, so never stock the shop can sell). Idempotent — running it
 * twice leaves the same open proposals — so a crash mid-way is fixed by running it again.
 */
export async function evaluateProposals(container: MedusaContainer, scope: ResolvedScope, opts: EvaluateOptions = {}): Promise<ProposalCounts> {
  const service = container.resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE)
  const transfers = container.resolve<TransfersModuleService>(TRANSFERS_MODULE)
  const locations = await service.policyLocations(scope)
  const counts: ProposalCounts = { locations: locations.length, evaluated: 0, created: 0, updated: 0, closed: 0 }
  // Most chains stock the same catalogue in every shop: ask for each variant's stocking once.
  const stocking = new Map<string, VariantStocking | null>()
  let done = 0
  const evaluateLocation = async (location: string) => {
    const [{ policies, pending }, onOrder, forOrders] = await Promise.all([
      service.proposalInputs(location, scope.variant_id),
      transfers.onOrderAt(location),
      transfers.orderUnitsInTransitTo(location),
    ])
    const unknown = [...new Set(policies.map((p) => p.variant_id))].filter((v) => !stocking.has(v))
    if (unknown.length) for (const [k, v] of await variantStocking(container, unknown)) stocking.set(k, v)
    const positions = await stockPositions(container, policies, stocking)
    const upserts: ProposalUpsert[] = []
    const evaluated: string[] = []
    for (const p of policies) {
      const stock = positions.get(pairKey(p.variant_id, p.location_id))
      if (!stock) continue // not inventory-managed: nothing to replenish
      evaluated.push(p.variant_id)
      const pend = pending.get(p.variant_id) ?? 0
      const s = stocking.get(p.variant_id)!
      // Incoming = in transit (the level's incoming quantity, less a customer order's units on an
      // allocation transfer) + on order (transfers not yet shipped, allocation transfers left out).
      const ordered = onOrder.get(p.variant_id) ?? 0
      const inTransit = Math.max(0, stock.incoming - (forOrders.get(p.variant_id) ?? 0))
      const incoming = inTransit + ordered
      const d = proposeReplenishment(p, { ...stock, incoming, pending: pend }, { case_pack: s.case_pack, moq: s.moq })
      if (!d.propose) continue
      upserts.push({
        variant_id: p.variant_id,
        quantity: d.quantity,
        on_hand: stock.on_hand,
        reserved: stock.reserved,
        incoming,
        pending: pend,
        position: d.position,
        reorder_point: p.reorder_point!,
        order_up_to: p.order_up_to!,
        reason: d.reason,
        details: { ...d.details, in_transit: inTransit, on_order: ordered, in_transit_for_orders: stock.incoming - inTransit },
      })
    }
    const r = await service.syncProposals(location, evaluated, upserts, opts.run_id ?? null)
    counts.evaluated += evaluated.length
    counts.created += r.created
    counts.updated += r.updated
    counts.closed += r.closed
    await opts.onLocation?.(++done, locations.length)
  }
  // A few locations in flight: each is mostly waiting on PostgreSQL, so overlapping them keeps
  // both the database and this process busy. Each location is still its own transaction.
  let next = 0
  const worker = async () => {
    try {
      while (next < locations.length) await evaluateLocation(locations[next++])
    } catch (e) {
      next = locations.length // the others stop after their current location
      throw e
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL_LOCATIONS, locations.length) }, worker))
  return counts
}
