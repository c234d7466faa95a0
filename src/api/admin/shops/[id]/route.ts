import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { deleteShopWorkflow } from "../../../../workflows/shops/delete-shop"
import { shopStockSummary } from "../../../../workflows/shops/queries/shop-stock-summary"
import { updateShopWorkflow } from "../../../../workflows/shops/update-shop"
import type { AdminUpdateShopType } from "../validators"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph(
    {
      entity: "shop",
      fields: [
        "*",
        "territory.*",
        "stock_location.id",
        "stock_location.name",
        "stock_location.address.*",
        "stock_location.sales_channels.id",
        "stock_location.sales_channels.name",
        "stock_location.sales_channels.description",
      ],
      filters: { id: req.params.id },
    },
    { throwIfKeyNotFound: true }
  )
  const shop = data[0]
  const { sales_channels, ...stock_location } = shop.stock_location ?? {}
  const stock = await shopStockSummary(req.scope, shop.stock_location_id)
  res.json({ shop: { ...shop, stock_location, sales_channels: sales_channels ?? [], stock } })
}

export const POST = async (req: MedusaRequest<AdminUpdateShopType>, res: MedusaResponse) => {
  const { result } = await updateShopWorkflow(req.scope).run({
    input: { id: req.params.id, ...(req.validatedBody as any) },
  })
  res.json({ shop: result })
}

export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  await deleteShopWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "shop", deleted: true })
}
