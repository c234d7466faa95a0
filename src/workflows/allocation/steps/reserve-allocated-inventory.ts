import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { setTimeout as sleep } from "node:timers/promises"
import type { AllocationLine, AllocationResult } from "../../../lib/allocation"
import { tagOf } from "../utils/order-input"

export type InventoryLock = { keys: string[]; owner_id: string }

/**
 * Runs `fn` holding the inventory lock as `owner_id`: re-entrant when this workflow still holds
 * it, otherwise waits for it like acquireLockStep does (and gives it back after).
 */
export async function withInventoryLock<T>(container: MedusaContainer, lock: InventoryLock, fn: () => Promise<T>, timeoutS = 30): Promise<T> {
  if (!lock.keys.length) return fn()
  const locking = container.resolve(Modules.LOCKING)
  const until = Date.now() + timeoutS * 1000
  for (;;) {
    try {
      await locking.acquire(lock.keys, { ownerId: lock.owner_id, expire: 120 })
      break
    } catch (e) {
      if (Date.now() >= until) throw e
      await sleep(50)
    }
  }
  try {
    return await fn()
  } finally {
    await locking.release(lock.keys, { ownerId: lock.owner_id })
  }
}

/** The reservations of the allocated order lines: one per inventory item of each line, at its location. */
export function reservationsFor(order: any, lines: AllocationLine[]) {
  const byCartLine = new Map(lines.map((l) => [l.id, l]))
  const out: any[] = []
  for (const item of order.items ?? []) {
    const tag = tagOf(item)
    const line = tag && byCartLine.get(tag.cart_line_item_id)
    if (!tag || !line) continue
    for (const inv of line.inventory) {
      out.push({
        line_item_id: item.id,
        inventory_item_id: inv.inventory_item_id,
        location_id: tag.location_id,
        quantity: Number(item.quantity) * inv.required_quantity,
        allow_backorder: line.allow_backorder,
      })
    }
  }
  return out
}

/**
 * Creates the reservations at the allocated locations. The workflow holds the lock on every
 * inventory item (the keys Medusa's reserveInventoryStep uses), so the stock it allocated
 * from is still there; the compensation deletes them under the same lock.
 */
export const reserveAllocatedInventoryStepId = "reserve-allocated-inventory"
export const reserveAllocatedInventoryStep = createStep(
  reserveAllocatedInventoryStepId,
  async (input: { order: any; allocation: AllocationResult | null; lines: AllocationLine[]; lock: InventoryLock }, { container }) => {
    const items = input.allocation ? reservationsFor(input.order, input.lines) : []
    if (!items.length) return new StepResponse([] as any[], { ids: [] as string[], lock: input.lock })
    const created = await container.resolve(Modules.INVENTORY).createReservationItems(items)
    return new StepResponse(created, { ids: created.map((r: any) => r.id), lock: input.lock })
  },
  async (data, { container }) => {
    if (!data?.ids.length) return
    await withInventoryLock(container, data.lock, () => container.resolve(Modules.INVENTORY).deleteReservationItems(data.ids))
  }
)
