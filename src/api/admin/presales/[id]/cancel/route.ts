import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelPresaleCampaign } from "../../../../../workflows/presale"
import type { AdminCancelPresaleType } from "../../validators"

/**
 * POST /admin/presales/:id/cancel: the campaign is canceled (a draft, or one already selling):
 * it stops taking reservations at once, every open reservation is canceled and refunded in full,
 * converted ones stay orders. Idempotent and resumable: a call on a canceled campaign carries on
 * what is left and answers the same counts (`complete` once nothing is left).
 */
export const POST = async (req: MedusaRequest<AdminCancelPresaleType>, res: MedusaResponse) => {
  const body = req.validatedBody ?? {}
  const cancellation = await cancelPresaleCampaign(req.scope, {
    id: req.params.id,
    reason: body.reason ?? null,
    limit: body.limit,
    canceled_by: (req as any).auth_context?.actor_id ?? null,
  })
  res.json({ cancellation })
}
