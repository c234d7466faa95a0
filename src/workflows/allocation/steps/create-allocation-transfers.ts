import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { planPickupTransfers, reason, type AllocationLine, type AllocationReason, type AllocationResult } from "../../../lib/allocation"
import { TRANSFERS_MODULE } from "../../../modules/transfers"
import type TransfersModuleService from "../../../modules/transfers/service"
import { channelNetwork } from "../utils/network-cache"
import { tagOf } from "../utils/order-input"
import type { AllocatedReservation } from "./allocate-inventory"

export type AllocationTransfer = { id: string; number: string; status: string; source_location_id: string }

type Input = {
  order: any
  allocation: AllocationResult | null
  lines: AllocationLine[]
  reservations: AllocatedReservation[]
  pickup_location_id: string | null
  record_id: string | null
}

type Undo = { transfer_ids: string[]; line_ids: string[]; movement_ids: string[] } | null

/**
 * The customer collects at a pickup shop that could not cover everything: each part the
 * allocation reserved at another location S travels S → pickup shop on a transfer created here,
 * **approved**, holding the order's own reservation at S (no second reservation: the transfer
 * line's reservation_id is the order line's reservation, logged as the approval's reserve
 * movement). Shipping releases it and the units go in transit; receiving stocks them at the
 * pickup shop and reserves them there for the order line (plans.ts, `order_reserve`).
 * Cancelling the transfer before it ships hands the reservation back to the order.
 *
 * Written in the same workflow run as the order (undone with it, so a failed payment leaves no
 * transfer); a second run for the same order finds its transfers and creates none. The
 * allocation record's lines at S get the transfer and a reason, "ships KM-S → KM-P by TR-…".
 */
