import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SHOPS_MODULE } from "../../modules/shops"
import type ShopsModuleService from "../../modules/shops/service"

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
      const record = token
        ? await req.scope.resolve<ShopsModuleService>(SHOPS_MODULE).findActivePosToken(token)
        : null
      if (!record) {
        return res.status(401).json({ type: "unauthorized", message: "A valid POS token is required" })
      }
      ;(req as PosRequest).pos = { shop_id: record.shop_id, token_id: record.id }
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
