import { isValidLatitude, isValidLongitude } from "../geo/coordinates"
import type { Problem } from "./problem"
import type { PlanOptions, TransferInstance } from "./types"

/** Bad input: names the field (`surplus[3].quantity`) and what is wrong with it. */
export class TransferPlanInputError extends Error {
  constructor(
    readonly field: string,
    message: string
  ) {
    super(`${field}: ${message}`)
    this.name = "TransferPlanInputError"
  }
}

const fail = (field: string, message: string): never => {
  throw new TransferPlanInputError(field, message)
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x)

function finiteNumber(x: unknown, field: string, { min = -Infinity, positive = false } = {}): number {
  if (typeof x !== "number" || !Number.isFinite(x)) return fail(field, `must be a finite number, got ${JSON.stringify(x)}`)
  if (positive && !(x > 0)) return fail(field, `must be > 0, got ${x}`)
  if (x < min) return fail(field, `must be >= ${min}, got ${x}`)
  return x
}

function quantity(x: unknown, field: string): number {
  if (typeof x !== "number" || !Number.isInteger(x)) return fail(field, `must be a whole number of units, got ${JSON.stringify(x)}`)
  if (x < 0) return fail(field, `must not be negative, got ${x}`)
  return x
}

function nonEmptyString(x: unknown, field: string): string {
  if (typeof x !== "string" || !x.trim()) return fail(field, `must be a non-empty string, got ${JSON.stringify(x)}`)
  return x
}

/** Checks an instance (issue 4 §3 format) and indexes it. Throws TransferPlanInputError. */
export function buildProblem(instance: unknown): Problem {
  if (!isObject(instance)) return fail("instance", "must be an object")
  const c = instance.cost
  if (!isObject(c)) return fail("cost", "must be an object with per_unit, per_km, detour_factor, unmet_penalty")
  const cost = {
    per_unit: finiteNumber(c.per_unit, "cost.per_unit", { min: 0 }),
    per_km: finiteNumber(c.per_km, "cost.per_km", { min: 0 }),
    detour_factor: finiteNumber(c.detour_factor, "cost.detour_factor", { positive: true }),
    unmet_penalty: finiteNumber(c.unmet_penalty, "cost.unmet_penalty", { positive: true }),
  }

  if (!Array.isArray(instance.shops)) return fail("shops", "must be an array")
  const index = new Map<string, number>()
  const p: Problem = {
    cost,
    shopIds: [],
    lat: [],
    lng: [],
    capacity: [],
    handling: [],
    variantIds: [],
    supShop: [],
    supVariant: [],
    supQty: [],
    demShop: [],
    demVariant: [],
    demQty: [],
    distances: new Map(),
  }
  instance.shops.forEach((s: unknown, k: number) => {
    const f = `shops[${k}]`
    if (!isObject(s)) return fail(f, "must be an object with id, lat, lng")
    const id = nonEmptyString(s.id, `${f}.id`)
    if (index.has(id)) fail(`${f}.id`, `duplicate shop id ${JSON.stringify(id)}`)
    if (!isValidLatitude(s.lat)) fail(`${f}.lat`, `must be a latitude in [-90, 90], got ${JSON.stringify(s.lat)}`)
    if (!isValidLongitude(s.lng)) fail(`${f}.lng`, `must be a longitude in [-180, 180], got ${JSON.stringify(s.lng)}`)
    index.set(id, p.shopIds.length)
    p.shopIds.push(id)
    p.lat.push(s.lat as number)
    p.lng.push(s.lng as number)
    p.capacity.push(s.capacity === undefined || s.capacity === null ? Infinity : quantity(s.capacity, `${f}.capacity`))
    p.handling.push(
      s.handling_per_unit === undefined || s.handling_per_unit === null
        ? cost.per_unit
        : finiteNumber(s.handling_per_unit, `${f}.handling_per_unit`, { min: 0 })
    )
  })

  const variants = new Map<string, number>()
  const lines = (key: "surplus" | "shortfall") => {
    const list = instance[key]
    if (!Array.isArray(list)) return fail(key, "must be an array")
    const merged = new Map<string, { shop: number; variant: number; quantity: number }>()
    list.forEach((l: unknown, k: number) => {
      const f = `${key}[${k}]`
      if (!isObject(l)) return fail(f, "must be an object with shop, variant, quantity")
      const shopId = nonEmptyString(l.shop, `${f}.shop`)
      const shop = index.get(shopId)
      if (shop === undefined) return fail(`${f}.shop`, `unknown shop ${JSON.stringify(shopId)} (not in shops)`)
      const variantId = nonEmptyString(l.variant, `${f}.variant`)
      const q = quantity(l.quantity, `${f}.quantity`)
      let variant = variants.get(variantId)
      if (variant === undefined) {
        variant = p.variantIds.length
        variants.set(variantId, variant)
        p.variantIds.push(variantId)
      }
      const k2 = `${shop}\u0000${variant}`
      const prev = merged.get(k2)
      if (prev) prev.quantity += q
      else merged.set(k2, { shop, variant, quantity: q })
    })
    return merged
  }
  const surplus = lines("surplus")
  const shortfall = lines("shortfall")
  for (const [k, l] of shortfall) {
    if (surplus.has(k) && l.quantity > 0 && surplus.get(k)!.quantity > 0) {
      fail("shortfall", `shop ${JSON.stringify(p.shopIds[l.shop])} has both surplus and shortfall of variant ${JSON.stringify(p.variantIds[l.variant])}`)
    }
  }
  for (const l of surplus.values()) {
    if (l.quantity === 0) continue
    p.supShop.push(l.shop)
    p.supVariant.push(l.variant)
    p.supQty.push(l.quantity)
  }
  for (const l of shortfall.values()) {
    if (l.quantity === 0) continue
    p.demShop.push(l.shop)
    p.demVariant.push(l.variant)
    p.demQty.push(l.quantity)
  }

  if (instance.distances !== undefined) {
    if (!Array.isArray(instance.distances)) return fail("distances", "must be an array of { from, to, km }")
    const n = p.shopIds.length
    instance.distances.forEach((d: unknown, k: number) => {
      const f = `distances[${k}]`
      if (!isObject(d)) return fail(f, "must be an object with from, to, km")
      const from = index.get(nonEmptyString(d.from, `${f}.from`))
      if (from === undefined) return fail(`${f}.from`, `unknown shop ${JSON.stringify(d.from)}`)
      const to = index.get(nonEmptyString(d.to, `${f}.to`))
      if (to === undefined) return fail(`${f}.to`, `unknown shop ${JSON.stringify(d.to)}`)
      p.distances.set(from * n + to, finiteNumber(d.km, `${f}.km`, { min: 0 }))
    })
  }
  return p
}

