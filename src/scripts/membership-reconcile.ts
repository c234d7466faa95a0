import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { membershipOf } from "../workflows/membership/steps/membership-service"

/** Drift rows printed one by one; beyond this only their count (a broken import could drift everyone). */
const SHOW = 50

/**
 * npm run membership:reconcile — proves the points ledger (issue 5 §3): for every member,
 * available and pending equal the sums of the ledger, held equals the open holds, and the lots'
 * remaining add up to the positive balance. One SQL pass (the membership service's
 * reconcile()). Prints each drifting member with its numbers and exits 1 when there is any.
 */
export default async function membershipReconcile({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const started = Date.now()
  const { checked, entries, drift } = await membershipOf(container).reconcile()
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  for (const d of drift.slice(0, SHOW)) {
    logger.warn(
      `[membership:reconcile] ${d.member_id}: available ${d.points_available} (ledger ${d.ledger_available}), ` +
        `pending ${d.points_pending} (ledger ${d.ledger_pending}), held ${d.points_held} (open holds ${d.holds}), ` +
        `lots remaining ${d.lots_remaining} (positive balance ${Math.max(0, Number(d.points_available))})`
    )
  }
  if (drift.length > SHOW) logger.warn(`[membership:reconcile] … and ${drift.length - SHOW} more`)
  logger.info(
    `[membership:reconcile] ${checked.toLocaleString("en-US")} members, ${entries.toLocaleString("en-US")} ledger entries checked in ${seconds} s: ` +
      (drift.length ? `${drift.length} drift(s)` : "no drift")
  )
  if (drift.length) process.exitCode = 1
}
