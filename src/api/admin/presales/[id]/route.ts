import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { PresaleConflict } from "../../../../modules/presale/claims"
import { cancelPresaleCampaign, presaleOf, updatePresaleCampaignWorkflow } from "../../../../workflows/presale"
import { CAMPAIGN_RELATIONS, campaignAdminView } from "../../../../workflows/presale/queries/campaign-view"
import type { AdminUpdatePresaleType } from "../validators"

const load = async (req: MedusaRequest) => {
  const campaign = await presaleOf(req.scope).retrievePresaleCampaign(req.params.id, { relations: CAMPAIGN_RELATIONS }).catch(() => null)
  if (!campaign) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Presale ${req.params.id} was not found`)
  return campaign
}

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({ presale: await campaignAdminView(req.scope, await load(req)) })
}

/** POST /admin/presales/:id: edit (a live campaign only grows, moves its ship date, changes status). */
export const POST = async (req: MedusaRequest<AdminUpdatePresaleType>, res: MedusaResponse) => {
  const { status, ...edit } = req.validatedBody as any
  if (status === "canceled") {
    // Canceling goes through the one cancellation path (units off the presale location, the
    // waitlist closed); from here only a draft, since a live one's refunds need /cancel's answer.
    const before: any = await load(req)
    if (before.status !== "draft" && before.status !== "canceled") {
      throw new PresaleConflict(`A ${before.status} presale is canceled with POST /admin/presales/${before.id}/cancel: its reservations are refunded`, "presale_status_move")
    }
    if (Object.keys(edit).length) await updatePresaleCampaignWorkflow(req.scope).run({ input: { id: req.params.id, ...edit } })
    await cancelPresaleCampaign(req.scope, { id: req.params.id, canceled_by: (req as any).auth_context?.actor_id ?? null })
  } else {
    await updatePresaleCampaignWorkflow(req.scope).run({ input: { id: req.params.id, ...edit, ...(status ? { status } : {}) } })
  }
  res.json({ presale: await campaignAdminView(req.scope, await load(req)) })
}
