import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { resolveScope, type ScopeInput } from "../runs/scope"
import { evaluateProposals, type ProposalCounts } from "./evaluate-proposals"

/**
 * Re-evaluates proposals now, from the current policies and stock — for a merchant who just
 * received goods or sold out and doesn't want to wait for the nightly run. No compensation:
 * the evaluation is idempotent, so the fix for a failure is to run it again.
 */
const refreshProposalsStep = createStep("refresh-replenishment-proposals", async (input: ScopeInput, { container }) => {
  const scope = await resolveScope(container, input)
  const counts: ProposalCounts = await evaluateProposals(container, { location_ids: scope.location_ids, variant_id: scope.variant_id })
  return new StepResponse(counts)
})

export const refreshProposalsWorkflow = createWorkflow("refresh-replenishment-proposals", (input: ScopeInput) => {
  return new WorkflowResponse(refreshProposalsStep(input))
})
