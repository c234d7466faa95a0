import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { DemandEventInput } from "../../../modules/replenishment/service"
import { timeZonesOf } from "./business-dates"

type Line = {
  id: string
  quantity: number
  variant_id: string | null
  variant?: { manage_inventory?: boolean; inventory_items?: { inventory_item_id: string; required_quantity?: number }[] } | null
  adjustments?: ({ promotion_id?: string | null } | null)[] | null
}

/** A sold event, and whether its line carried a promotion (a line item adjustment from one). */
export type OrderSaleEvent = DemandEventInput & { promotion?: boolean }

/**
 * Where each line of an order is served, and how many units there: its reservations (a line
 * split across two locations counts at both) plus whatever fulfilments already consumed from
 * them — a till sale is fulfilled in the same call, so by the time order.placed reaches us its
 * reservation is gone and only the fulfilment at the shop is left. Units are counted on one
 * inventory item of the variant (divided by its required quantity, for kits). Variants whose
 * inventory isn't managed have neither, and are skipped.
 *
 * A line with an adjustment from a Medusa promotion (order-level promotions are spread over the
 * lines as adjustments too) marks its events `promotion: true`: that business day becomes a
 * promotion day of the series (flagOrderDaysStep).
 */
export const collectOrderSalesStep = createStep(
  "replenishment-collect-order-sales",
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [order] } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "created_at",
        "items.id",
        "items.quantity",
        "items.variant_id",
        "items.variant.manage_inventory",
        "items.variant.inventory_items.inventory_item_id",
        "items.variant.inventory_items.required_quantity",
        "items.adjustments.promotion_id",
        "fulfillments.location_id",
        "fulfillments.canceled_at",
        "fulfillments.items.line_item_id",
        "fulfillments.items.inventory_item_id",
        "fulfillments.items.quantity",
      ],
      filters: { id: input.order_id },
    })
    if (!order) return new StepResponse([] as OrderSaleEvent[])

    const lines = ((order.items ?? []) as unknown as Line[]).filter(
      (l) => l?.variant_id && l.variant?.manage_inventory && l.variant.inventory_items?.length
    )
    if (!lines.length) return new StepResponse([] as OrderSaleEvent[])

    const reservations = await container
      .resolve(Modules.INVENTORY)
      .listReservationItems(
        { line_item_id: lines.map((l) => l.id) },
        { select: ["line_item_id", "location_id", "inventory_item_id", "quantity"] }
      )
    const served = new Map<string, Map<string, number>>() // line → location → inventory units
    const add = (lineId: string, locationId: string, inventoryItemId: string | null | undefined, qty: number) => {
      const line = lines.find((l) => l.id === lineId)
      if (!line || !locationId) return
      const unit = unitItemOf(line)
      if (inventoryItemId !== unit.inventory_item_id) return
      const byLocation = served.get(lineId) ?? new Map<string, number>()
      byLocation.set(locationId, (byLocation.get(locationId) ?? 0) + Number(qty) / unit.required_quantity)
      served.set(lineId, byLocation)
    }
    for (const r of reservations) add(r.line_item_id as string, r.location_id, r.inventory_item_id, Number(r.quantity))
    for (const f of (order.fulfillments ?? []) as any[]) {
      if (!f || f.canceled_at) continue
      for (const item of f.items ?? []) add(item.line_item_id, f.location_id, item.inventory_item_id, Number(item.quantity))
    }

    const businessDate = await timeZonesOf(container, [...served.values()].flatMap((m) => [...m.keys()]))
    const events: OrderSaleEvent[] = []
    for (const line of lines) {
      for (const [locationId, units] of served.get(line.id) ?? []) {
        const quantity = Math.round(units)
        if (quantity <= 0) continue
        events.push({
          order_id: order.id,
          line_item_id: line.id,
          variant_id: line.variant_id!,
          location_id: locationId,
          kind: "sold",
          quantity,
          business_date: businessDate(locationId, order.created_at as Date),
          ...(line.adjustments?.some((a) => !!a?.promotion_id) ? { promotion: true } : {}),
        })
      }
    }
    return new StepResponse(events)
  }
)

/** The inventory item a line's units are counted on: the variant's first, by id, for determinism. */
function unitItemOf(line: Line) {
  const items = [...line.variant!.inventory_items!].sort((a, b) => a.inventory_item_id.localeCompare(b.inventory_item_id))
  const first = items[0]!
  return { inventory_item_id: first.inventory_item_id, required_quantity: Number(first.required_quantity ?? 1) || 1 }
}
