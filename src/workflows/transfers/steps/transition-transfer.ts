import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRANSFERS_MODULE } from "../../../modules/transfers"
import type TransfersModuleService from "../../../modules/transfers/service"
import type { TransitionResult } from "../../../modules/transfers/service"
import { PLANS, type ActionInput } from "../plans"

export type TransitionInput = { action: keyof typeof PLANS; input: ActionInput }

/** Changes the document's state atomically (see transitionTransfer); compensation puts it back. */
export const transitionTransferStep = createStep(
  "transition-transfer",
  async ({ action, input }: TransitionInput, { container }) => {
    const service = container.resolve<TransfersModuleService>(TRANSFERS_MODULE)
    const result: TransitionResult = await service.transitionTransfer(input.id, action as any, PLANS[action](input))
    return new StepResponse(result, result.before)
  },
  async (before, { container }) => {
    if (!before) return
    await container.resolve<TransfersModuleService>(TRANSFERS_MODULE).restoreTransfer(before)
  }
)
