import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { transferDetail } from "../transfer-detail"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({ transfer: await transferDetail(req.scope, req.params.id) })
}
