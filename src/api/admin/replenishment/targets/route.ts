import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REPLENISHMENT_MODULE } from "../../../../modules/replenishment"
import type ReplenishmentModuleService from "../../../../modules/replenishment/service"
import { upsertServiceTargetWorkflow } from "../../../../workflows/replenishment/targets/service-targets"
import type { AdminUpsertServiceTargetType } from "./validators"

const present = ({ scope_key, ...t }: Record<string, any>) => ({ ...t, level: Number(t.level) })

/**
 * GET /admin/replenishment/targets: service-level targets per territory and/or category
 * (filters territory_id, category_id; paginated), oldest first.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const q = (req as any).validatedQuery as { territory_id?: string; category_id?: string; limit: number; offset: number }
  const filters: Record<string, unknown> = {}
  if (q.territory_id) filters.territory_id = q.territory_id
  if (q.category_id) filters.category_id = q.category_id
  const [rows, count] = await req.scope
    .resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE)
    .listAndCountServiceTargets(filters, { skip: q.offset, take: q.limit, order: { created_at: "ASC", id: "ASC" } })
  res.json({ service_targets: rows.map(present), count, offset: q.offset, limit: q.limit })
}

/**
 * POST /admin/replenishment/targets: 201 with a new target, or 200 when a target with the same
 * territory, category and class filter existed and its level/type were changed.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpsertServiceTargetType>, res: MedusaResponse) => {
  const actor = req.auth_context?.actor_id ? `${req.auth_context.actor_type}:${req.auth_context.actor_id}` : null
  const { result } = await upsertServiceTargetWorkflow(req.scope).run({ input: { ...req.validatedBody, created_by: actor } })
  res.status(result.created ? 201 : 200).json({ service_target: present(result.target) })
}
