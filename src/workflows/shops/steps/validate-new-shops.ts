import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SHOPS_MODULE } from "../../../modules/shops"
import type ShopsModuleService from "../../../modules/shops/service"
import type { CreateShopInput } from "../types"

/** Checks what only the database knows: codes not taken, territories that exist. */
export const validateNewShopsStep = createStep(
  "validate-new-shops",
  async (shops: CreateShopInput[], { container }) => {
    const service = container.resolve<ShopsModuleService>(SHOPS_MODULE)
    const codes = shops.map((s) => s.code)
    const duplicate = codes.find((c, i) => codes.indexOf(c) !== i)
    if (duplicate) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `code: ${duplicate} is given twice`)
    }
    const taken = await service.listShops({ code: codes }, { select: ["code"] })
    if (taken.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `code: ${taken.map((s) => s.code).join(", ")} already exists`
      )
    }
    const territoryIds = [...new Set(shops.map((s) => s.territory_id).filter(Boolean))] as string[]
    if (territoryIds.length) {
      const found = await service.listTerritories({ id: territoryIds }, { select: ["id"] })
      const missing = territoryIds.filter((id) => !found.some((t) => t.id === id))
      if (missing.length) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `territory_id: ${missing.join(", ")} does not exist`
        )
      }
    }
    const channelIds = [...new Set(shops.flatMap((s) => s.sales_channel_ids ?? []))]
    if (channelIds.length) {
      const found = await container
        .resolve(Modules.SALES_CHANNEL)
        .listSalesChannels({ id: channelIds }, { select: ["id"] })
      const missing = channelIds.filter((id) => !found.some((c) => c.id === id))
      if (missing.length) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `sales_channel_ids: ${missing.join(", ")} does not exist`
        )
      }
    }
    return new StepResponse(undefined)
  }
)
