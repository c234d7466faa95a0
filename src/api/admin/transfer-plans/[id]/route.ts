import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TRANSFERS_MODULE } from "../../../../modules/transfers"
import type TransfersModuleService from "../../../../modules/transfers/service"
import { planView } from "../plan-view"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const plan = await req.scope.resolve<TransfersModuleService>(TRANSFERS_MODULE).retrieveTransferPlan(req.params.id)
  res.json({ transfer_plan: await planView(req.scope, plan) })
}
