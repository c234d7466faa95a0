import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { reconcileTransfers, type Drift, type ReconcileLine } from "../../../lib/transfer-state/reconcile"
import { TRANSFERS_MODULE } from "../../../modules/transfers"
import type TransfersModuleService from "../../../modules/transfers/service"
import { quantitiesOf } from "../../../modules/transfers/service"

const PAGE = 2000

/** Reads every transfer line, movement, held reservation and incoming level, and reconciles them. */
export async function reconcileStock(container: MedusaContainer): Promise<{ lines: number; movements: number; levels: number; drift: Drift[] }> {
  const transfers = container.resolve<TransfersModuleService>(TRANSFERS_MODULE)
  const inventory = container.resolve(Modules.INVENTORY)
  const lines: ReconcileLine[] = []
  for (let skip = 0; ; skip += PAGE) {
    const page = await transfers.listTransferLines({}, { relations: ["transfer"], skip, take: PAGE, order: { id: "ASC" } })
    for (const l of page as any[]) {
      lines.push({
        ...quantitiesOf(l),
        id: l.id,
        transfer_number: l.transfer.number,
        transfer_status: l.transfer.status,
        source_location_id: l.transfer.source_location_id,
        destination_location_id: l.destination_location_id,
        inventory_item_id: l.inventory_item_id,
        units_per_item: Number(l.units_per_item) || 1,
        reservation_id: l.reservation_id ?? null,
      })
    }
    if (page.length < PAGE) break
  }
  const movements: any[] = []
  for (let skip = 0; ; skip += PAGE) {
    const page = await transfers.listTransferMovements({}, { skip, take: PAGE, order: { seq: "ASC" } as any })
    movements.push(...page.map((m: any) => ({ ...m, delta_stocked: Number(m.delta_stocked), delta_reserved: Number(m.delta_reserved), delta_incoming: Number(m.delta_incoming) })))
    if (page.length < PAGE) break
  }
  const reservationIds = lines.map((l) => l.reservation_id).filter((x): x is string => !!x)
  const reservations = new Map<string, number>()
  for (let i = 0; i < reservationIds.length; i += PAGE) {
    for (const r of await inventory.listReservationItems({ id: reservationIds.slice(i, i + PAGE) }, { take: null as any })) reservations.set(r.id, Number(r.quantity))
  }
  // Every level with anything incoming, plus every level a transfer points at.
  const incoming = new Map<string, number>()
  const levels = await inventory.listInventoryLevels({ incoming_quantity: { $gt: 0 } } as any, { take: null as any })
  for (const l of levels as any[]) incoming.set(`${l.location_id}|${l.inventory_item_id}`, Number(l.incoming_quantity))
  const drift = reconcileTransfers(lines, movements, reservations, incoming)
  return { lines: lines.length, movements: movements.length, levels: levels.length, drift }
}
