import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AllocationResult, CustomerPoint } from "../../../lib/allocation"
import { TRANSFERS_MODULE } from "../../../modules/transfers"
import type TransfersModuleService from "../../../modules/transfers/service"
import { tagOf } from "../utils/order-input"

/** The allocation record of the order: each order line's location, quantity and reasons. */
export const createAllocationRecordStepId = "create-allocation-record"
export const createAllocationRecordStep = createStep(
  createAllocationRecordStepId,
  async (
    input: { order: any; cart_id: string; allocation: AllocationResult | null; customer: CustomerPoint | null; pickup_location_id: string | null },
    { container }
  ) => {
    if (!input.allocation) return new StepResponse(null, null)
    const service = container.resolve<TransfersModuleService>(TRANSFERS_MODULE)
    const byCartLine = new Map(input.allocation.lines.map((l) => [l.line_id, l]))
    const [record] = await service.createOrderAllocations([
      {
        order_id: input.order.id,
        cart_id: input.cart_id,
        strategy: input.allocation.strategy,
        customer_point: input.customer ? { ...input.customer.point, source: input.customer.source, label: input.customer.label ?? null } : null,
        pickup_location_id: input.pickup_location_id,
        cost: input.allocation.cost,
        reasons: input.allocation.reasons as any,
      },
    ])
    const lines = (input.order.items ?? []).flatMap((item: any) => {
      const tag = tagOf(item)
      if (!tag) return []
      const line = byCartLine.get(tag.cart_line_item_id)
      const part = line?.parts.find((p) => p.location_id === tag.location_id)
      return [
        {
          allocation_id: record.id,
          order_line_item_id: item.id,
          cart_line_item_id: tag.cart_line_item_id,
          variant_id: item.variant_id ?? null,
          location_id: tag.location_id,
          quantity: Number(item.quantity),
          backorder_quantity: part?.backorder_quantity ?? 0,
          below_safety: part?.below_safety ?? 0,
          part: tag.part,
          parts: tag.parts,
          reasons: (line?.reasons ?? []) as any,
        },
      ]
    })
    if (lines.length) await service.createOrderAllocationLines(lines)
    return new StepResponse(record, record.id)
  },
  async (id, { container }) => {
    if (!id) return
    const service = container.resolve<TransfersModuleService>(TRANSFERS_MODULE)
    const lines = await service.listOrderAllocationLines({ allocation_id: id } as any, { select: ["id"] })
    if (lines.length) await service.deleteOrderAllocationLines(lines.map((l: any) => l.id))
    await service.deleteOrderAllocations([id])
  }
)
