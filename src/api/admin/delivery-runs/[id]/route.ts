import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TRANSFERS_MODULE } from "../../../../modules/transfers"
import type TransfersModuleService from "../../../../modules/transfers/service"

/** One run, as its run sheet prints it. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({ delivery_run: await req.scope.resolve<TransfersModuleService>(TRANSFERS_MODULE).retrieveDeliveryRun(req.params.id) })
}
