import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { CostParams, PlanOptions, TransferInstance } from "../../../lib/transfer-plan"
import { REPLENISHMENT_MODULE } from "../../../modules/replenishment"
import type ReplenishmentModuleService from "../../../modules/replenishment/service"
import { variantStocking } from "../../replenishment/queries/stock-positions"
import { territoryLocationIds } from "../../replenishment/runs/scope"

/** What a merchant asks the planner: where, which variants, and which shortfalls (default: approved proposals). */
export type PlanRequest = {
  territory_id?: string
  shop_ids?: string[]
  variant_ids?: string[]
  shortfall?: { shop_id: string; variant_id: string; quantity: number }[]
  cost?: Partial<CostParams>
  options?: Pick<PlanOptions, "method" | "max_sources_per_destination" | "time_budget_ms">
}

/** Yuan per unit handled, per unit-km, road/straight ratio, and the price of leaving a unit short. */
export const DEFAULT_PLAN_COST: CostParams = { per_unit: 1.5, per_km: 0.8, detour_factor: 1.3, unmet_penalty: 100_000 }

export type PlanInstance = {
  instance: TransferInstance
  /** "location|variant" → the approved proposals behind that shortfall. */
  proposals: Record<string, string[]>
  shortfall_source: "proposals" | "given"
}

/**
 * The planner's instance from the live network: shops in scope keyed by their stock location,
 * shortfalls from approved replenishment proposals (or given ones), and surplus = available
 * units (stocked − reserved) above each location's safety stock for the variants short, at
 * every other location in scope. Only open shops send and receive.
 */
export async function buildPlanInstance(container: MedusaContainer, req: PlanRequest): Promise<PlanInstance> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const replenishment = container.resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE)
  if (req.territory_id && req.shop_ids?.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, "shop_ids: give territory_id or shop_ids, not both")
  const filters: Record<string, unknown> = {}
  if (req.territory_id) filters.stock_location_id = await territoryLocationIds(container, req.territory_id)
  if (req.shop_ids?.length) filters.id = req.shop_ids
  const { data: shops } = await query.graph({ entity: "shop", fields: ["id", "code", "status", "latitude", "longitude", "stock_location_id"], filters: filters as any })
  if (req.shop_ids?.length) {
    const found = new Set((shops as any[]).map((s) => s.id))
    const missing = req.shop_ids.filter((id) => !found.has(id))
    if (missing.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `shop_ids: not found: ${missing.slice(0, 10).join(", ")}`)
  }
  const active = (shops as any[]).filter((s) => s.status === "open" && s.stock_location_id)
  const locationOfShop = new Map(active.map((s) => [s.id, s.stock_location_id as string]))
  const locations = [...locationOfShop.values()]

  const short = new Map<string, { location: string; variant: string; quantity: number; proposals: string[] }>()
  const addShort = (location: string, variant: string, quantity: number, proposal?: string) => {
    const k = `${location}|${variant}`
    const s = short.get(k) ?? { location, variant, quantity: 0, proposals: [] }
    s.quantity += quantity
    if (proposal) s.proposals.push(proposal)
    short.set(k, s)
  }
  if (req.shortfall?.length) {
    req.shortfall.forEach((s, i) => {
      const location = locationOfShop.get(s.shop_id)
      if (!location) throw new MedusaError(MedusaError.Types.INVALID_DATA, `shortfall[${i}].shop_id: ${s.shop_id} is not an active shop in the plan's scope`)
      addShort(location, s.variant_id, s.quantity)
    })
  } else if (locations.length) {
    const proposals = await replenishment.listReplenishmentProposals(
      { status: "approved", location_id: locations, ...(req.variant_ids?.length ? { variant_id: req.variant_ids } : {}) },
      { select: ["id", "variant_id", "location_id", "quantity"], take: null as any }
    )
    for (const p of proposals as any[]) addShort(p.location_id, p.variant_id, p.quantity, p.id)
  }
  const variants = [...new Set([...short.values()].map((s) => s.variant))]
  const stocking = await variantStocking(container, variants)
  const unknown = variants.filter((v) => !stocking.get(v))
  if (unknown.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `variants ${unknown.slice(0, 5).join(", ")} do not exist or do not manage inventory`)

  const items = variants.map((v) => stocking.get(v)!.item)
  const [levels, policies] = variants.length
    ? await Promise.all([
        container.resolve(Modules.INVENTORY).listInventoryLevels({ inventory_item_id: items, location_id: locations }, { take: null as any }),
        replenishment.listStockPolicies({ variant_id: variants, location_id: locations }, { select: ["variant_id", "location_id", "safety_stock"], take: null as any }),
      ])
    : [[], []]
  const safety = new Map((policies as any[]).map((p) => [`${p.location_id}|${p.variant_id}`, Number(p.safety_stock ?? 0)]))
  const variantOfItem = new Map(variants.map((v) => [stocking.get(v)!.item, v]))
  const surplus: TransferInstance["surplus"] = []
  for (const l of levels as any[]) {
    const variant = variantOfItem.get(l.inventory_item_id)!
    const k = `${l.location_id}|${variant}`
    if (short.has(k)) continue
    const per = stocking.get(variant)!.per
    const units = Math.floor((Number(l.stocked_quantity) - Number(l.reserved_quantity)) / per) - (safety.get(k) ?? 0)
    if (units > 0) surplus.push({ shop: l.location_id, variant, quantity: units })
  }
  const used = new Set([...surplus.map((s) => s.shop), ...[...short.values()].map((s) => s.location)])
  const instance: TransferInstance = {
    cost: { ...DEFAULT_PLAN_COST, ...(req.cost ?? {}) },
    shops: active.filter((s) => used.has(s.stock_location_id)).map((s) => ({ id: s.stock_location_id, lat: s.latitude, lng: s.longitude })),
    surplus,
    shortfall: [...short.values()].map((s) => ({ shop: s.location, variant: s.variant, quantity: s.quantity })),
    ...(req.options ? { options: req.options } : {}),
  }
  const proposals = Object.fromEntries([...short.entries()].filter(([, s]) => s.proposals.length).map(([k, s]) => [k, s.proposals]))
  return { instance, proposals, shortfall_source: req.shortfall?.length ? "given" : "proposals" }
}
