import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { decideProposalsWorkflow } from "../../../../../workflows/replenishment/proposals/decide-proposals"
import { withVariants } from "../../../../../workflows/replenishment/queries/variant-summaries"
import { actorId } from "../../place-filter"

/** POST /admin/replenishment/proposals/dismiss {ids}: all or nothing; ids already dismissed are left as they are. */
export const POST = async (req: MedusaRequest<{ ids: string[] }>, res: MedusaResponse) => {
  const { result } = await decideProposalsWorkflow(req.scope).run({
    input: { ids: req.validatedBody.ids, decision: "dismissed", actor: actorId(req) },
  })
  res.json({ proposals: await withVariants(req.scope, result.proposals as any[]), changed: result.changed.length })
}
