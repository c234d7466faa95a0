import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SHOPS_MODULE } from "../../../modules/shops"
import type ShopsModuleService from "../../../modules/shops/service"

export type ShopRecordInput = Record<string, unknown> & { code: string; stock_location_id: string }

export const createShopRecordsStep = createStep(
  "create-shop-records",
  async (shops: ShopRecordInput[], { container }) => {
    const service = container.resolve<ShopsModuleService>(SHOPS_MODULE)
    const created = (await service.createShops(shops as any)) as unknown as Array<{ id: string; code: string; stock_location_id: string }>
    return new StepResponse(created, created.map((s) => s.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    await container.resolve<ShopsModuleService>(SHOPS_MODULE).deleteShops(ids)
  }
)
