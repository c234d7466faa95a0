import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { REPLENISHMENT_MODULE } from "../../../modules/replenishment"
import type ReplenishmentModuleService from "../../../modules/replenishment/service"
import { resolveScope, type ScopeInput } from "./scope"

export type EnqueueForecastRunInput = { scope?: ScopeInput; requested_by?: string | null }

const resolveRunScopeStep = createStep("resolve-forecast-run-scope", async (input: ScopeInput, { container }) => {
  return new StepResponse(await resolveScope(container, input))
})

const createQueuedRunStep = createStep(
  "create-queued-forecast-run",
  async (input: { scope: Record<string, unknown>; requested_by: string | null }, { container }) => {
    const service = container.resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE)
    const run = await service.createForecastRuns({ scope: input.scope, status: "queued", requested_by: input.requested_by })
    return new StepResponse(run, run.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE).deleteForecastRuns(id)
  }
)

/**
 * Puts a forecast run in the queue and returns at once: the worker process picks queued runs up
 * (src/jobs/replenishment-runs.ts) under the lease, so an admin request never waits for the
 * arithmetic. The scope is resolved to stock locations now (a territory's shops as they are
 * when asked), so a resumed run covers the same series.
 */
export const enqueueForecastRunWorkflow = createWorkflow("enqueue-forecast-run", (input: EnqueueForecastRunInput) => {
  const scopeInput = transform({ input }, ({ input }) => input.scope ?? {})
  const scope = resolveRunScopeStep(scopeInput)
  const create = transform({ input, scope }, ({ input, scope }) => ({
    scope: scope as unknown as Record<string, unknown>,
    requested_by: input.requested_by ?? null,
  }))
  const run = createQueuedRunStep(create)
  return new WorkflowResponse(run)
})
