import { haversineKm } from "../geo"
import type {
  AllocationContext,
  AllocationLine,
  AllocationPart,
  AllocationReason,
  AllocationResult,
  AllocationStrategy,
  CandidateLocation,
  LineAllocation,
  ReasonCode,
  ReleaseInput,
  UnservedLine,
} from "./types"

export const DEFAULT_PER_KM = 1
export const DEFAULT_SPLIT_PENALTY = 20
export const DEFAULT_MAX_SOURCES = 3
export const DEFAULT_POOL_SIZE = 12

const TEXT: Record<ReasonCode, (p: Record<string, string | number>) => string> = {
  pickup_shop: (p) => `pickup shop ${p.location} chosen by the customer holds ${p.quantity}`,
  pickup_short: (p) => `pickup shop ${p.location} holds only ${p.available} of ${p.quantity}`,
  nearest_with_stock: (p) => `nearest with stock ${p.km} km`,
  lowest_cost: (p) => `lowest cost with stock (${p.cost})`,
  consolidated: (p) => `ships with the rest of the order from ${p.location} instead of ${p.instead}`,
  split: (p) => `splits ${p.parts} because no single location holds ${p.quantity}${p.safety ? " above its safety stock" : ""}`,
  safety_kept: (p) => `kept ${p.location} above its safety stock ${p.safety}`,
  safety_dipped: (p) => `takes ${p.units} of ${p.location}'s safety stock ${p.safety}: nobody else can serve`,
  backorder: (p) => `backorders ${p.quantity} at ${p.location}: nobody holds it`,
  no_customer_point: () => "no customer location: chosen by shipping cost, fewest sources and stock depth",
  ranking_override: (p) => `locations ranked by ${p.source}`,
  transfer_to_pickup: (p) => `ships ${p.from} → ${p.to} by ${p.transfer}`,
  transfer_not_possible: (p) => `served from ${p.location}: ${p.why}`,
  transfer_cancelled: (p) => `${p.transfer} cancelled: the order was cancelled before it shipped`,
  transfer_left_in_transit: (p) => `${p.transfer} had shipped: its ${p.units} units will be stocked at ${p.to} for sale, not for this order`,
  released: (p) => `released on cancellation: ${p.parts}`,
}

export const reason = (code: ReasonCode, params: Record<string, string | number> = {}): AllocationReason => ({
  code,
  params,
  text: TEXT[code](params),
})

const km = (v: number) => Math.round(v * 10) / 10
const money = (v: number) => Math.round(v * 100) / 100

type Loc = CandidateLocation & { cost: number; km: number | null; label: string }

/** Mutable stock during one evaluation: location → item → inventory units left. */
type Stock = Map<string, Map<string, number>>

type Evaluation = {
  parts: Map<string, AllocationPart[]>
  unserved: number
  dipped: number
  cost: number
  used: string[]
}

/** Whole variant units of `line` that `stock` holds at `locId` (the scarcest inventory item decides). */
function unitsAt(stock: Stock, locId: string, line: AllocationLine): number {
  const at = stock.get(locId)
  if (!at || !line.inventory.length) return 0
  let units = Infinity
  for (const inv of line.inventory) {
    const per = Math.max(1, inv.required_quantity)
    units = Math.min(units, Math.floor(Math.max(0, at.get(inv.inventory_item_id) ?? 0) / per))
  }
  return Number.isFinite(units) ? units : 0
}

function take(stock: Stock, locId: string, line: AllocationLine, units: number) {
  const at = stock.get(locId)!
  for (const inv of line.inventory) {
    at.set(inv.inventory_item_id, (at.get(inv.inventory_item_id) ?? 0) - units * Math.max(1, inv.required_quantity))
  }
}

function cloneStock(stock: Stock, ids: Iterable<string>): Stock {
  const out: Stock = new Map()
  for (const id of ids) out.set(id, new Map(stock.get(id) ?? []))
  return out
}

