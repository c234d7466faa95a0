import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { REPLENISHMENT_MODULE } from "../../../modules/replenishment"
import type ReplenishmentModuleService from "../../../modules/replenishment/service"
import type { ServiceTargetInput } from "../../../modules/replenishment/service"

const service = (c: any) => c.resolve(REPLENISHMENT_MODULE) as ReplenishmentModuleService
const KEEP = ["level", "type", "metadata"] as const

/** A target needs a place to apply: a territory, a category or both, and both must exist. */
const validateServiceTargetStep = createStep("validate-service-target", async (input: ServiceTargetInput, { container }) => {
  if (!input.territory_id && !input.category_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "territory_id: give a territory_id, a category_id or both")
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  if (input.territory_id) {
    const { data } = await query.graph({ entity: "territory", fields: ["id"], filters: { id: input.territory_id } })
    if (!data.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Territory ${input.territory_id} was not found`)
  }
  if (input.category_id) {
    const { data } = await query.graph({ entity: "product_category", fields: ["id"], filters: { id: input.category_id } })
    if (!data.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product category ${input.category_id} was not found`)
  }
  return new StepResponse(input)
})

const upsertServiceTargetStep = createStep(
  "upsert-service-target",
  async (input: ServiceTargetInput, { container }) => {
    const svc = service(container)
    const [before] = await svc.listServiceTargets(
      {
        territory_id: input.territory_id ?? null,
        category_id: input.category_id ?? null,
        abc_class: input.abc_class ?? null,
        xyz_class: input.xyz_class ?? null,
      } as any,
      { take: 1 }
    )
    const result = await svc.upsertServiceTarget(input)
    return new StepResponse(result, { id: result.target.id, created: result.created, before: before ?? null })
  },
  async (undo, { container }) => {
    if (!undo) return
    if (undo.created) await service(container).deleteServiceTargets(undo.id)
    else if (undo.before) {
      const previous: Record<string, unknown> = { id: undo.id }
      for (const k of KEEP) previous[k] = (undo.before as any)[k]
      await service(container).updateServiceTargets(previous as any)
    }
  }
)

/** Creates a service target, or changes the level/type of the one with the same scope and class filter. */
export const upsertServiceTargetWorkflow = createWorkflow("upsert-service-target", (input: ServiceTargetInput) => {
  const valid = validateServiceTargetStep(input)
  return new WorkflowResponse(upsertServiceTargetStep(valid))
})

const deleteServiceTargetStep = createStep(
  "delete-service-target",
  async (input: { id: string }, { container }) => {
    const svc = service(container)
    const [target] = await svc.listServiceTargets({ id: input.id }, { take: 1 })
    if (!target) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Service target ${input.id} was not found`)
    await svc.softDeleteServiceTargets(input.id)
    return new StepResponse({ id: input.id }, input.id)
  },
  async (id, { container }) => {
    if (id) await service(container).restoreServiceTargets(id)
  }
)

/** Deletes a service target: the next run falls back to the next rule in precedence. */
export const deleteServiceTargetWorkflow = createWorkflow("delete-service-target", (input: { id: string }) => {
  return new WorkflowResponse(deleteServiceTargetStep(input))
})
