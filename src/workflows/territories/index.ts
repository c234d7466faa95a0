import { MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { SHOPS_MODULE } from "../../modules/shops"
import type ShopsModuleService from "../../modules/shops/service"
import { setTerritoryManagersStep } from "./steps/set-territory-managers"
import { TerritoryInput, validateTerritoryStep } from "./steps/validate-territory"
import { createTerritoryStep, updateTerritoryStep } from "./steps/write-territory"

type WithManagers = { manager_ids?: string[]; metadata?: Record<string, unknown> | null }

export const createTerritoryWorkflow = createWorkflow(
  "create-territory",
  (input: TerritoryInput & WithManagers) => {
    validateTerritoryStep(input)
    const territory = createTerritoryStep(transform(input, ({ manager_ids, ...t }) => t))
    when("territory-managers-given", { input }, ({ input }) => !!input.manager_ids).then(() => {
      setTerritoryManagersStep(
        transform({ input, territory }, (d) => ({ territory_id: d.territory.id, user_ids: d.input.manager_ids! }))
      )
    })
    return new WorkflowResponse(territory)
  }
)

/** Rename, move under another parent (never under itself or a descendant), set managers. */
export const updateTerritoryWorkflow = createWorkflow(
  "update-territory",
  (input: TerritoryInput & WithManagers & { id: string }) => {
    validateTerritoryStep(input)
    const territory = updateTerritoryStep(transform(input, ({ manager_ids, ...t }) => t))
    when("territory-managers-changed", { input }, ({ input }) => !!input.manager_ids).then(() => {
      setTerritoryManagersStep(
        transform({ input }, (d) => ({ territory_id: d.input.id, user_ids: d.input.manager_ids! }))
      )
    })
    return new WorkflowResponse(territory)
  }
)

const deleteEmptyTerritoryStep = createStep(
  "delete-empty-territory",
  async (id: string, { container }) => {
    const service = container.resolve<ShopsModuleService>(SHOPS_MODULE)
    const territory = await service.retrieveTerritory(id, { select: ["id", "code", "name"] })
    const [[, children], [, shops]] = await Promise.all([
      service.listAndCountTerritories({ parent_id: id }, { select: ["id"], take: 1 }),
      service.listAndCountShops({ territory_id: id }, { select: ["id"], take: 1 }),
    ])
    if (children || shops) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Territory ${territory.code} (${territory.name}) still has ${children} sub-territories and ${shops} shops; move them first.`,
        "territory_not_empty"
      )
    }
    await service.softDeleteTerritories([id])
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<ShopsModuleService>(SHOPS_MODULE).restoreTerritories([id])
  }
)

export const deleteTerritoryWorkflow = createWorkflow("delete-territory", (input: { id: string }) => {
  return new WorkflowResponse(deleteEmptyTerritoryStep(input.id))
})