export const createAllocationTransfersStepId = "create-allocation-transfers"
export const createAllocationTransfersStep = createStep(
  createAllocationTransfersStepId,
  async (input: Input, { container }) => {
    const none = new StepResponse([] as AllocationTransfer[], null as Undo)
    const pickup = input.pickup_location_id
    if (!input.allocation || !pickup || !input.record_id) return none
    const lineById = new Map(input.lines.map((l) => [l.id, l]))
    const partOf = new Map(input.allocation.lines.flatMap((l) => l.parts.map((p) => [`${l.line_id}|${p.location_id}`, p] as const)))
    const parts = (input.order.items ?? []).flatMap((item: any) => {
      const tag = tagOf(item)
      if (!tag || tag.location_id === pickup) return []
      const line = lineById.get(tag.cart_line_item_id)
      const required = new Map((line?.inventory ?? []).map((i) => [i.inventory_item_id, i.required_quantity]))
      return [
        {
          order_line_item_id: item.id,
          variant_id: item.variant_id,
          location_id: tag.location_id,
          quantity: Number(item.quantity),
          backorder_quantity: partOf.get(`${tag.cart_line_item_id}|${tag.location_id}`)?.backorder_quantity ?? 0,
          reservations: input.reservations
            .filter((r) => r.cart_line_item_id === tag.cart_line_item_id && r.location_id === tag.location_id)
            .map((r) => ({ id: r.id, inventory_item_id: r.inventory_item_id, required_quantity: required.get(r.inventory_item_id) ?? 1 })),
        },
      ]
    })
    const plan = planPickupTransfers(pickup, parts)
    if (!plan.transfers.length && !plan.skipped.length) return none

    const service = container.resolve<TransfersModuleService>(TRANSFERS_MODULE)
    const existing = await service.listTransfers({ order_id: input.order.id, origin: "allocation" } as any, { select: ["id", "number", "status", "source_location_id"] })
    if (existing.length) return new StepResponse(existing as unknown as AllocationTransfer[], null as Undo)

    const network = await channelNetwork(container, input.order.sales_channel_id ?? null)
    const label = (id: string) => network.get(id)?.label ?? id
    const orderName = input.order.display_id ? `#${input.order.display_id}` : input.order.id
    const numbers = plan.transfers.length ? await service.nextTransferNumbers(plan.transfers.length) : []
    const now = new Date()
    const undo = { transfer_ids: [] as string[], line_ids: [] as string[], movement_ids: [] as string[] }
    const created: AllocationTransfer[] = []
    const reasonsOf = new Map<string, { reason: AllocationReason; transfer_id: string | null }>()
    try {
      for (const [i, t] of plan.transfers.entries()) {
        const number = numbers[i]
        const transfer: any = await service.createTransfers({
          number,
          origin: "allocation",
          status: "approved",
          requested_at: now,
          approved_at: now,
          source_location_id: t.source_location_id,
          reason: `allocation: order ${orderName} is collected at ${label(pickup)}`,
          order_id: input.order.id,
          metadata: { allocation_id: input.record_id },
        } as any)
        undo.transfer_ids.push(transfer.id)
        const lines: any[] = (await service.createTransferLines(
          t.lines.map((l) => ({
            transfer_id: transfer.id,
            destination_location_id: t.destination_location_id,
            variant_id: l.variant_id,
            inventory_item_id: l.inventory_item_id,
            units_per_item: l.units_per_item,
            status: "approved",
            quantity_requested: l.quantity,
            quantity_approved: l.quantity,
            reservation_id: l.reservation_id,
            order_line_item_id: l.order_line_item_id,
          })) as any
        )) as any
        undo.line_ids.push(...lines.map((l) => l.id))
        // The approval's reserve movement is the order's reservation made at checkout, moments ago.
        const movements: any = await service.createTransferMovements(
          t.lines.map((l, j) => ({
            transfer_id: transfer.id,
            line_id: lines[j].id,
            kind: "reserve",
            action: "approve",
            location_id: t.source_location_id,
            inventory_item_id: l.inventory_item_id,
            quantity: l.quantity * l.units_per_item,
            delta_reserved: l.quantity * l.units_per_item,
            actor: null,
            reason: `order ${orderName}'s reservation at checkout, held by this transfer`,
          })) as any
        )
        undo.movement_ids.push(...(movements as any[]).map((m) => m.id))
        created.push({ id: transfer.id, number, status: "approved", source_location_id: t.source_location_id })
        for (const l of t.lines) {
          reasonsOf.set(l.order_line_item_id, {
            reason: reason("transfer_to_pickup", { from: label(t.source_location_id), to: label(pickup), transfer: number, quantity: l.quantity }),
            transfer_id: transfer.id,
          })
        }
      }
    } catch (e) {
      await removeTransfers(service, undo)
      throw e
    }
    for (const s of plan.skipped) {
      reasonsOf.set(s.order_line_item_id, { reason: reason("transfer_not_possible", { location: label(s.location_id), why: s.why }), transfer_id: null })
    }
    const recordLines: any[] = await service.listOrderAllocationLines(
      { allocation_id: input.record_id, order_line_item_id: [...reasonsOf.keys()] } as any,
      { select: ["id", "order_line_item_id", "reasons"] }
    )
    const updates = recordLines.map((l) => {
      const r = reasonsOf.get(l.order_line_item_id)!
      return { id: l.id, transfer_id: r.transfer_id, reasons: [...(l.reasons ?? []), r.reason] }
    })
    if (updates.length) await service.updateOrderAllocationLines(updates as any)
    return new StepResponse(created, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    await removeTransfers(container.resolve<TransfersModuleService>(TRANSFERS_MODULE), undo)
  }
)

async function removeTransfers(service: TransfersModuleService, undo: NonNullable<Undo>) {
  if (undo.movement_ids.length) await service.deleteTransferMovements(undo.movement_ids)
  if (undo.line_ids.length) await service.deleteTransferLines(undo.line_ids)
  if (undo.transfer_ids.length) await service.deleteTransfers(undo.transfer_ids)
}
