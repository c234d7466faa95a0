import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REPLENISHMENT_MODULE } from "../../../modules/replenishment"
import type ReplenishmentModuleService from "../../../modules/replenishment/service"
import type { DemandEventInput } from "../../../modules/replenishment/service"
import { timeZonesOf } from "./business-dates"

/**
 * Units a customer brought back, at the return's location on the business date it was
 * received. Damaged units count too: the customer didn't keep them either. A return without a
 * location counts where the line was sold.
 */
export const collectReturnDemandStep = createStep(
  "replenishment-collect-return-demand",
  async (input: { order_id: string; return_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [ret] } = await query.graph({
      entity: "return",
      fields: ["id", "order_id", "location_id", "received_at", "canceled_at", "items.item_id", "items.received_quantity", "items.damaged_quantity"],
      filters: { id: input.return_id },
    })
    if (!ret || ret.canceled_at) return new StepResponse([] as DemandEventInput[])
    const quantities = new Map<string, number>()
    for (const item of (ret.items ?? []) as any[]) {
      const q = Number(item?.received_quantity ?? 0) + Number(item?.damaged_quantity ?? 0)
      if (q > 0) quantities.set(item.item_id, (quantities.get(item.item_id) ?? 0) + q)
    }
    if (!quantities.size) return new StepResponse([] as DemandEventInput[])

    const { data: [order] } = await query.graph({
      entity: "order",
      fields: ["id", "items.id", "items.variant_id", "items.variant.manage_inventory"],
      filters: { id: ret.order_id ?? input.order_id },
    })
    const lines = new Map<string, any>(((order?.items ?? []) as any[]).filter(Boolean).map((l) => [l.id, l]))
    const soldAt = new Map<string, string>()
    if (!ret.location_id) {
      const sold = await container
        .resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE)
        .listDemandEvents({ line_item_id: [...quantities.keys()], kind: "sold" }, { take: null })
      for (const e of sold) if (!soldAt.has(e.line_item_id)) soldAt.set(e.line_item_id, e.location_id)
    }
    const locationOf = (lineId: string) => (ret.location_id as string | null) ?? soldAt.get(lineId)
    const businessDate = await timeZonesOf(
      container,
      [...quantities.keys()].map(locationOf).filter((l): l is string => !!l)
    )
    const events: DemandEventInput[] = []
    for (const [lineId, quantity] of quantities) {
      const line = lines.get(lineId)
      const locationId = locationOf(lineId)
      if (!line?.variant_id || !line.variant?.manage_inventory || !locationId) continue
      events.push({
        order_id: order!.id,
        line_item_id: lineId,
        variant_id: line.variant_id,
        location_id: locationId,
        kind: "returned",
        reference: ret.id,
        quantity: Math.round(quantity),
        business_date: businessDate(locationId, (ret.received_at ?? new Date()) as Date),
      })
    }
    return new StepResponse(events)
  }
)
