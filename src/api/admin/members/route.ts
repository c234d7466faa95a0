import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { maskPhone, normalizePhone } from "../../../lib/membership"
import { membershipOf } from "../../../workflows/membership/steps/membership-service"

type Query = { q?: string; tier_id?: string; customer_id?: string; limit: number; offset: number }

/**
 * GET /admin/members?q&tier_id&limit&offset — search by any identity (a phone as typed in any
 * common format), a member id, or the customer's email or name; `customer_id` finds the member of
 * that customer. Phones are masked in lists.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const q = (req as any).validatedQuery as Query
  const search: { values?: string[]; member_id?: string; customer_ids?: string[] } = {}
  if (q.q) {
    const values = [q.q]
    try {
      values.push(normalizePhone(q.q))
    } catch {
      // not a phone: still an openid, a card number, an email or a name
    }
    const customers = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ q: q.q }, { select: ["id"], take: 200 })
    Object.assign(search, { values, member_id: q.q, customer_ids: customers.map((c: any) => c.id) })
  } else if (q.customer_id) {
    search.customer_ids = [q.customer_id]
  }
  const { members, count } = await membershipOf(req.scope).searchMembers({ ...search, tier_id: q.tier_id, limit: q.limit, offset: q.offset })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const ids = [...new Set(members.map((m) => m.customer_id))]
  const { data: customers } = ids.length
    ? await query.graph({ entity: "customer", fields: ["id", "email", "first_name", "last_name"], filters: { id: ids } })
    : { data: [] as any[] }
  const byId = new Map(customers.map((c: any) => [c.id, c]))
  res.json({
    members: members.map((m) => ({ ...m, phone: m.phone ? maskPhone(m.phone) : null, customer: byId.get(m.customer_id) ?? null })),
    count,
    limit: q.limit,
    offset: q.offset,
  })
}
