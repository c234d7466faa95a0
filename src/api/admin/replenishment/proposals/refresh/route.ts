import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { refreshProposalsWorkflow } from "../../../../../workflows/replenishment/proposals/refresh-proposals"
import type { ScopeInput } from "../../../../../workflows/replenishment/runs/scope"

/**
 * POST /admin/replenishment/proposals/refresh {shop_id | location_id | territory_id | variant_id}:
 * re-evaluates now against current stock. The whole chain is the nightly run's job, so a scope
 * is required here.
 */
export const POST = async (req: MedusaRequest<ScopeInput>, res: MedusaResponse) => {
  const body = req.validatedBody ?? {}
  if (!Object.values(body).some(Boolean)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "scope: give shop_id, location_id, territory_id or variant_id (the nightly run covers the whole chain)")
  }
  const { result } = await refreshProposalsWorkflow(req.scope).run({ input: body })
  res.json(result)
}
