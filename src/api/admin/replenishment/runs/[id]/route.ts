import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REPLENISHMENT_MODULE } from "../../../../../modules/replenishment"
import type ReplenishmentModuleService from "../../../../../modules/replenishment/service"

/** A run with its progress (series_done / series_total), cursor, lease and failures. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const run = await req.scope.resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE).retrieveForecastRun(req.params.id)
  res.json({ forecast_run: run })
}
