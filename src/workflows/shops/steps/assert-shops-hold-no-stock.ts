import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SHOPS_MODULE } from "../../../modules/shops"
import type ShopsModuleService from "../../../modules/shops/service"

/** Closing or deleting a shop would strand its stock: refuse and say how much is left. */
export const assertShopsHoldNoStockStep = createStep(
  "assert-shops-hold-no-stock",
  async (input: { shop_ids: string[]; action: "close" | "delete" }, { container }) => {
    const shops = await container
      .resolve<ShopsModuleService>(SHOPS_MODULE)
      .listShops({ id: input.shop_ids }, { select: ["id", "code", "stock_location_id"] })
    const inventory = container.resolve(Modules.INVENTORY)
    for (const shop of shops) {
      const levels = await inventory.listInventoryLevels(
        { location_id: shop.stock_location_id },
        { select: ["stocked_quantity"] }
      )
      const units = levels.reduce((sum, l) => sum + Number(l.stocked_quantity), 0)
      if (units > 0) {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          `Cannot ${input.action} shop ${shop.code}: it still holds ${units} units. Transfer or adjust them first.`,
          "shop_holds_stock"
        )
      }
    }
    return new StepResponse(undefined)
  }
)
