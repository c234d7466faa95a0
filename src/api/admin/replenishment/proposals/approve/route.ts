import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { decideProposalsWorkflow } from "../../../../../workflows/replenishment/proposals/decide-proposals"
import { withVariants } from "../../../../../workflows/replenishment/queries/variant-summaries"
import { actorId } from "../../place-filter"

/** POST /admin/replenishment/proposals/approve {ids}: all or nothing; ids already approved are left as they are. */
export const POST = async (req: MedusaRequest<{ ids: string[] }>, res: MedusaResponse) => {
  const { result } = await decideProposalsWorkflow(req.scope).run({
    input: { ids: req.validatedBody.ids, decision: "approved", actor: actorId(req) },
  })
  res.json({ proposals: await withVariants(req.scope, result.proposals as any[]), changed: result.changed.length })
}
