import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { decodeDemand } from "../../../lib/demand-codec"
import { formatCalendarDate, localBusinessDate, parseCalendarDate } from "../../../lib/opening-hours"
import { classifySlowMover, type SlowMoverThresholds } from "../../../lib/slow-movers"
import { REPLENISHMENT_MODULE } from "../../../modules/replenishment"
import type ReplenishmentModuleService from "../../../modules/replenishment/service"

export type SlowMover = {
  variant_id: string
  location_id: string
  shop_id: string | null
  on_hand: number
  sold: number
  weeks_of_cover: number | null
  sell_through: number
  last_sale_date: string | null
  stocked_since: string | null
}

/** Variant per inventory item (the first variant linked to it), for items found at a location. */
async function variantsOfItems(container: MedusaContainer, itemIds: string[]): Promise<Map<string, { variant_id: string; per: number }>> {
  const out = new Map<string, { variant_id: string; per: number }>()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  for (let i = 0; i < itemIds.length; i += 2000) {
    const { data } = await query.graph({
      entity: "product_variant_inventory_item",
      fields: ["variant_id", "inventory_item_id", "required_quantity"],
      filters: { inventory_item_id: itemIds.slice(i, i + 2000) },
    })
    for (const l of data as any[]) {
      if (!out.has(l.inventory_item_id)) out.set(l.inventory_item_id, { variant_id: l.variant_id, per: Math.max(1, Number(l.required_quantity ?? 1)) })
    }
  }
  return out
}

/**
 * Slow movers at some locations: every variant stocked there (including ones that never sold
 * there and so have no demand series — the slowest of all), its net sales over the last
 * `weeks` weeks up to today in the shop's timezone, classified by classifySlowMover. Items
 * stocked more recently than the window began are new arrivals, not slow movers, and are skipped.
 * Sorted slowest first (unlimited cover, then most weeks of cover, then most units on hand).
 */
export async function findSlowMovers(container: MedusaContainer, locationIds: string[], t: SlowMoverThresholds, now = new Date()): Promise<SlowMover[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const inventory = container.resolve(Modules.INVENTORY)
  const replenishment = container.resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE)
  const { data: shops } = await query.graph({ entity: "shop", fields: ["id", "stock_location_id", "timezone"], filters: { stock_location_id: locationIds } as any })
  const shopOf = new Map((shops as any[]).map((s) => [s.stock_location_id, s]))
  const out: SlowMover[] = []
  for (const location of locationIds) {
    const shop: any = shopOf.get(location)
    const today = parseCalendarDate(localBusinessDate(shop?.timezone ?? "Asia/Shanghai", now))!
    const from = today - t.weeks * 7 + 1
    const levels = (await inventory.listInventoryLevels({ location_id: location }, { take: null as any })).filter((l: any) => Number(l.stocked_quantity) > 0)
    if (!levels.length) continue
    const variants = await variantsOfItems(container, levels.map((l: any) => l.inventory_item_id))
    const series = await replenishment.listDemandSeries(
      { location_id: location, variant_id: [...new Set([...variants.values()].map((v) => v.variant_id))] },
      { select: ["variant_id", "days", "last_sale_date"], take: null as any }
    )
    const seriesOf = new Map(series.map((s: any) => [s.variant_id, s]))
    for (const level of levels as any[]) {
      const v = variants.get(level.inventory_item_id)
      if (!v) continue
      const since = level.created_at ? parseCalendarDate(localBusinessDate(shop?.timezone ?? "Asia/Shanghai", new Date(level.created_at))) : null
      if (since !== null && since > from) continue
      const s: any = seriesOf.get(v.variant_id)
      let sold = 0
      if (s) for (const d of decodeDemand(s.days).days) if (d.day >= from && d.day <= today) sold += d.sold - d.returned
      const onHand = Math.floor(Number(level.stocked_quantity) / v.per)
      const verdict = classifySlowMover({ onHand, sold }, t)
      if (!verdict.slow) continue
      out.push({
        variant_id: v.variant_id,
        location_id: location,
        shop_id: shop?.id ?? null,
        on_hand: onHand,
        sold: Math.max(0, sold),
        weeks_of_cover: verdict.weeks_of_cover,
        sell_through: verdict.sell_through,
        last_sale_date: s?.last_sale_date ?? null,
        stocked_since: since === null ? null : formatCalendarDate(since),
      })
    }
  }
  const cover = (m: SlowMover) => (m.weeks_of_cover === null ? Infinity : m.weeks_of_cover)
  return out.sort((a, b) => cover(b) - cover(a) || b.on_hand - a.on_hand || a.variant_id.localeCompare(b.variant_id))
}