/**
 * Minimises, lexicographically: units nobody can serve, units taken from safety stock, then
 * the cost of the locations used (each location's cost once — one shipment — plus a split
 * penalty per extra location). The chosen pickup shop serves everything it holds first.
 *
 * Search: every set of up to `max_sources` locations out of a pool (the cheapest candidates,
 * the cheapest that cover each line or the whole order alone, the deepest per line), then a
 * greedy extension over all candidates while it serves more units or dips less into safety
 * stock — so a line that the candidates together can serve is always served.
 */
export function allocateByCost(ctx: AllocationContext, name = "mendian-cost"): AllocationResult {
  const perKm = ctx.options?.per_km ?? DEFAULT_PER_KM
  const splitPenalty = ctx.options?.split_penalty ?? DEFAULT_SPLIT_PENALTY
  const maxSources = Math.max(1, ctx.options?.max_sources ?? DEFAULT_MAX_SOURCES)
  const poolSize = Math.max(1, ctx.options?.pool_size ?? DEFAULT_POOL_SIZE)
  const orderReasons: AllocationReason[] = []

  const pickupId = ctx.pickup_location_id ?? null
  const pickupLoc = pickupId ? ctx.locations.find((l) => l.id === pickupId) : undefined
  // Goods for a pickup travel to the pickup shop: its point stands in for the customer's.
  const origin = pickupLoc?.point ?? ctx.customer?.point ?? null
  if (!origin && !ctx.costs) orderReasons.push(reason("no_customer_point"))
  if (ctx.costs) orderReasons.push(reason("ranking_override", { source: ctx.costs_source ?? "a plugin" }))

  const locs: Loc[] = []
  for (const l of ctx.locations) {
    const d = origin && l.point ? haversineKm(origin, l.point) : null
    let cost: number
    if (ctx.costs) {
      const c = ctx.costs[l.id]
      if (c === undefined || !Number.isFinite(c)) {
        if (l.id !== pickupId) continue
        cost = 0
      } else cost = c
    } else {
      // Without a point a location is as near as any other; with one, an unplaced location is far.
      cost = (d ?? (origin ? 10_000 : 0)) * perKm + (l.shipping_cost ?? 0)
    }
    if (l.id === pickupId) cost = 0
    locs.push({ ...l, cost, km: d, label: l.label ?? l.id })
  }
  // Cheapest first; ties: the deeper stock overall, then the id (deterministic).
  const depths = new Map(locs.map((l) => [l.id, Object.values(ctx.available[l.id] ?? {}).reduce((s, v) => s + Math.max(0, Number(v) || 0), 0)]))
  locs.sort((a, b) => a.cost - b.cost || depths.get(b.id)! - depths.get(a.id)! || a.id.localeCompare(b.id))
  const byId = new Map(locs.map((l) => [l.id, l]))
  const rank = new Map(locs.map((l, i) => [l.id, i]))

  const stock0: Stock = new Map()
  for (const l of locs) stock0.set(l.id, new Map(Object.entries(ctx.available[l.id] ?? {}).map(([k, v]) => [k, Number(v) || 0])))
  const safety = (locId: string, variantId: string) => Math.max(0, Math.floor(ctx.safety_stock?.[locId]?.[variantId] ?? 0))

  const lines = ctx.lines.filter((l) => l.quantity > 0)
  const initial = new Map<string, AllocationPart[]>(lines.map((l) => [l.id, []]))
  const need = new Map(lines.map((l) => [l.id, l.quantity]))

  // 1. The pickup shop serves what it holds, safety stock included: the customer walks in there.
  const stockAfterPickup = cloneStock(stock0, stock0.keys())
  const pickupShort = new Map<string, number>()
  if (pickupLoc) {
    for (const line of lines) {
      const units = Math.min(line.quantity, unitsAt(stockAfterPickup, pickupLoc.id, line))
      if (units > 0) {
        take(stockAfterPickup, pickupLoc.id, line, units)
        initial.get(line.id)!.push({ location_id: pickupLoc.id, quantity: units, backorder_quantity: 0, below_safety: 0 })
        need.set(line.id, line.quantity - units)
      }
      if (units < line.quantity) pickupShort.set(line.id, units)
    }
  }

  const others = locs.filter((l) => l.id !== pickupId)
  const rest = lines.filter((l) => need.get(l.id)! > 0)

  /** Serves the remaining need from the locations of `set` (in cost order). */
  const evaluate = (set: Loc[]): Evaluation => {
    const stock = cloneStock(stockAfterPickup, set.map((l) => l.id))
    const parts = new Map<string, AllocationPart[]>()
    const used = new Set<string>()
    let unserved = 0
    let dipped = 0
    for (const line of rest) {
      let q = need.get(line.id)!
      const out: AllocationPart[] = []
      const free = (l: Loc) => Math.max(0, unitsAt(stock, l.id, line) - safety(l.id, line.variant_id))
      // Free stock: one location when one covers it (the cheapest), else the deepest first (fewest parts).
      const single = set.find((l) => free(l) >= q)
      const order = single ? [single] : [...set].sort((a, b) => free(b) - free(a) || rank.get(a.id)! - rank.get(b.id)!)
      for (const l of order) {
        if (q <= 0) break
        const u = Math.min(q, free(l))
        if (u <= 0) continue
        take(stock, l.id, line, u)
        out.push({ location_id: l.id, quantity: u, backorder_quantity: 0, below_safety: 0 })
        q -= u
      }
      // Safety stock, only for what free stock could not cover: cheapest location first.
      for (const l of set) {
        if (q <= 0) break
        const u = Math.min(q, unitsAt(stock, l.id, line))
        if (u <= 0) continue
        take(stock, l.id, line, u)
        const existing = out.find((p) => p.location_id === l.id)
        if (existing) {
          existing.quantity += u
          existing.below_safety += u
        } else out.push({ location_id: l.id, quantity: u, backorder_quantity: 0, below_safety: u })
        dipped += u
        q -= u
      }
      unserved += q
      for (const p of out) used.add(p.location_id)
      parts.set(line.id, out)
    }
    const usedIds = [...used]
    const all = new Set([...usedIds, ...(pickupLoc && lines.some((l) => initial.get(l.id)!.length) ? [pickupLoc.id] : [])])
    const cost = usedIds.reduce((s, id) => s + byId.get(id)!.cost, 0) + splitPenalty * Math.max(0, all.size - 1)
    return { parts, unserved, dipped, cost, used: usedIds }
  }
  const better = (a: Evaluation, b: Evaluation | null) =>
    !b || a.unserved < b.unserved || (a.unserved === b.unserved && (a.dipped < b.dipped || (a.dipped === b.dipped && a.cost < b.cost - 1e-9)))

  let best = evaluate([])
  let bestSet: Loc[] = []
  if (rest.length && others.length) {
    // 2. The pool: cheapest candidates holding something, plus for each line (and the whole
    //    order) the cheapest that cover it alone and the deepest.
    const holding = others.filter((l) => rest.some((line) => unitsAt(stockAfterPickup, l.id, line) > 0))
    const pool = new Set<Loc>(holding.slice(0, poolSize))
    const freeAt = (l: Loc, line: AllocationLine) => Math.max(0, unitsAt(stockAfterPickup, l.id, line) - safety(l.id, line.variant_id))
    let wholeOrder = 0
    for (const l of holding) {
      if (wholeOrder < 3 && rest.every((line) => freeAt(l, line) >= need.get(line.id)!)) {
        pool.add(l)
        wholeOrder++
      }
    }
    for (const line of rest) {
      holding.filter((l) => freeAt(l, line) >= need.get(line.id)!).slice(0, 3).forEach((l) => pool.add(l))
      ;[...holding].sort((a, b) => freeAt(b, line) - freeAt(a, line) || rank.get(a.id)! - rank.get(b.id)!).slice(0, 3).forEach((l) => pool.add(l))
    }
    const poolList = [...pool].sort((a, b) => rank.get(a.id)! - rank.get(b.id)!)
    const choose = (start: number, chosen: Loc[]) => {
      // Costs are non-negative: once a perfect plan is known, a dearer set can only get dearer.
      if (best.unserved === 0 && best.dipped === 0 && chosen.length) {
        const floor = chosen.reduce((s, l) => s + l.cost, 0) + splitPenalty * (chosen.length - 1)
        if (floor >= best.cost - 1e-9) return
      }
      if (chosen.length) {
        const e = evaluate(chosen)
        if (better(e, best)) {
          best = e
          bestSet = [...chosen]
        }
      }
      if (chosen.length === maxSources) return
      for (let i = start; i < poolList.length; i++) {
        chosen.push(poolList[i])
        choose(i + 1, chosen)
        chosen.pop()
      }
    }
    choose(0, [])
    // 3. Greedy extension over every candidate while it serves more or dips less.
    while (best.unserved > 0 || best.dipped > 0) {
      let next: Evaluation | null = null
      let nextSet: Loc[] = []
      for (const l of holding) {
        if (bestSet.includes(l)) continue
        const set = [...bestSet, l].sort((a, b) => rank.get(a.id)! - rank.get(b.id)!)
        const e = evaluate(set)
        if ((e.unserved < best.unserved || (e.unserved === best.unserved && e.dipped < best.dipped)) && better(e, next)) {
          next = e
          nextSet = set
        }
      }
      if (!next) break
      best = next
      bestSet = nextSet
    }
  }

  // 4. Lines with the parts, backorders and reasons.
  const unserved: UnservedLine[] = []
  const result: LineAllocation[] = []
  const shipments = new Set<string>()
  for (const line of lines) {
    const parts = [...initial.get(line.id)!, ...(best.parts.get(line.id) ?? [])]
    for (const p of parts) shipments.add(p.location_id)
  }
  for (const line of lines) {
    const parts = [...initial.get(line.id)!, ...(best.parts.get(line.id) ?? []).map((p) => ({ ...p }))]
    const reasons: AllocationReason[] = []
    const served = parts.reduce((s, p) => s + p.quantity, 0)
    let missing = line.quantity - served
    const totalAvailable = locs.reduce((s, l) => s + unitsAt(stock0, l.id, line), 0)
    if (missing > 0 && line.allow_backorder) {
      const at = (pickupLoc && byId.get(pickupLoc.id)) ?? (parts[0] ? byId.get(parts[0].location_id) : undefined) ?? locs.find((l) => shipments.has(l.id)) ?? locs[0]
      if (at) {
        const existing = parts.find((p) => p.location_id === at.id)
        if (existing) {
          existing.quantity += missing
          existing.backorder_quantity += missing
        } else parts.push({ location_id: at.id, quantity: missing, backorder_quantity: missing, below_safety: 0 })
        reasons.push(reason("backorder", { quantity: missing, location: at.label }))
        shipments.add(at.id)
        missing = 0
      }
    }
    if (missing > 0) {
      unserved.push({ line_id: line.id, variant_id: line.variant_id, quantity: line.quantity, available: totalAvailable })
    }
    explain(line, parts, reasons)
    result.push({ line_id: line.id, variant_id: line.variant_id, quantity: line.quantity, parts, reasons })
  }

  function explain(line: AllocationLine, parts: AllocationPart[], reasons: AllocationReason[]) {
    const stocked = parts.filter((p) => p.quantity > p.backorder_quantity)
    if (pickupLoc && parts.some((p) => p.location_id === pickupLoc.id)) {
      const atPickup = initial.get(line.id)!.reduce((s, p) => s + p.quantity, 0)
      if (atPickup > 0) reasons.unshift(reason("pickup_shop", { location: pickupLoc.label ?? pickupLoc.id, quantity: atPickup }))
    }
    if (pickupShort.has(line.id)) {
      reasons.push(reason("pickup_short", { location: pickupLoc!.label ?? pickupLoc!.id, available: pickupShort.get(line.id)!, quantity: line.quantity }))
    }
    const fromOthers = stocked.filter((p) => p.location_id !== pickupId)
    if (fromOthers.length === 1) {
      const l = byId.get(fromOthers[0].location_id)!
      const q = fromOthers[0].quantity
      // The cheapest location that could have served this part alone, above its safety stock.
      const alone = others.find((o) => unitsAt(stock0, o.id, line) - safety(o.id, line.variant_id) >= q)
      if (alone && alone.id !== l.id && shipments.size > 0 && rank.get(alone.id)! < rank.get(l.id)!) {
        reasons.push(reason("consolidated", { location: l.label, instead: alone.label }))
      } else if (l.km !== null && !ctx.costs) reasons.push(reason("nearest_with_stock", { km: km(l.km), location: l.label }))
      else reasons.push(reason("lowest_cost", { cost: money(l.cost), location: l.label }))
    }
    if (stocked.length > 1) {
      const anyHolds = locs.some((l) => unitsAt(stock0, l.id, line) >= line.quantity)
      reasons.push(
        reason("split", {
          parts: stocked.map((p) => p.quantity - p.backorder_quantity).join("+"),
          quantity: line.quantity,
          safety: anyHolds ? 1 : 0,
        })
      )
    }
    for (const p of parts) {
      if (p.below_safety > 0) {
        reasons.push(reason("safety_dipped", { units: p.below_safety, location: byId.get(p.location_id)!.label, safety: safety(p.location_id, line.variant_id) }))
      }
    }
    // Cheaper locations that held stock but were left alone because of their safety stock.
    const worst = Math.max(-1, ...stocked.map((p) => rank.get(p.location_id)!))
    let kept = 0
    for (const l of others) {
      if (kept >= 2 || rank.get(l.id)! >= worst) break
      const s = safety(l.id, line.variant_id)
      const had = unitsAt(stock0, l.id, line)
      const took = parts.find((p) => p.location_id === l.id)?.quantity ?? 0
      // It held stock, gave less than it could, and giving the line would have dipped it under safety.
      if (s > 0 && had > took && took < line.quantity && had - Math.min(line.quantity, had) < s) {
        reasons.push(reason("safety_kept", { location: l.label, safety: s }))
        kept++
      }
    }
  }

  const locationIds = [...new Set(result.flatMap((l) => l.parts.map((p) => p.location_id)))]
  const cost =
    locationIds.reduce((s, id) => s + (byId.get(id)?.cost ?? 0), 0) + splitPenalty * Math.max(0, locationIds.length - 1)
  return { strategy: name, lines: result, unserved, reasons: orderReasons, cost: money(cost), location_ids: locationIds }
}

/**
 * Which allocated units a cancellation gives back: backordered units first (nothing physical
 * behind them), then from the most expensive part backwards (the last chosen).
 */
export function releaseParts(input: ReleaseInput): { location_id: string; quantity: number }[] {
  let left = Math.max(0, Math.floor(input.quantity))
  const out = new Map<string, number>()
  const add = (id: string, q: number) => out.set(id, (out.get(id) ?? 0) + q)
  for (const p of [...input.parts].reverse()) {
    if (left <= 0) break
    const q = Math.min(left, p.backorder_quantity)
    if (q > 0) add(p.location_id, q)
    left -= q
  }
  for (const p of [...input.parts].reverse()) {
    if (left <= 0) break
    const q = Math.min(left, p.quantity - p.backorder_quantity)
    if (q > 0) add(p.location_id, q)
    left -= q
  }
  return [...out].map(([location_id, quantity]) => ({ location_id, quantity }))
}

export const costAllocationStrategy: AllocationStrategy = {
  name: "mendian-cost",
  allocate: (ctx) => allocateByCost(ctx, "mendian-cost"),
  release: releaseParts,
}
