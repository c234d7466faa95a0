import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { seriesView } from "../../../../workflows/replenishment/queries/series-view"

/** GET /admin/replenishment/series?variant_id&location_id&days: demand history and forecast for a chart. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const q = (req as any).validatedQuery as { variant_id: string; location_id: string; days: number }
  res.json(await seriesView(req.scope, q.variant_id, q.location_id, q.days))
}
