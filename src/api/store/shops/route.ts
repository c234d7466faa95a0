import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { findNearbyShops } from "../../../workflows/shops/queries/find-nearby-shops"
import type { StoreListShopsType } from "./validators"

export const GET = async (req: MedusaStoreRequest, res: MedusaResponse) => {
  const q = (req as any).validatedQuery as StoreListShopsType
  const { shops, count } = await findNearbyShops(req.scope, {
    ...q,
    variant_ids: q.variant_id,
    sales_channel_ids: req.publishable_key_context.sales_channel_ids,
  })
  res.json({ shops, count, offset: q.offset, limit: q.limit })
}
