import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SHOPS_MODULE } from "../../../modules/shops"
import type ShopsModuleService from "../../../modules/shops/service"
import type { UpdateShopInput } from "../types"

// Medusa's update deep-merges JSON columns (right for metadata); hours and closures are
// replaced whole, or a day removed from the week would linger.
const REPLACED_JSON = ["opening_hours", "receiving_hours", "closures"] as const

async function writeShop(service: ShopsModuleService, data: Record<string, unknown> & { id: string }) {
  const replaced = REPLACED_JSON.filter((f) => f in data)
  if (replaced.length) {
    await service.updateShops({ id: data.id, ...Object.fromEntries(replaced.map((f) => [f, null])) } as any)
  }
  return service.updateShops(data as any)
}

export const updateShopRecordStep = createStep(
  "update-shop-record",
  async (input: UpdateShopInput, { container }) => {
    const service = container.resolve<ShopsModuleService>(SHOPS_MODULE)
    const { id, ...changes } = input
    const fields = Object.keys(changes)
    const before = await service.retrieveShop(id, { select: ["id", ...fields] as any })
    if (changes.code && changes.code !== (before as any).code) {
      const [taken] = await service.listShops({ code: changes.code }, { select: ["id"] })
      if (taken) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `code: ${changes.code} already exists`)
      }
    }
    if (changes.territory_id) {
      const [territory] = await service.listTerritories({ id: changes.territory_id }, { select: ["id"] })
      if (!territory) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `territory_id: ${changes.territory_id} does not exist`
        )
      }
    }
    const updated = await writeShop(service, { id, ...changes })
    return new StepResponse(updated, before)
  },
  async (before, { container }) => {
    if (!before) return
    await writeShop(container.resolve<ShopsModuleService>(SHOPS_MODULE), before as any)
  }
)
