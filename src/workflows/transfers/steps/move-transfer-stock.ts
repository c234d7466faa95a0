import type { IInventoryService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRANSFERS_MODULE } from "../../../modules/transfers"
import type TransfersModuleService from "../../../modules/transfers/service"

/**
 * One change to one inventory level, in inventory units. `reserve` creates a reservation of
 * `quantity` at the location for the line (reserved +quantity); `unreserve` deletes the line's
 * reservation (reserved −quantity). Stocked and incoming deltas adjust the level, which is
 * created at a destination that never held the item.
 */
export type StockMove = {
  line_id: string
  kind: "reserve" | "release" | "ship" | "receive" | "over" | "damage" | "reject" | "close_short" | "order_reserve"
  location_id: string
  inventory_item_id: string
  quantity: number
  delta_stocked?: number
  delta_incoming?: number
  reserve?: boolean
  unreserve?: { reservation_id: string }
  /** Reserves for an order line (an allocation transfer's receipt): not the transfer line's reservation. */
  reserve_for?: { line_item_id: string }
  /** Ends the transfer line's hold on its order's reservation without deleting it (reserved −quantity in the log only). */
  handback?: boolean
}

export type MoveTransferStockInput = { transfer_id: string; number: string; action: string; actor: string | null; reason?: string | null; moves: StockMove[] }

type Done = { move: StockMove; reservation_id?: string; reservation?: any; order_reservation_id?: string }

const lockKeys = (moves: StockMove[]) => [...new Set(moves.map((m) => m.inventory_item_id))].sort()

async function ensureLevel(inventory: IInventoryService, itemId: string, locationId: string) {
  const [level] = await inventory.listInventoryLevels({ inventory_item_id: itemId, location_id: locationId })
  if (level) return level
  return inventory.createInventoryLevels({ inventory_item_id: itemId, location_id: locationId, stocked_quantity: 0 })
}

async function addIncoming(inventory: IInventoryService, itemId: string, locationId: string, delta: number) {
  const level: any = await ensureLevel(inventory, itemId, locationId)
  await inventory.updateInventoryLevels([{ inventory_item_id: itemId, location_id: locationId, incoming_quantity: Math.max(0, Number(level.incoming_quantity ?? 0) + delta) }])
}

/** Applies one move; returns what undoing it needs. */
async function apply(inventory: IInventoryService, m: StockMove, number: string): Promise<Done> {
  const done: Done = { move: m }
  if (m.unreserve) {
    const [reservation] = await inventory.listReservationItems({ id: m.unreserve.reservation_id })
    if (reservation) {
      done.reservation = reservation
      await inventory.deleteReservationItems(m.unreserve.reservation_id)
    }
  }
  if (m.reserve) {
    try {
      const [r] = await inventory.createReservationItems([{
        inventory_item_id: m.inventory_item_id,
        location_id: m.location_id,
        quantity: m.quantity,
        description: `Transfer ${number}`,
        external_id: m.line_id,
        metadata: { transfer_line_id: m.line_id },
      } as any])
      done.reservation_id = r.id
    } catch (e: any) {
      if (e?.type === MedusaError.Types.NOT_ALLOWED) {
        // Medusa's message names ids; a merchant needs the SKU and the numbers.
        const [item] = await inventory.listInventoryItems({ id: m.inventory_item_id }, { select: ["sku"] })
        const [level] = await inventory.listInventoryLevels({ inventory_item_id: m.inventory_item_id, location_id: m.location_id })
        const available = level ? Number(level.stocked_quantity) - Number(level.reserved_quantity) : 0
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          `${number}: not enough ${item?.sku ?? m.inventory_item_id} at the source to approve it: ${m.quantity} needed, ${Math.max(0, available)} available`,
          "insufficient_stock"
        )
      }
      throw e
    }
  }
  if (m.reserve_for) {
    // The units are at the destination already (stocked by this receipt): backorder allowed so
    // a level another sale overdrew never blocks the receipt.
    const [r] = await inventory.createReservationItems([{
      inventory_item_id: m.inventory_item_id,
      location_id: m.location_id,
      quantity: m.quantity,
      line_item_id: m.reserve_for.line_item_id,
      allow_backorder: true,
      description: `Transfer ${number}, received for the order`,
      external_id: m.line_id,
      metadata: { transfer_line_id: m.line_id },
    } as any])
    done.order_reservation_id = r.id
  }
  if (m.delta_stocked) {
    await ensureLevel(inventory, m.inventory_item_id, m.location_id)
    await inventory.adjustInventory(m.inventory_item_id, m.location_id, m.delta_stocked)
  }
  if (m.delta_incoming) await addIncoming(inventory, m.inventory_item_id, m.location_id, m.delta_incoming)
  return done
}