export interface ResolvedOptions {
  method: "colgen" | "full" | "greedy"
  maxSources: number
  candidates: number
  columnsPerRound: number
  cover: number
  highsOptions: Record<string, string | number | boolean>
  timeBudgetMs: number
  epsilon: number
  baseline: boolean
}

/** Instance options, overridden by the caller's; checked like the instance. */
export function resolveOptions(...layers: Array<PlanOptions | undefined | unknown>): ResolvedOptions {
  const o: Record<string, unknown> = {}
  layers.forEach((layer, k) => {
    if (layer === undefined || layer === null) return
    if (!isObject(layer)) fail(k === 0 ? "options" : "options", "must be an object")
    Object.assign(o, layer)
  })
  const int = (key: string, dflt: number, min: number) => {
    const x = o[key]
    if (x === undefined || x === null) return dflt
    if (typeof x !== "number" || !Number.isInteger(x) || x < min) return fail(`options.${key}`, `must be an integer >= ${min}, got ${JSON.stringify(x)}`)
    return x
  }
  const method = o.method ?? "colgen"
  if (method !== "colgen" && method !== "full" && method !== "greedy") {
    fail("options.method", `must be "colgen", "full" or "greedy", got ${JSON.stringify(method)}`)
  }
  const epsilon = o.epsilon === undefined ? 1e-6 : finiteNumber(o.epsilon, "options.epsilon", { positive: true })
  const baseline = o.baseline === undefined ? true : o.baseline
  if (typeof baseline !== "boolean") fail("options.baseline", "must be true or false")
  return {
    method: method as ResolvedOptions["method"],
    maxSources: int("max_sources_per_destination", Infinity as number, 1),
    candidates: int("candidates", 20, 1),
    columnsPerRound: int("columns_per_round", 30, 1),
    cover: o.cover === undefined ? 1 : finiteNumber(o.cover, "options.cover", { min: 0 }),
    timeBudgetMs: int("time_budget_ms", 3000, 1),
    highsOptions: o.highs_options === undefined ? {} : (isObject(o.highs_options) ? (o.highs_options as Record<string, string | number | boolean>) : fail("options.highs_options", "must be an object")),
    epsilon,
    baseline: baseline as boolean,
  }
}
