import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { convertCampaign } from "../../../../../workflows/presale"

/** POST /admin/presales/:id/convert: stock has arrived — paid reservations move to real locations, in their turn. */
export const POST = async (req: MedusaRequest<{ limit?: number }>, res: MedusaResponse) => {
  res.json({ conversion: await convertCampaign(req.scope, req.params.id, req.validatedBody?.limit ?? 500) })
}
