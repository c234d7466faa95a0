import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { applyTransferPlanWorkflow } from "../../../../../workflows/transfers/planning/apply-transfer-plan"
import { actorId } from "../../../replenishment/place-filter"

/** POST /admin/transfer-plans/:id/apply (Idempotency-Key accepted): the plan's transfers, requested. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const { result } = await applyTransferPlanWorkflow(req.scope).run({ input: { id: req.params.id, actor: actorId(req) } })
  res.json(result)
}
