import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MEMBERSHIP_MODULE } from "../modules/membership"
import type MembershipModuleService from "../modules/membership/service"
import { reviewTierWorkflow } from "../workflows/membership"

/**
 * Daily, just after midnight in China: members whose anniversary is today (or whose grace
 * period ended) get their tier reviewed. MEMBERSHIP_RUN_JOBS=false turns it off.
 */
export default async function membershipAnniversary(container: MedusaContainer) {
  if (process.env.MEMBERSHIP_RUN_JOBS === "false") return
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const membership = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
  const now = new Date()
  let after = ""
  let reviewed = 0
  let changed = 0
  for (;;) {
    const ids = await membership.dueForReview(now, after)
    if (!ids.length) break
    for (const id of ids) {
      const { result } = await reviewTierWorkflow(container).run({ input: { member_id: id, mode: "anniversary", now } })
      reviewed++
      if (result?.changed) changed++
    }
    after = ids[ids.length - 1]
  }
  logger.info(`membership anniversary review: ${reviewed} members reviewed, ${changed} tiers changed`)
}

// 16:05 UTC = 00:05 in China
export const config = { name: "membership-anniversary", schedule: "5 16 * * *" }
