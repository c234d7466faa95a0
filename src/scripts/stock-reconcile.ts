import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { reconcileStock } from "../workflows/transfers/queries/reconcile-stock"

/**
 * npm run stock:reconcile — proves the transfer invariant on every line and that every change
 * Mendian made to an inventory level is in the movement log (src/lib/transfer-state/reconcile),
 * against the inventory module's reservations and incoming quantities. Prints each drift and
 * exits 1 when there is any.
 */
export default async function stockReconcile({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { lines, movements, levels, drift } = await reconcileStock(container)
  for (const d of drift) logger.warn(`[stock:reconcile] ${[d.transfer, d.line_id, d.location_id, d.inventory_item_id].filter(Boolean).join(" ")}: ${d.problem}`)
  logger.info(`[stock:reconcile] ${lines} transfer lines, ${movements} movements, ${levels} levels with incoming stock: ${drift.length ? `${drift.length} drift(s)` : "no drift"}`)
  if (drift.length) process.exitCode = 1
}
