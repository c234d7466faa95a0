import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { expirePointsWorkflow, maturePointsWorkflow, releaseExpiredHolds } from "../workflows/membership"

const BATCH = 500

/**
 * Hourly in the worker process: pending points whose return window closed become spendable,
 * lots past their expiry expire, and holds left on abandoned carts are released. Each part is
 * idempotent and works in batches until nothing is due. MEMBERSHIP_RUN_JOBS=false turns it off.
 */
export default async function membershipPoints(container: MedusaContainer) {
  if (process.env.MEMBERSHIP_RUN_JOBS === "false") return
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const now = new Date()
  let matured = 0
  let expired = 0
  for (;;) {
    const { result } = await maturePointsWorkflow(container).run({ input: { now, limit: BATCH } })
    matured += result.length
    if (result.length < 1) break
  }
  for (;;) {
    const { result } = await expirePointsWorkflow(container).run({ input: { now, limit: BATCH } })
    expired += result.length
    if (result.length < 1) break
  }
  const holds = await releaseExpiredHolds(container, now)
  logger.info(`membership points: ${matured} members' points matured, ${expired} members' points expired, ${holds.released} holds released, ${holds.failed} failed`)
}

export const config = { name: "membership-points", schedule: "17 * * * *" }
