import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { REPLENISHMENT_MODULE } from "../../../modules/replenishment"
import type ReplenishmentModuleService from "../../../modules/replenishment/service"

export type UpdatePolicyOverrideInput = {
  id: string
  override_min?: number | null
  override_max?: number | null
  frozen?: boolean
  service_level_target?: number | null
  service_level_type?: "cycle" | "fill_rate"
}

const OVERRIDE_FIELDS = [
  "override_min",
  "override_max",
  "frozen",
  "override_service_level",
  "override_service_level_type",
  "reorder_point",
  "order_up_to",
  "overrides_applied",
] as const

const updatePolicyOverrideStep = createStep(
  "update-stock-policy-override",
  async (input: UpdatePolicyOverrideInput, { container }) => {
    const service = container.resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE)
    const policy: any = await service.retrieveStockPolicy(input.id)
    const min = input.override_min !== undefined ? input.override_min : policy.override_min
    const max = input.override_max !== undefined ? input.override_max : policy.override_max
    if (min !== null && max !== null && max < min) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `override_max: ${max} is below override_min (${min})`)
    }
    const frozen = input.frozen ?? policy.frozen
    if (frozen && !policy.frozen && (policy.reorder_point === null || policy.order_up_to === null)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "frozen: this policy has no computed levels to freeze yet")
    }
    const target = input.service_level_target !== undefined ? input.service_level_target : policy.override_service_level
    const targetType =
      target === null ? null : input.service_level_type ?? policy.override_service_level_type ?? policy.service_level_type ?? "cycle"

    // Min and max take effect now, as the run would apply them; a frozen policy keeps its levels.
    let reorderPoint = policy.reorder_point
    let orderUpTo = policy.order_up_to
    const computed = policy.metadata?.computed
    if (!frozen && computed) {
      reorderPoint = computed.reorderPoint
      orderUpTo = computed.orderUpTo
    }
    if (!frozen) {
      if (min !== null) {
        reorderPoint = min
        if (max === null && orderUpTo !== null && orderUpTo < min) orderUpTo = min
      }
      if (max !== null) {
        orderUpTo = max
        if (min === null && reorderPoint !== null && reorderPoint > max) reorderPoint = max
      }
    }
    const applied = [
      ...(frozen ? ["frozen"] : [...(min !== null ? ["min"] : []), ...(max !== null ? ["max"] : [])]),
      ...(target !== null ? ["target"] : []),
    ]
    const before = Object.fromEntries(OVERRIDE_FIELDS.map((f) => [f, policy[f]]))
    const updated = await service.updateStockPolicies({
      id: policy.id,
      override_min: min,
      override_max: max,
      frozen,
      override_service_level: target,
      override_service_level_type: targetType,
      reorder_point: reorderPoint,
      order_up_to: orderUpTo,
      overrides_applied: applied,
    } as any)
    return new StepResponse(updated, { id: policy.id, before })
  },
  async (prev, { container }) => {
    if (!prev) return
    await container.resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE).updateStockPolicies({ id: prev.id, ...prev.before } as any)
  }
)

/**
 * A merchant's override of one policy: fixed min (reorder point) and/or max (order-up-to level),
 * frozen (keep the levels as they are), or a service target instead of the ABC–XYZ default.
 * Runs keep these columns and apply them (src/workers/forecast-compute.ts), reporting which.
 */
export const updatePolicyOverrideWorkflow = createWorkflow("update-stock-policy-override", (input: UpdatePolicyOverrideInput) => {
  return new WorkflowResponse(updatePolicyOverrideStep(input))
})
