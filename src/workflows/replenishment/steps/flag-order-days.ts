import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { isOutOfStock } from "../../../lib/replenishment-signals"
import { REPLENISHMENT_MODULE } from "../../../modules/replenishment"
import type ReplenishmentModuleService from "../../../modules/replenishment/service"
import type { DemandFlagInput } from "../../../modules/replenishment/service"
import { timeZonesOf } from "./business-dates"
import type { OrderSaleEvent } from "./collect-order-sales"

type VariantRow = { id: string; manage_inventory?: boolean; inventory_items?: { inventory_item_id: string; required_quantity?: number }[] }

/**
 * The day flags a placed order tells us about, set on the series its demand was just recorded
 * on (after recordDemandStep, so they exist):
 *
 * - promotion: a line with a promotion adjustment marks its business day as a promotion day;
 * - stock-out: when, after the order, the variant has nothing left at a location it was served
 *   from (stocked − reserved, per inventory item ÷ its required quantity, ≤ 0), that business
 *   day is censored. Only for orders placed on the shop's current business day: a backfill of
 *   old orders sees today's levels, which say nothing about the order's day.
 *
 * Flags only ever set, so a replay (a redelivered event, the backfill) changes nothing; it
 * runs for every collected event, not only the newly recorded ones, so a backfill also adds the
 * promotion days of orders recorded before flags were captured. No compensation: a flag is a
 * fact about a day, not something this workflow owns.
 */
export const flagOrderDaysStep = createStep(
  "replenishment-flag-order-days",
  async (events: OrderSaleEvent[], { container }) => {
    if (!events.length) return new StepResponse({ flagged: 0, unchanged: 0, missing: 0, series_ids: [] as string[] })
    const pairs = new Map<string, DemandFlagInput>()
    for (const e of events) {
      const key = `${e.variant_id}|${e.location_id}|${e.business_date}`
      const pair = pairs.get(key) ?? { variant_id: e.variant_id, location_id: e.location_id, business_date: e.business_date }
      if (e.promotion) pair.promotion = true
      pairs.set(key, pair)
    }

    const locationIds = [...new Set(events.map((e) => e.location_id))]
    const today = await timeZonesOf(container, locationIds)
    const now = new Date()
    const current = [...pairs.values()].filter((p) => p.business_date === today(p.location_id, now))
    if (current.length) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: variants } = await query.graph({
        entity: "variant",
        fields: ["id", "manage_inventory", "inventory_items.inventory_item_id", "inventory_items.required_quantity"],
        filters: { id: [...new Set(current.map((p) => p.variant_id))] },
      })
      const byId = new Map((variants as unknown as VariantRow[]).map((v) => [v.id, v]))
      const itemIds = [...new Set((variants as unknown as VariantRow[]).flatMap((v) => (v.inventory_items ?? []).map((i) => i.inventory_item_id)))]
      const levels = itemIds.length
        ? await container
            .resolve(Modules.INVENTORY)
            .listInventoryLevels(
              { inventory_item_id: itemIds, location_id: [...new Set(current.map((p) => p.location_id))] },
              { select: ["inventory_item_id", "location_id", "stocked_quantity", "reserved_quantity"], take: null as any }
            )
        : []
      const level = new Map(levels.map((l: any) => [`${l.inventory_item_id}|${l.location_id}`, l]))
      for (const p of current) {
        const v = byId.get(p.variant_id)
        if (!v?.manage_inventory || !v.inventory_items?.length) continue
        if (isOutOfStock(v.inventory_items, (itemId) => level.get(`${itemId}|${p.location_id}`))) p.stockout = true
      }
    }

    const flags = [...pairs.values()].filter((p) => p.promotion || p.stockout)
    const result = flags.length
      ? await container.resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE).flagDemandDays(flags)
      : { flagged: 0, unchanged: 0, missing: 0, series_ids: [] as string[] }
    return new StepResponse(result)
  }
)
