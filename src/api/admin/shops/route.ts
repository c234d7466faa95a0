import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SHOPS_MODULE } from "../../../modules/shops"
import type ShopsModuleService from "../../../modules/shops/service"
import { createShopsWorkflow } from "../../../workflows/shops/create-shops"
import type { AdminCreateShopType, AdminListShopsType } from "./validators"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const q = (req as any).validatedQuery as AdminListShopsType
  const service = req.scope.resolve<ShopsModuleService>(SHOPS_MODULE)
  const filters: Record<string, unknown> = {}
  if (q.territory_id) filters.territory_id = await service.listTerritorySubtreeIds(q.territory_id)
  if (q.stock_location_id) filters.stock_location_id = q.stock_location_id
  if (q.city) filters.city = q.city
  if (q.kind) filters.kind = q.kind
  if (q.status) filters.status = q.status
  if (q.q) {
    const like = `%${q.q}%`
    filters.$or = [{ code: { $ilike: like } }, { name: { $ilike: like } }, { city: { $ilike: like } }]
  }
  const desc = q.order.startsWith("-")
  const [shops, count] = await service.listAndCountShops(filters, {
    skip: q.offset,
    take: q.limit,
    order: { [q.order.replace("-", "")]: desc ? "DESC" : "ASC" },
    relations: ["territory"],
  })
  res.json({ shops, count, offset: q.offset, limit: q.limit })
}

export const POST = async (req: MedusaRequest<AdminCreateShopType>, res: MedusaResponse) => {
  const { additional_data, ...shop } = req.validatedBody
  const { result } = await createShopsWorkflow(req.scope).run({
    input: { shops: [shop as any], additional_data },
  })
  res.status(201).json({ shop: result[0] })
}
