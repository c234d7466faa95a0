import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REPLENISHMENT_MODULE } from "../../../../modules/replenishment"
import type ReplenishmentModuleService from "../../../../modules/replenishment/service"
import { withVariants } from "../../../../workflows/replenishment/queries/variant-summaries"
import { placeLocations, type PlaceQuery } from "../place-filter"

type Query = PlaceQuery & { variant_id?: string; status: string; limit: number; offset: number }

/** GET /admin/replenishment/proposals: open ones by default, filterable by place, variant and status. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const q = (req as any).validatedQuery as Query
  const filters: Record<string, unknown> = { status: q.status }
  const locations = await placeLocations(req.scope, q)
  if (locations) filters.location_id = locations
  if (q.variant_id) filters.variant_id = q.variant_id
  const service = req.scope.resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE)
  const [rows, count] = await service.listAndCountReplenishmentProposals(filters, {
    skip: q.offset,
    take: q.limit,
    order: { location_id: "ASC", quantity: "DESC", id: "ASC" },
  })
  res.json({ proposals: await withVariants(req.scope, rows), count, offset: q.offset, limit: q.limit })
}
