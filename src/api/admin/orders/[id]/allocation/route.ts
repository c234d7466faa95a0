import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { SHOPS_MODULE } from "../../../../../modules/shops"
import { TRANSFERS_MODULE } from "../../../../../modules/transfers"
import type TransfersModuleService from "../../../../../modules/transfers/service"

/**
 * Why the order is served from where it is: the allocation record written at checkout, each
 * line with its location (and the shop there) and reasons. 404 for an order placed without
 * Mendian's allocation (the POS, a draft order, Medusa's own flow).
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
  const locationIds = [...new Set([...lines.map((l: any) => l.location_id), ...(record.pickup_location_id ? [record.pickup_location_id] : [])])]
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
      lines: lines.map((l: any) => ({
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
      })),
    },
  })
}
