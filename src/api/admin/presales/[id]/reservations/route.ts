import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { presaleOf } from "../../../../../workflows/presale"
import { reservationView } from "../../../../../workflows/presale/queries/campaign-view"
import type { AdminListPresaleReservationsType } from "../../validators"

/** GET /admin/presales/:id/reservations: filter by status, tier priority or customer; paginated. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const q = (req as any).validatedQuery as AdminListPresaleReservationsType
  const filters: Record<string, unknown> = { campaign_id: req.params.id }
  if (q.status) filters.status = q.status
  if (q.tier_priority != null) filters.tier_priority = q.tier_priority
  if (q.customer_id) filters.customer_id = q.customer_id
  const [rows, count] = await presaleOf(req.scope).listAndCountPresaleReservations(filters as any, {
    order: { tier_priority: "DESC", created_at: "ASC" },
    take: q.limit,
    skip: q.offset,
  })
  const query = req.scope.resolve("query")
  const customerIds = [...new Set(rows.map((r: any) => r.customer_id))]
  const { data: customers } = customerIds.length
    ? await query.graph({ entity: "customer", fields: ["id", "email", "first_name", "last_name"], filters: { id: customerIds } })
    : { data: [] as any[] }
  const byId = new Map((customers as any[]).map((c) => [c.id, c]))
  res.json({
    reservations: rows.map((r: any) => ({ ...reservationView(r), customer: byId.get(r.customer_id) ?? null, member_id: r.member_id })),
    count,
    limit: q.limit,
    offset: q.offset,
  })
}
