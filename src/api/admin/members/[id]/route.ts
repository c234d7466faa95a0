import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { membershipOf } from "../../../../workflows/membership/steps/membership-service"
import { memberSummary } from "../../../../workflows/membership/queries/member-view"

/** GET /admin/members/:id — the member, their customer, tier history and open holds. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const member = await memberSummary(req.scope, req.params.id)
  const membership = membershipOf(req.scope)
  const [tierHistory, holds, merges] = await Promise.all([
    membership.listTierChanges({ member_id: member.id }, { order: { created_at: "DESC" }, take: 100 }),
    membership.listPointsHolds({ member_id: member.id, status: "held" }, { take: 50 }),
    membership.listMemberMerges({ survivor_id: member.id }, { take: 50 }),
  ])
  const { data: [customer] } = await req.scope
    .resolve(ContainerRegistrationKeys.QUERY)
    .graph({ entity: "customer", fields: ["id", "email", "first_name", "last_name", "phone", "groups.id", "groups.name"], filters: { id: member.customer_id } })
  res.json({
    member: {
      ...member,
      customer: customer ?? null,
      tier_history: tierHistory.map((t: any) => ({ ...t, spend_12m: t.spend_12m == null ? null : Number(t.spend_12m) })),
      holds: holds.map((h: any) => ({ ...h, amount: Number(h.amount) })),
      merges,
    },
  })
}
