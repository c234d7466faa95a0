import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SHOPS_MODULE } from "../../../../../modules/shops"
import type ShopsModuleService from "../../../../../modules/shops/service"
import { issuePosTokenWorkflow } from "../../../../../workflows/shops/pos-tokens"

const PUBLIC_FIELDS = ["id", "label", "token_hint", "created_by", "last_used_at", "revoked_at", "created_at"] as const

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<ShopsModuleService>(SHOPS_MODULE)
  await service.retrieveShop(req.params.id, { select: ["id"] })
  const tokens = await service.listPosTokens(
    { shop_id: req.params.id },
    { select: [...PUBLIC_FIELDS], order: { created_at: "DESC" } }
  )
  res.json({ pos_tokens: tokens })
}

export const POST = async (req: AuthenticatedMedusaRequest<{ label: string }>, res: MedusaResponse) => {
  const { result } = await issuePosTokenWorkflow(req.scope).run({
    input: { shop_id: req.params.id, label: req.validatedBody.label, created_by: req.auth_context.actor_id },
  })
  const { token_hash, ...token } = result as any
  // The only time the raw token leaves the server.
  res.status(201).json({ pos_token: token })
}
