import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TRANSFERS_MODULE } from "../../../modules/transfers"
import type TransfersModuleService from "../../../modules/transfers/service"
import { createTransferPlanWorkflow } from "../../../workflows/transfers/planning/create-transfer-plan"
import type { PlanRequest } from "../../../workflows/transfers/planning/build-plan-instance"
import { actorId } from "../replenishment/place-filter"
import { planView } from "./plan-view"

/** POST /admin/transfer-plans: a dry run over approved proposals (or given shortfalls); 201 with the plan. */
export const POST = async (req: MedusaRequest<PlanRequest>, res: MedusaResponse) => {
  const { result } = await createTransferPlanWorkflow(req.scope).run({ input: { ...req.validatedBody, actor: actorId(req) } })
  res.status(201).json({ transfer_plan: await planView(req.scope, result) })
}

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const q = (req as any).validatedQuery as { status?: string; limit: number; offset: number }
  const [plans, count] = await req.scope.resolve<TransfersModuleService>(TRANSFERS_MODULE).listAndCountTransferPlans(q.status ? { status: q.status as any } : {}, {
    select: ["id", "status", "scope", "total_cost", "baseline_cost", "transfer_ids", "created_by", "created_at", "applied_at"],
    skip: q.offset,
    take: q.limit,
    order: { created_at: "DESC" },
  })
  res.json({ transfer_plans: plans, count, offset: q.offset, limit: q.limit })
}
