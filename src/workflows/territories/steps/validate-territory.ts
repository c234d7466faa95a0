import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SHOPS_MODULE } from "../../../modules/shops"
import type ShopsModuleService from "../../../modules/shops/service"

const DEPTH = { hq: 0, region: 1, district: 2 } as const
type Level = keyof typeof DEPTH

export type TerritoryInput = {
  id?: string
  code?: string
  name?: string
  level?: Level
  parent_id?: string | null
}

/**
 * Keeps the tree a tree: codes unique, parents that exist, no cycles, and each level strictly
 * below its parent's (HQ → region → district).
 */
export const validateTerritoryStep = createStep(
  "validate-territory",
  async (input: TerritoryInput, { container }) => {
    const service = container.resolve<ShopsModuleService>(SHOPS_MODULE)
    const current = input.id
      ? await service.retrieveTerritory(input.id, { select: ["id", "code", "level", "parent_id"] })
      : null
    if (input.code && input.code !== current?.code) {
      const [taken] = await service.listTerritories({ code: input.code }, { select: ["id"] })
      if (taken) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `code: ${input.code} already exists`)
      }
    }
    const level = (input.level ?? current?.level) as Level
    const parentId = input.parent_id !== undefined ? input.parent_id : current?.parent_id ?? null
    if (parentId) {
      const [parent] = await service.listTerritories({ id: parentId }, { select: ["id", "level"] })
      if (!parent) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `parent_id: ${parentId} does not exist`)
      }
      if (input.id) await service.assertValidParent(input.id, parentId)
      if (DEPTH[level] <= DEPTH[parent.level as Level]) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `level: a ${level} cannot sit under a ${parent.level}`
        )
      }
    } else if (level !== "hq") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `parent_id: a ${level} needs a parent`)
    }
    return new StepResponse(undefined)
  }
)
