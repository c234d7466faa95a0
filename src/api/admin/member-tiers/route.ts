import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createTierWorkflow } from "../../../workflows/membership"
import { membershipOf } from "../../../workflows/membership/steps/membership-service"
import type { AdminUpsertTierType } from "../members/validators"

const view = (t: any) => ({
  ...t,
  qualify_spend: t.qualify_spend == null ? null : Number(t.qualify_spend),
  free_shipping_threshold: t.free_shipping_threshold == null ? null : Number(t.free_shipping_threshold),
})

/** GET /admin/member-tiers — the ladder, lowest rung first, with how many members hold each. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const membership = membershipOf(req.scope)
  const tiers = await membership.listMemberTiers({}, { order: { rank: "ASC" }, take: null })
  const counts = await Promise.all(tiers.map((t: any) => membership.listAndCountMembers({ tier_id: t.id, status: "active" }, { take: 1, select: ["id"] })))
  res.json({ tiers: tiers.map((t: any, i: number) => ({ ...view(t), member_count: counts[i][1] })) })
}

/** POST /admin/member-tiers — a new rung (a customer group is created for it unless one is given). */
export const POST = async (req: MedusaRequest<AdminUpsertTierType>, res: MedusaResponse) => {
  const { result } = await createTierWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json({ tier: view(result) })
}

