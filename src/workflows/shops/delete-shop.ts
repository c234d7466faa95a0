import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteStockLocationsWorkflow } from "@medusajs/medusa/core-flows"
import { SHOPS_MODULE } from "../../modules/shops"
import type ShopsModuleService from "../../modules/shops/service"
import { assertShopsHoldNoStockStep } from "./steps/assert-shops-hold-no-stock"

const softDeleteShopStep = createStep(
  "soft-delete-shop",
  async (id: string, { container }) => {
    const service = container.resolve<ShopsModuleService>(SHOPS_MODULE)
    const shop = await service.retrieveShop(id, { select: ["id", "stock_location_id"] })
    await service.softDeleteShops([id])
    return new StepResponse(shop, id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<ShopsModuleService>(SHOPS_MODULE).restoreShops([id])
  }
)

/** Deletes an empty shop and its stock location; a shop with stock is refused (409). */
export const deleteShopWorkflow = createWorkflow("delete-shop", (input: { id: string }) => {
  assertShopsHoldNoStockStep({ shop_ids: transform(input, (i) => [i.id]), action: "delete" })
  const shop = softDeleteShopStep(input.id)
  deleteStockLocationsWorkflow.runAsStep({
    input: transform({ shop }, ({ shop }) => ({ ids: [shop.stock_location_id] })),
  })
  return new WorkflowResponse(shop)
})
