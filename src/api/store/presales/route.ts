import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { presaleOf } from "../../../workflows/presale"
import { CAMPAIGN_RELATIONS, campaignView } from "../../../workflows/presale/queries/campaign-view"
import { callerPriority } from "./store-presale"

/** GET /store/presales: the presales open now or soon, with what is left per window for the caller's tier. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const limit = Math.min(50, Math.max(1, Number(req.query.limit ?? 20) || 20))
  const offset = Math.max(0, Number(req.query.offset ?? 0) || 0)
  const [campaigns, count] = await presaleOf(req.scope).listAndCountPresaleCampaigns(
    { status: "active" } as any,
    { relations: CAMPAIGN_RELATIONS, order: { created_at: "DESC" }, take: limit, skip: offset }
  )
  const priority = await callerPriority(req)
  res.json({ presales: await Promise.all(campaigns.map((c) => campaignView(req.scope, c, { priority }))), count, limit, offset })
}
