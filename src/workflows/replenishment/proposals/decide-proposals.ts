import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { REPLENISHMENT_MODULE } from "../../../modules/replenishment"
import type ReplenishmentModuleService from "../../../modules/replenishment/service"

export type DecideProposalsInput = { ids: string[]; decision: "approved" | "dismissed"; actor: string | null }

/** Emitted with the ids that changed; the transfers module consumes approved proposals. */
export const PROPOSALS_APPROVED_EVENT = "replenishment.proposals.approved"
export const PROPOSALS_DISMISSED_EVENT = "replenishment.proposals.dismissed"

const decideProposalsStep = createStep("decide-replenishment-proposals", async (input: DecideProposalsInput, { container }) => {
  const service = container.resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE)
  return new StepResponse(await service.decideProposals(input.ids, input.decision, input.actor))
})

/** Approves or dismisses proposals in bulk, all or nothing, and announces the ones that changed. */
export const decideProposalsWorkflow = createWorkflow("decide-replenishment-proposals", (input: DecideProposalsInput) => {
  const result = decideProposalsStep(input)
  const event = transform({ input, result }, ({ input, result }) => ({
    eventName: input.decision === "approved" ? PROPOSALS_APPROVED_EVENT : PROPOSALS_DISMISSED_EVENT,
    data: { ids: result.changed, actor: input.actor },
  }))
  emitEventStep(event)
  return new WorkflowResponse(result)
})
