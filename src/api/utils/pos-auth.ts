import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SHOPS_MODULE } from "../../modules/shops"
import type ShopsModuleService from "../../modules/shops/service"

const LAST_USED_GRANULARITY_MS = 60_000

export type PosContext = { shop_id: string; token_id: string }
export type PosRequest<B = unknown> = MedusaRequest<B> & { pos: PosContext }

/**
 * Tills authenticate with a POS token bound to one shop (Authorization: Bearer pos_…):
 * never a Medusa secret key, which would carry full admin rights.
 */
export function authenticatePos() {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const header = req.get("authorization") ?? ""
    const token = header.startsWith("Bearer ") ? header.slice(7).trim() : ""
    try {
      const service = req.scope.resolve<ShopsModuleService>(SHOPS_MODULE)
      const record = token ? await service.findActivePosToken(token) : null
      if (!record) {
        return res.status(401).json({ type: "unauthorized", message: "A valid POS token is required" })
      }
      ;(req as PosRequest).pos = { shop_id: record.shop_id, token_id: record.id }
      const stale = !record.last_used_at || Date.now() - new Date(record.last_used_at).getTime() > LAST_USED_GRANULARITY_MS
      if (stale) {
        // Not awaited and at most once a minute a token: "last used" is for the merchant's eyes.
        service.updatePosTokens({ id: record.id, last_used_at: new Date() }).catch(() => {})
      }
      next()
    } catch (e) {
      next(e)
    }
  }
}

/** A till reaches only its own shop's resources. */
export const assertOwnShop = (req: PosRequest, shopId: string, res: MedusaResponse) => {
  if (shopId === req.pos.shop_id) return true
  res.status(403).json({ type: "forbidden", message: "This POS token belongs to another shop" })
  return false
}
