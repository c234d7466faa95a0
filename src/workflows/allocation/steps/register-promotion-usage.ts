import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

type Usage = {
  computedActions: { amount: unknown; code: string }[]
  registrationContext: { customer_id: string | null; customer_email: string | null }
}

/**
 * Counts the cart's promotions as used (campaign budgets, usage limits) and gives the usage back
 * on compensation — what core-flows' registerUsageStep does, which its package doesn't export.
 */
export const registerPromotionUsageStep = createStep(
  "register-promotion-usage",
  async (data: Usage, { container }) => {
    if (!data.computedActions.length) return new StepResponse(null, null as Usage | null)
    await container.resolve(Modules.PROMOTION).registerUsage(data.computedActions as any, data.registrationContext as any)
    return new StepResponse(null, data)
  },
  async (data, { container }) => {
    if (!data?.computedActions.length) return
    await container.resolve(Modules.PROMOTION).revertUsage(data.computedActions as any, data.registrationContext as any)
  }
)
