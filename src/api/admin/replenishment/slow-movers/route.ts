import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { findSlowMovers } from "../../../../workflows/replenishment/queries/slow-movers"
import { withVariants } from "../../../../workflows/replenishment/queries/variant-summaries"
import { placeLocations, type PlaceQuery } from "../place-filter"

type Query = PlaceQuery & { weeks: number; min_weeks_of_cover: number; max_sell_through: number; limit: number; offset: number }

/**
 * GET /admin/replenishment/slow-movers: stock that won't sell soon, for one shop, location or
 * territory (computed from stock and demand history on request, so a place is required).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const q = (req as any).validatedQuery as Query
  const locations = await placeLocations(req.scope, q)
  if (!locations) throw new MedusaError(MedusaError.Types.INVALID_DATA, "shop_id: give shop_id, location_id or territory_id")
  const all = await findSlowMovers(req.scope, locations, { weeks: q.weeks, minWeeksOfCover: q.min_weeks_of_cover, maxSellThrough: q.max_sell_through })
  const page = await withVariants(req.scope, all.slice(q.offset, q.offset + q.limit))
  res.json({ slow_movers: page, count: all.length, offset: q.offset, limit: q.limit })
}
