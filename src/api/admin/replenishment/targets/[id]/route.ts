import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteServiceTargetWorkflow } from "../../../../../workflows/replenishment/targets/service-targets"

/** DELETE /admin/replenishment/targets/:id → { id, object, deleted }; 404 when unknown. */
export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  await deleteServiceTargetWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "service_target", deleted: true })
}
