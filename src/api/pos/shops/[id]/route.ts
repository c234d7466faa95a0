import type { MedusaResponse } from "@medusajs/framework/http"
import { SHOPS_MODULE } from "../../../../modules/shops"
import type ShopsModuleService from "../../../../modules/shops/service"
import { assertOwnShop, PosRequest } from "../../../utils/pos-auth"

/** The till's own shop (code, hours, location), e.g. for its receipt header. */
export const GET = async (req: PosRequest, res: MedusaResponse) => {
  if (!assertOwnShop(req, req.params.id, res)) return
  const shop = await req.scope
    .resolve<ShopsModuleService>(SHOPS_MODULE)
    .retrieveShop(req.params.id, {
      select: ["id", "code", "name", "kind", "status", "address", "city", "phone", "timezone", "opening_hours", "stock_location_id"],
    })
  res.json({ shop })
}
