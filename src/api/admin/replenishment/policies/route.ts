import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { REPLENISHMENT_MODULE } from "../../../../modules/replenishment"
import type ReplenishmentModuleService from "../../../../modules/replenishment/service"
import { placeLocations } from "../place-filter"
import { withVariants } from "../../../../workflows/replenishment/queries/variant-summaries"
import { onHandFor } from "./on-hand"

type Query = {
  shop_id?: string
  location_id?: string
  territory_id?: string
  variant_id?: string
  demand_class?: string
  status?: "below_reorder_point"
  limit: number
  offset: number
}

const BATCH = 1000

/** A policy as listed: the row plus on hand at its location and whether it is at/below the reorder point. */
function withStock(p: any, onHand: number | null | undefined) {
  const known = onHand === undefined ? null : onHand
  const daily = Array.isArray(p.forecast) && p.forecast.length ? p.forecast.reduce((a: number, b: number) => a + b, 0) / p.forecast.length : 0
  return {
    ...p,
    on_hand: known,
    // Days the available units last at the forecast rate; null when nothing is forecast to sell.
    days_of_cover: known === null || daily <= 0 ? null : Math.round((Math.max(0, known) / daily) * 10) / 10,
    status:
      known === null ? "untracked" : p.reorder_point !== null && known <= p.reorder_point ? "below_reorder_point" : "ok",
  }
}

/**
 * GET /admin/replenishment/policies: filter by shop, location, territory (its shops and those of
 * its sub-territories), variant, demand class; status=below_reorder_point keeps the policies
 * whose on hand (stocked − reserved) is at or below the reorder point, which needs the inventory
 * module, so it asks for a shop, location, territory or variant to bound the scan.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const q = (req as any).validatedQuery as Query
  const locations = await placeLocations(req.scope, q)
  if (q.status && !locations && !q.variant_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "status: needs shop_id, location_id, territory_id or variant_id as well")
  }
  const filters: Record<string, unknown> = {}
  if (locations) filters.location_id = locations.length === 1 ? locations[0] : locations
  if (q.variant_id) filters.variant_id = q.variant_id
  if (q.demand_class) filters.demand_class = q.demand_class
  const service = req.scope.resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE)
  const order = { location_id: "ASC", variant_id: "ASC" } as const
  const key = (p: any) => `${p.variant_id}|${p.location_id}`

  if (!q.status) {
    const [rows, count] = await service.listAndCountStockPolicies(filters, { skip: q.offset, take: q.limit, order })
    const onHand = await onHandFor(req.scope, rows)
    const policies = await withVariants(req.scope, rows.map((p) => withStock(p, onHand.get(key(p)))))
    return res.json({ policies, count, offset: q.offset, limit: q.limit })
  }

  // Scan the bounded set in batches, keep the matches, page over them.
  const matches: any[] = []
  for (let skip = 0; ; skip += BATCH) {
    const rows = await service.listStockPolicies(filters, { skip, take: BATCH, order })
    if (!rows.length) break
    const onHand = await onHandFor(req.scope, rows)
    for (const p of rows) {
      const row = withStock(p, onHand.get(key(p)))
      if (row.status === q.status) matches.push(row)
    }
    if (rows.length < BATCH) break
  }
  const page = await withVariants(req.scope, matches.slice(q.offset, q.offset + q.limit))
  res.json({ policies: page, count: matches.length, offset: q.offset, limit: q.limit })
}
