import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { presaleOf, updatePresaleCampaignWorkflow } from "../../../../workflows/presale"
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
  await updatePresaleCampaignWorkflow(req.scope).run({ input: { id: req.params.id, ...(req.validatedBody as any) } })
  res.json({ presale: await campaignAdminView(req.scope, await load(req)) })
}
