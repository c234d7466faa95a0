import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { isOpenAt, nextOpening } from "../../../../lib/opening-hours"

/** One shop as a storefront shows it; shops outside the key's sales channels are not found. */
export const GET = async (req: MedusaStoreRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "shop",
    fields: ["id", "code", "name", "kind", "status", "address", "city", "province", "phone", "latitude", "longitude", "timezone", "opening_hours", "closures", "stock_location_id"],
    filters: { id: req.params.id, status: ["open", "planned"] },
  })
  const shop = data[0]
  const notFound = new MedusaError(MedusaError.Types.NOT_FOUND, `Shop with id: ${req.params.id} was not found`)
  if (!shop) throw notFound
  const { data: links } = await query.graph({
    entity: "sales_channel_location",
    fields: ["stock_location_id"],
    filters: { sales_channel_id: req.publishable_key_context.sales_channel_ids, stock_location_id: shop.stock_location_id },
  })
  if (!links.length) throw notFound
  const now = new Date()
  const hours = (shop.opening_hours ?? {}) as any
  const closures = (shop.closures ?? []) as any
  res.json({
    shop: {
      ...shop,
      open_now: shop.status === "open" && isOpenAt(hours, closures, shop.timezone, now),
      next_opening: shop.status === "open" ? nextOpening(hours, closures, shop.timezone, now) : null,
    },
  })
}
