import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { reason, type AllocationPart, type AllocationReason } from "../../lib/allocation"
import { inTransit } from "../../lib/transfer-state"
import { SHOPS_MODULE } from "../../modules/shops"
import { TRANSFERS_MODULE } from "../../modules/transfers"
import type TransfersModuleService from "../../modules/transfers/service"
import { quantitiesOf } from "../../modules/transfers/service"
import { cancelTransferWorkflow } from "../transfers/transfer-action"
import { resolveAllocationStrategy } from "./steps/allocate-inventory"

const UNSHIPPED = ["draft", "requested", "approved"]
const SHIPPED = ["in_transit", "partially_received"]

/** Shop codes (else location names) of stock locations, for the reasons. */
async function labels(container: MedusaContainer, ids: string[]): Promise<(id: string) => string> {
  const unique = [...new Set(ids)]
  const out = new Map<string, string>()
  if (unique.length) {
    const shops = await (container.resolve(SHOPS_MODULE) as any).listShops({ stock_location_id: unique }, { select: ["code", "stock_location_id"] })
    for (const s of shops as any[]) out.set(s.stock_location_id, s.code)
    const rest = unique.filter((id) => !out.has(id))
    if (rest.length) {
      for (const l of await container.resolve(Modules.STOCK_LOCATION).listStockLocations({ id: rest }, { select: ["id", "name"] })) out.set(l.id, l.name)
    }
  }
  return (id) => out.get(id) ?? id
}

export type ReleaseOrderAllocationResult = {
  released: boolean
  cancelled_transfers: string[]
  left_in_transit: string[]
}

type Undo = { record: { id: string; released_at: Date | null; reasons: unknown } | null; detached: { id: string; order_line_item_id: string }[] }

/**
 * An order was cancelled (Medusa's cancelOrderWorkflow has already deleted its reservations,
 * by line item): its allocation lets go of everything.
 *
 * - Each allocation transfer not yet shipped is cancelled through cancelTransferWorkflow (state
 *   change, movement log, `transfer.cancelled`); its hold on the order's reservation ends.
 * - One already shipped is left to arrive (refusing it would strand the units); its lines stop
 *   naming the order line, so the receipt stocks the units at the pickup shop for sale instead
 *   of reserving them for a cancelled order. The record says so.
 * - The record gets `released_at` and a reason listing what the strategy's `release()` gives
 *   back per location.
 *
 * Safe to run again (a replayed order.canceled): cancelled transfers and detached lines are
 * skipped, a released record is left as it is.
 */
export const releaseOrderAllocationStep = createStep(
  "release-order-allocation",
  async ({ order_id, reason: why }: { order_id: string; reason?: string | null }, { container }) => {
    const service = container.resolve<TransfersModuleService>(TRANSFERS_MODULE)
    const [record]: any[] = await service.listOrderAllocations({ order_id } as any, { relations: ["lines"], take: 1 })
    const transfers: any[] = await service.listTransfers({ order_id, origin: "allocation" } as any, { relations: ["lines"] })
    const out: ReleaseOrderAllocationResult = { released: false, cancelled_transfers: [], left_in_transit: [] }
    const undo: Undo = { record: null, detached: [] }
    if (!record && !transfers.length) return new StepResponse(out, undo)

    const label = await labels(container, [
      ...(record?.lines ?? []).map((l: any) => l.location_id),
      ...transfers.flatMap((t) => [t.source_location_id, ...t.lines.map((l: any) => l.destination_location_id)]),
    ])
    const reasons: AllocationReason[] = []
    for (const t of transfers) {
      if (UNSHIPPED.includes(t.status)) {
        await cancelTransferWorkflow(container).run({ input: { id: t.id, actor: null, reason: why ?? "the order was cancelled" } })
        out.cancelled_transfers.push(t.number)
        reasons.push(reason("transfer_cancelled", { transfer: t.number }))
      } else if (SHIPPED.includes(t.status)) {
        const attached = t.lines.filter((l: any) => l.order_line_item_id)
        if (!attached.length) continue
        await service.updateTransferLines(attached.map((l: any) => ({ id: l.id, order_line_item_id: null })) as any)
        undo.detached.push(...attached.map((l: any) => ({ id: l.id, order_line_item_id: l.order_line_item_id })))
        out.left_in_transit.push(t.number)
        const units = attached.reduce((a: number, l: any) => a + inTransit(quantitiesOf(l)), 0)
        const to = [...new Set(attached.map((l: any) => label(l.destination_location_id)))].join(", ")
        reasons.push(reason("transfer_left_in_transit", { transfer: t.number, units, to }))
      }
    }

    if (record && !record.released_at) {
      // The strategy decides which allocated units a cancellation gives back (all of them here).
      const { strategy } = resolveAllocationStrategy(container)
      const byCartLine = new Map<string, any[]>()
      for (const l of record.lines ?? []) byCartLine.set(l.cart_line_item_id ?? l.order_line_item_id, [...(byCartLine.get(l.cart_line_item_id ?? l.order_line_item_id) ?? []), l])
      const given = new Map<string, number>()
      for (const lines of byCartLine.values()) {
        const parts: AllocationPart[] = [...lines]
          .sort((a, b) => a.part - b.part)
          .map((l) => ({ location_id: l.location_id, quantity: Number(l.quantity), backorder_quantity: Number(l.backorder_quantity), below_safety: Number(l.below_safety) }))
        const quantity = parts.reduce((a, p) => a + p.quantity, 0)
        for (const r of strategy.release({ parts, quantity })) given.set(r.location_id, (given.get(r.location_id) ?? 0) + r.quantity)
      }
      const summary = [...given].map(([id, q]) => `${q} at ${label(id)}`).join(", ") || "nothing"
      reasons.unshift(reason("released", { parts: summary }))
      undo.record = { id: record.id, released_at: null, reasons: record.reasons ?? null }
      await service.updateOrderAllocations({ id: record.id, released_at: new Date(), reasons: [...(record.reasons ?? []), ...reasons] } as any)
      out.released = true
    }
    return new StepResponse(out, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const service = container.resolve<TransfersModuleService>(TRANSFERS_MODULE)
    if (undo.detached.length) await service.updateTransferLines(undo.detached as any)
    if (undo.record) await service.updateOrderAllocations(undo.record as any)
  }
)

/** Lets go of a cancelled order's allocation: see releaseOrderAllocationStep. */
export const releaseOrderAllocationWorkflow = createWorkflow("release-order-allocation", (input: { order_id: string; reason?: string | null }) => {
  return new WorkflowResponse(releaseOrderAllocationStep(input))
})
