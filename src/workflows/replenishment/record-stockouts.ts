import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { DEFAULT_TIME_ZONE, localBusinessDate } from "../../lib/opening-hours"
import { REPLENISHMENT_MODULE } from "../../modules/replenishment"
import type ReplenishmentModuleService from "../../modules/replenishment/service"
import type { DemandFlagInput } from "../../modules/replenishment/service"
import { SHOPS_MODULE } from "../../modules/shops"
import type ShopsModuleService from "../../modules/shops/service"

export type StockoutSweepOptions = {
  /** Inventory levels read per page (and flags written per transaction). */
  batchSize?: number
  /** Shop locations per level query. */
  locationsPerQuery?: number
  /** The instant whose business day is flagged (tests). */
  now?: Date
}

export type StockoutSweepResult = {
  shops: number
  /** Levels read: those with nothing stocked or something reserved. */
  levels_read: number
  /** Levels with available = stocked − reserved ≤ 0. */
  levels_out: number
  /** Variant × location days to flag. */
  flags: number
  /** Series whose day was newly flagged. */
  flagged: number
  /** Already flagged (an earlier sweep or an order did it). */
  unchanged: number
  /** Variant × location pairs without a series (never sold there): not created. */
  missing: number
}

/**
 * Flags today's business day (each shop's own timezone) as a stock-out day on every series
 * whose variant has nothing available at an open shop's location: an inventory level with
 * stocked − reserved ≤ 0, for every inventory-managed variant using that inventory item (an
 * item at 0 leaves none of its kits either).
 *
 * Reads through the inventory module, in pages keyed on the level id, asking only for the levels
 * that can be out — nothing stocked, or something reserved — so a chain of mostly stocked
 * shelves reads a small fraction of its levels. Flags go through flagDemandDays: set only,
 * written only when they change, so it is idempotent and several worker processes may run it
 * at once. Pairs never sold at the shop have no series and get none (see flagDemandDays).
 * Not a workflow: a long, resumable-by-rerun loop of independent, idempotent batches.
 */
export async function sweepStockouts(container: MedusaContainer, opts: StockoutSweepOptions = {}): Promise<StockoutSweepResult> {
  const batchSize = opts.batchSize ?? 1000
  const perQuery = opts.locationsPerQuery ?? 200
  const now = opts.now ?? new Date()
  const shops = await container
    .resolve<ShopsModuleService>(SHOPS_MODULE)
    .listShops({ status: "open" }, { select: ["stock_location_id", "timezone"], take: null as any })
  const dateOf = new Map<string, string>()
  for (const s of shops) if (s.stock_location_id) dateOf.set(s.stock_location_id, localBusinessDate(s.timezone || DEFAULT_TIME_ZONE, now))
  const locations = [...dateOf.keys()].sort()
  const inventory = container.resolve(Modules.INVENTORY)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const replenishment = container.resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE)
  const variantsOfItem = new Map<string, string[]>()
  const out: StockoutSweepResult = { shops: locations.length, levels_read: 0, levels_out: 0, flags: 0, flagged: 0, unchanged: 0, missing: 0 }

  for (let i = 0; i < locations.length; i += perQuery) {
    const group = locations.slice(i, i + perQuery)
    let cursor: string | null = null
    for (;;) {
      const filters: Record<string, unknown> = {
        location_id: group,
        $or: [{ stocked_quantity: { $lte: 0 } }, { reserved_quantity: { $gt: 0 } }],
      }
      if (cursor) filters.id = { $gt: cursor }
      const levels: any[] = await inventory.listInventoryLevels(filters as any, {
        select: ["id", "inventory_item_id", "location_id", "stocked_quantity", "reserved_quantity"],
        take: batchSize,
        order: { id: "ASC" },
      })
      if (!levels.length) break
      cursor = levels[levels.length - 1].id
      out.levels_read += levels.length
      const empty = levels.filter((l) => Number(l.stocked_quantity ?? 0) - Number(l.reserved_quantity ?? 0) <= 0)
      out.levels_out += empty.length

      const unknown = [...new Set(empty.map((l) => l.inventory_item_id as string))].filter((id) => !variantsOfItem.has(id))
      if (unknown.length) {
        const { data: items } = await query.graph({
          entity: "inventory_item",
          fields: ["id", "variants.id", "variants.manage_inventory"],
          filters: { id: unknown },
        })
        for (const id of unknown) variantsOfItem.set(id, [])
        for (const item of items as any[]) {
          variantsOfItem.set(item.id, ((item.variants ?? []) as any[]).filter((v) => v?.manage_inventory).map((v) => v.id))
        }
      }
      const flags: DemandFlagInput[] = []
      for (const l of empty) {
        for (const variantId of variantsOfItem.get(l.inventory_item_id) ?? []) {
          flags.push({ variant_id: variantId, location_id: l.location_id, business_date: dateOf.get(l.location_id)!, stockout: true })
        }
      }
      if (flags.length) {
        out.flags += flags.length
        const r = await replenishment.flagDemandDays(flags)
        out.flagged += r.flagged
        out.unchanged += r.unchanged
        out.missing += r.missing
      }
      if (levels.length < batchSize) break
    }
  }
  return out
}
