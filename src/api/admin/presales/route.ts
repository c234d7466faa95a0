import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createPresaleCampaignWorkflow, presaleOf } from "../../../workflows/presale"
import { CAMPAIGN_RELATIONS, campaignAdminView } from "../../../workflows/presale/queries/campaign-view"
import type { AdminCreatePresaleType, AdminListPresalesType } from "./validators"

/** GET /admin/presales: campaigns with live counters; ?variant_id= for the variant page's widget. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const q = (req as any).validatedQuery as AdminListPresalesType
  const presale = presaleOf(req.scope)
  const filters: Record<string, unknown> = {}
  if (q.status) filters.status = q.status
  if (q.q) filters.title = { $ilike: `%${q.q}%` }
  if (q.variant_id) {
    const items = await presale.listPresaleItems({ variant_id: q.variant_id } as any, { select: ["campaign_id"], take: null as any })
    filters.id = [...new Set((items as any[]).map((i) => i.campaign_id))]
  }
  const [campaigns, count] = await presale.listAndCountPresaleCampaigns(filters as any, {
    relations: CAMPAIGN_RELATIONS,
    order: { created_at: "DESC" },
    take: q.limit,
    skip: q.offset,
  })
  res.json({ presales: await Promise.all(campaigns.map((c) => campaignAdminView(req.scope, c))), count, limit: q.limit, offset: q.offset })
}

/** POST /admin/presales: a new campaign (draft unless status "active"). */
export const POST = async (req: MedusaRequest<AdminCreatePresaleType>, res: MedusaResponse) => {
  const { result } = await createPresaleCampaignWorkflow(req.scope).run({ input: req.validatedBody as any })
  const campaign = await presaleOf(req.scope).retrievePresaleCampaign(result.id, { relations: CAMPAIGN_RELATIONS })
  res.status(201).json({ presale: await campaignAdminView(req.scope, campaign) })
}
