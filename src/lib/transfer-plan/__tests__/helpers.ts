import { haversineKm } from "../../geo"
import { mulberry32 } from "../../random"
import type { TransferInstance, TransferPlan } from "../types"

export const COST = { per_unit: 1.5, per_km: 0.8, detour_factor: 1.3, unmet_penalty: 100000 }

/** Lane unit cost straight from the formula, independently of the planner's CostModel. */
export function laneCost(inst: TransferInstance, from: string, to: string): number {
  const a = inst.shops.find((s) => s.id === from)!
  const b = inst.shops.find((s) => s.id === to)!
  const road = inst.distances?.find((d) => (d.from === from && d.to === to) || (d.from === to && d.to === from))
  const km = road ? road.km : inst.cost.detour_factor * haversineKm(a, b)
  return (a.handling_per_unit ?? inst.cost.per_unit) + inst.cost.per_km * km
}

/**
 * Checks a plan against its instance: every line is a real lane of one variant, no surplus,
 * capacity or shortfall is exceeded, unmet lines are what is left, the line costs and the
 * total follow the formula. Returns the recomputed total.
 */
export function checkPlan(inst: TransferInstance, plan: TransferPlan, maxSources = Infinity): number {
  const key = (shop: string, variant: string) => `${shop}|${variant}`
  const supply = new Map<string, number>()
  for (const l of inst.surplus) supply.set(key(l.shop, l.variant), (supply.get(key(l.shop, l.variant)) ?? 0) + l.quantity)
  const need = new Map<string, number>()
  for (const l of inst.shortfall) need.set(key(l.shop, l.variant), (need.get(key(l.shop, l.variant)) ?? 0) + l.quantity)
  const out = new Map<string, number>()
  const sources = new Map<string, Set<string>>()
  let total = 0
  for (const l of plan.lines) {
    expect(Number.isInteger(l.quantity) && l.quantity > 0).toBe(true)
    const s = key(l.from, l.variant)
    const d = key(l.to, l.variant)
    expect(supply.has(s)).toBe(true)
    expect(need.has(d)).toBe(true)
    supply.set(s, supply.get(s)! - l.quantity)
    need.set(d, need.get(d)! - l.quantity)
    out.set(l.from, (out.get(l.from) ?? 0) + l.quantity)
    if (!sources.has(l.to)) sources.set(l.to, new Set())
    sources.get(l.to)!.add(l.from)
    const unit = laneCost(inst, l.from, l.to)
    expect(l.cost).toBeCloseTo(l.quantity * unit, 4)
    expect(l.breakdown.handling + l.breakdown.distance_cost).toBeCloseTo(l.cost, 4)
    total += l.quantity * unit
  }
  for (const v of supply.values()) expect(v).toBeGreaterThanOrEqual(0)
  for (const shop of inst.shops) if (shop.capacity !== undefined) expect(out.get(shop.id) ?? 0).toBeLessThanOrEqual(shop.capacity)
  for (const set of sources.values()) expect(set.size).toBeLessThanOrEqual(maxSources)
  const unmet = new Map(plan.unmet.map((u) => [key(u.shop, u.variant), u.quantity]))
  for (const [k, q] of need) {
    expect(q).toBeGreaterThanOrEqual(0)
    expect(unmet.get(k) ?? 0).toBe(q)
    total += q * inst.cost.unmet_penalty
  }
  expect(plan.total_cost).toBeCloseTo(total, 3)
  return total
}

/** A random instance around Kunming: `shops` shops, `variants` variants, some capacities. */
export function randomInstance(
  seed: number,
  { shops = 40, variants = 3, shortLines = 8, surplusShare = 0.4, tightness = 0.7, capacities = false, maxQ = 6 } = {}
): TransferInstance {
  const random = mulberry32(seed)
  const list = Array.from({ length: shops }, (_, k) => ({
    id: `S${k + 1}`,
    lat: 24 + random() * 3,
    lng: 101 + random() * 4,
    ...(capacities && random() < 0.3 ? { capacity: 1 + Math.floor(random() * 8) } : {}),
  }))
  const vids = Array.from({ length: variants }, (_, k) => `V${k + 1}`)
  const short = new Set<string>()
  while (short.size < Math.min(shortLines, shops * variants)) short.add(`${Math.floor(random() * shops)}:${Math.floor(random() * variants)}`)
  const surplus = []
  const totals = new Array(variants).fill(0)
  for (let i = 0; i < shops; i++) {
    for (let v = 0; v < variants; v++) {
      if (short.has(`${i}:${v}`) || random() >= surplusShare) continue
      const q = 1 + Math.floor(random() * maxQ)
      surplus.push({ shop: list[i].id, variant: vids[v], quantity: q })
      totals[v] += q
    }
  }
  const shortfall = [...short].map((k) => {
    const [i, v] = k.split(":").map(Number)
    const lines = [...short].filter((x) => x.endsWith(`:${v}`)).length
    return { shop: list[i].id, variant: vids[v], quantity: Math.max(1, Math.round((tightness * totals[v]) / lines + (random() - 0.5) * 4)) }
  })
  return { cost: { ...COST }, shops: list, surplus, shortfall }
}
