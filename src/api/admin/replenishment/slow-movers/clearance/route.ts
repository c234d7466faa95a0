import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createClearancePromotionWorkflow, type CreateClearanceInput } from "../../../../../workflows/replenishment/clearance/create-clearance-promotion"
import { actorId } from "../../place-filter"

/** POST /admin/replenishment/slow-movers/clearance: a draft clearance promotion, answered 201. */
export const POST = async (req: MedusaRequest<Omit<CreateClearanceInput, "actor">>, res: MedusaResponse) => {
  const { result } = await createClearancePromotionWorkflow(req.scope).run({ input: { ...req.validatedBody, actor: actorId(req) } })
  const p: any = result.promotion
  res.status(201).json({
    promotion: { id: p.id, code: p.code, status: p.status, is_automatic: p.is_automatic },
    channel_ids: result.channel_ids,
    excluded_channel_ids: result.excluded_channel_ids,
  })
}
