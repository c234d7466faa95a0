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
  /** The `total` onLocation reports (default: the locations pushed so far). */
  total?: number
  /** Locations in flight at once (default 4). */
  parallel?: number
}

export type ProposalEvaluator = {
  counts: ProposalCounts
  /** Queues locations for evaluation; they start at once, up to `parallel` in flight. */
  push: (locations: string[]) => void
  /** Resolves when everything pushed is evaluated; rejects with the first failure (the rest stop). */
  drain: () => Promise<ProposalCounts>
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
  const locations = await service.policyLocations(scope)
  const evaluator = proposalEvaluator(container, scope, { ...opts, total: locations.length })
  evaluator.push(locations)
  return evaluator.drain()
}

/**
 * The evaluation above as a queue that locations can be pushed to while other work goes on: a
 * forecast run pushes each location once its chunks are past it, so proposals are evaluated
 * while later chunks compute. Locations are independent (one transaction each), so their order
 * and overlap don't matter.
 */
export function proposalEvaluator(container: MedusaContainer, scope: ResolvedScope, opts: EvaluateOptions = {}): ProposalEvaluator {
  const service = container.resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE)
  const transfers = container.resolve<TransfersModuleService>(TRANSFERS_MODULE)
  const counts: ProposalCounts = { locations: 0, evaluated: 0, created: 0, updated: 0, closed: 0 }
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
    await opts.onLocation?.(++done, opts.total ?? counts.locations)
  }
  // A few locations in flight: each is mostly waiting on PostgreSQL, so overlapping them keeps
  // both the database and this process busy. Each location is still its own transaction.
  const parallel = Math.max(1, opts.parallel ?? PARALLEL_LOCATIONS)
  const queue: string[] = []
  let head = 0
  let active = 0
  let failure: { error: unknown } | null = null
  let waiters: { resolve: (c: ProposalCounts) => void; reject: (e: unknown) => void }[] = []
  const settle = () => {
    if (active > 0 || (head < queue.length && !failure)) return
    const w = waiters
    waiters = []
    for (const x of w) failure ? x.reject(failure.error) : x.resolve(counts)
  }
  const pump = () => {
    while (!failure && active < parallel && head < queue.length) {
      const location = queue[head++]
      active++
      evaluateLocation(location).then(
        () => {
          active--
          pump()
        },
        (e) => {
          failure ??= { error: e } // the others stop after their current location
          active--
          pump()
        }
      )
    }
    settle()
  }
  return {
    counts,
    push(locations) {
      queue.push(...locations)
      counts.locations += locations.length
      pump()
    },
    drain() {
      return new Promise<ProposalCounts>((resolve, reject) => {
        waiters.push({ resolve, reject })
        settle()
      })
    },
  }
}
