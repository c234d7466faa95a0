import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { revokePosTokenWorkflow } from "../../../../../../workflows/shops/pos-tokens"

export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  await revokePosTokenWorkflow(req.scope).run({
    input: { shop_id: req.params.id, token_id: req.params.token_id },
  })
  res.json({ id: req.params.token_id, object: "pos_token", revoked: true })
}
