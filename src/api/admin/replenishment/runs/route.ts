import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REPLENISHMENT_MODULE } from "../../../../modules/replenishment"
import type ReplenishmentModuleService from "../../../../modules/replenishment/service"
import { enqueueForecastRunWorkflow } from "../../../../workflows/replenishment/runs/enqueue-forecast-run"

/** Enqueues a run and answers 202 with it: the worker process does the work. */
export const POST = async (req: AuthenticatedMedusaRequest<any>, res: MedusaResponse) => {
  const actor = req.auth_context?.actor_id ? `${req.auth_context.actor_type}:${req.auth_context.actor_id}` : null
  const { result } = await enqueueForecastRunWorkflow(req.scope).run({ input: { scope: req.validatedBody, requested_by: actor } })
  res.status(202).json({ forecast_run: result })
}

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const q = (req as any).validatedQuery as { status?: string; limit: number; offset: number }
  const service = req.scope.resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE)
  const [runs, count] = await service.listAndCountForecastRuns(q.status ? { status: q.status as any } : {}, {
    skip: q.offset,
    take: q.limit,
    order: { created_at: "DESC" },
  })
  res.json({ forecast_runs: runs, count, offset: q.offset, limit: q.limit })
}