async function undo(inventory: IInventoryService, d: Done) {
  const m = d.move
  if (m.delta_incoming) await addIncoming(inventory, m.inventory_item_id, m.location_id, -m.delta_incoming)
  if (m.delta_stocked) await inventory.adjustInventory(m.inventory_item_id, m.location_id, -m.delta_stocked)
  if (d.reservation_id) await inventory.deleteReservationItems(d.reservation_id)
  if (d.order_reservation_id) await inventory.deleteReservationItems(d.order_reservation_id)
  if (d.reservation) {
    const r = d.reservation
    await inventory.createReservationItems({
      ...(r.line_item_id ? { line_item_id: r.line_item_id, allow_backorder: true } : {}),
      inventory_item_id: r.inventory_item_id,
      location_id: r.location_id,
      quantity: Number(r.quantity),
      description: r.description,
      external_id: r.external_id,
      metadata: r.metadata,
    } as any)
  }
}

/**
 * Moves stock for one transfer action under Medusa's locking module, keyed by inventory item
 * as the core checkout's reserveInventoryStep is, so a transfer and a checkout never both
 * take the last units. All moves or none: a failure part-way undoes what this step did before
 * rethrowing. Each move is written to the movement log. Returns the reservations it made, by line.
 */
export const moveTransferStockStep = createStep(
  "move-transfer-stock",
  async (input: MoveTransferStockInput, { container }) => {
    const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
    const locking = container.resolve(Modules.LOCKING)
    const transfers = container.resolve<TransfersModuleService>(TRANSFERS_MODULE)
    const done: Done[] = []
    await locking.execute(lockKeys(input.moves), async () => {
      try {
        for (const m of input.moves) done.push(await apply(inventory, m, input.number))
      } catch (e) {
        for (const d of done.reverse()) await undo(inventory, d)
        throw e
      }
    })
    const movements = await transfers.createTransferMovements(
      input.moves.map((m) => ({
        transfer_id: input.transfer_id,
        line_id: m.line_id,
        kind: m.kind,
        action: input.action,
        location_id: m.location_id,
        inventory_item_id: m.inventory_item_id,
        quantity: m.quantity,
        delta_stocked: m.delta_stocked ?? 0,
        delta_reserved: m.reserve || m.reserve_for ? m.quantity : m.unreserve || m.handback ? -m.quantity : 0,
        delta_incoming: m.delta_incoming ?? 0,
        actor: input.actor,
        reason: input.reason ?? null,
      })) as any
    )
    const reservations: Record<string, string> = {}
    for (const d of done) if (d.reservation_id) reservations[d.move.line_id] = d.reservation_id
    return new StepResponse(reservations, { done, movement_ids: (movements as unknown as { id: string }[]).map((m) => m.id), keys: lockKeys(input.moves) })
  },
  async (undoData, { container }) => {
    if (!undoData) return
    const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
    const locking = container.resolve(Modules.LOCKING)
    await locking.execute(undoData.keys, async () => {
      for (const d of [...undoData.done].reverse()) await undo(inventory, d)
    })
    await container.resolve<TransfersModuleService>(TRANSFERS_MODULE).deleteTransferMovements(undoData.movement_ids)
  }
)
