import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TRANSFERS_MODULE } from "../../../modules/transfers"
import type TransfersModuleService from "../../../modules/transfers/service"
import { buildDeliveryRunsWorkflow, type BuildDeliveryRunsInput } from "../../../workflows/transfers/delivery/build-delivery-runs"
import { actorId } from "../replenishment/place-filter"

/** POST /admin/delivery-runs {depot, date?}: (re)builds a depot's runs for a day; 201 with runs, unassigned stops and km saved. */
export const POST = async (req: MedusaRequest<BuildDeliveryRunsInput>, res: MedusaResponse) => {
  const { result } = await buildDeliveryRunsWorkflow(req.scope).run({ input: { ...req.validatedBody, actor: actorId(req) } })
  res.status(201).json(result)
}

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const q = (req as any).validatedQuery as { depot_location_id?: string; date?: string; limit: number; offset: number }
  const filters: Record<string, unknown> = {}
  if (q.depot_location_id) filters.depot_location_id = q.depot_location_id
  if (q.date) filters.run_date = q.date
  const [runs, count] = await req.scope
    .resolve<TransfersModuleService>(TRANSFERS_MODULE)
    .listAndCountDeliveryRuns(filters, { skip: q.offset, take: q.limit, order: { run_date: "DESC", vehicle: "ASC" } })
  res.json({ delivery_runs: runs, count, offset: q.offset, limit: q.limit })
}
