import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requestTransferWorkflow } from "../../../../../workflows/transfers/transfer-action"
import { actorId } from "../../../replenishment/place-filter"
import { transferDetail } from "../../transfer-detail"

/** POST /admin/transfers/:id/request (Idempotency-Key accepted): answers with the whole document. */
export const POST = async (req: MedusaRequest<Record<string, any>>, res: MedusaResponse) => {
  await requestTransferWorkflow(req.scope).run({ input: { ...(req.validatedBody ?? {}), id: req.params.id, actor: actorId(req) } })
  res.json({ transfer: await transferDetail(req.scope, req.params.id) })
}
