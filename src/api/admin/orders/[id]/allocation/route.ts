import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { SHOPS_MODULE } from "../../../../../modules/shops"
import { TRANSFERS_MODULE } from "../../../../../modules/transfers"
import type TransfersModuleService from "../../../../../modules/transfers/service"

/** Transfer statuses in which an allocation transfer's units are still on their way to the pickup shop. */
const ON_THE_WAY = ["draft", "requested", "approved", "in_transit", "partially_received"]

/**
 * Where an order line can be fulfilled from now: its allocated location; the pickup shop once its
 * allocation transfer's line has arrived (the receipt reserved it there for the order line); none
 * while the transfer is still on its way (approved: the reservation at the source is the
 * transfer's; shipped: reserved nowhere) or once the allocation is released.
 */
function fulfilLocation(line: { location_id: string }, transfer: any, transferLine: any, released: boolean): string | null {
  if (released) return null
  if (!transfer || transfer.status === "cancelled") return line.location_id
  const approved = Number(transferLine?.quantity_approved ?? 0)
  const arrived = Math.min(Number(transferLine?.quantity_received ?? 0), approved)
  if (transferLine && approved > 0 && arrived >= approved) return transferLine.destination_location_id
  if (ON_THE_WAY.includes(transfer.status)) return null
  // received / closed short with the line short: what arrived is reserved at the destination.
  return transferLine?.destination_location_id ?? line.location_id
}

/**
 * Why the order is served from where it is: the allocation record written at checkout, each
 * line with its location (and the shop there) and reasons, the allocation transfer bringing it
 * to the pickup shop (number, status, how many arrived) and where it can be fulfilled from now;
 * `released_at` once the order was cancelled. 404 for an order placed without Mendian's
 * allocation (the POS, a draft order, Medusa's own flow).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<TransfersModuleService>(TRANSFERS_MODULE)
  const [record] = await service.listOrderAllocations({ order_id: req.params.id }, { relations: ["lines"], take: 1 })
  if (!record) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${req.params.id} has no allocation record`)
  }
  const lines = [...((record as any).lines ?? [])].sort(
    (a: any, b: any) => String(a.cart_line_item_id).localeCompare(String(b.cart_line_item_id)) || a.part - b.part
  )
  const transferIds = [...new Set(lines.map((l: any) => l.transfer_id).filter(Boolean))] as string[]
  const transfers: any[] = transferIds.length
    ? await service.listTransfers({ id: transferIds }, { select: ["id", "number", "status", "source_location_id"], relations: ["lines"] })
    : []
  const transferById = new Map(transfers.map((t) => [t.id, t]))
  // The transfer's line for an order line: by the order line while it carries it, else (a shipped
  // transfer detached when the order was cancelled) by variant — one line per variant on these.
  const transferLineOf = (l: any, t: any) =>
    t?.lines.find((x: any) => x.order_line_item_id === l.order_line_item_id) ?? t?.lines.find((x: any) => x.variant_id === l.variant_id) ?? null
  const locationIds = [
    ...new Set([
      ...lines.map((l: any) => l.location_id),
      ...(record.pickup_location_id ? [record.pickup_location_id] : []),
      ...transfers.flatMap((t) => t.lines.map((x: any) => x.destination_location_id)),
    ]),
  ]
  const [locations, shops] = await Promise.all([
    locationIds.length ? req.scope.resolve(Modules.STOCK_LOCATION).listStockLocations({ id: locationIds }, { select: ["id", "name"] }) : [],
    locationIds.length
      ? (req.scope.resolve(SHOPS_MODULE) as any).listShops({ stock_location_id: locationIds }, { select: ["id", "code", "name", "stock_location_id", "city"] })
      : [],
  ])
  const locationById = new Map((locations as any[]).map((l) => [l.id, { id: l.id, name: l.name }]))
  const shopByLocation = new Map(
    (shops as any[]).map((s) => [s.stock_location_id, { id: s.id, code: s.code, name: s.name, city: s.city }])
  )
  const where = (id: string | null) => (id ? { location: locationById.get(id) ?? { id, name: null }, shop: shopByLocation.get(id) ?? null } : null)
  const released = !!(record as any).released_at
  res.json({
    allocation: {
      id: record.id,
      order_id: record.order_id,
      cart_id: record.cart_id,
      strategy: record.strategy,
      customer_point: record.customer_point,
      pickup: where(record.pickup_location_id),
      cost: record.cost,
      reasons: record.reasons ?? [],
      created_at: (record as any).created_at,
      released_at: (record as any).released_at ?? null,
      lines: lines.map((l: any) => {
        const t = l.transfer_id ? transferById.get(l.transfer_id) ?? null : null
        const tl = transferLineOf(l, t)
        const approved = Number(tl?.quantity_approved ?? 0)
        return {
          id: l.id,
          order_line_item_id: l.order_line_item_id,
          cart_line_item_id: l.cart_line_item_id,
          variant_id: l.variant_id,
          location_id: l.location_id,
          ...where(l.location_id),
          quantity: l.quantity,
          backorder_quantity: l.backorder_quantity,
          below_safety: l.below_safety,
          part: l.part,
          parts: l.parts,
          reasons: l.reasons ?? [],
          transfer_id: l.transfer_id ?? null,
          transfer: t
            ? {
                id: t.id,
                number: t.number,
                status: t.status,
                destination_location_id: tl?.destination_location_id ?? null,
                destination: where(tl?.destination_location_id ?? null),
                quantity: approved,
                arrived: Math.min(Number(tl?.quantity_received ?? 0), approved),
              }
            : null,
          fulfil_location_id: fulfilLocation(l, t, tl, released),
        }
      }),
    },
  })
}
