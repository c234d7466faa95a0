import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SHOPS_MODULE } from "../../../modules/shops"
import type ShopsModuleService from "../../../modules/shops/service"
import type { TerritoryInput } from "./validate-territory"

const FIELDS = ["id", "code", "name", "level", "parent_id", "metadata"] as const

export const createTerritoryStep = createStep(
  "create-territory",
  async (input: TerritoryInput & { metadata?: Record<string, unknown> | null }, { container }) => {
    const service = container.resolve<ShopsModuleService>(SHOPS_MODULE)
    const created = await service.createTerritories(input as any)
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<ShopsModuleService>(SHOPS_MODULE).deleteTerritories([id])
  }
)

export const updateTerritoryStep = createStep(
  "update-territory",
  async (input: TerritoryInput & { id: string; metadata?: Record<string, unknown> | null }, { container }) => {
    const service = container.resolve<ShopsModuleService>(SHOPS_MODULE)
    const before = await service.retrieveTerritory(input.id, { select: [...FIELDS] })
    const updated = await service.updateTerritories(input as any)
    return new StepResponse(updated, before)
  },
  async (before, { container }) => {
    if (before) await container.resolve<ShopsModuleService>(SHOPS_MODULE).updateTerritories(before as any)
  }
)
