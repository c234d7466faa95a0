import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runPresaleLifecycle } from "../workflows/presale"

/** Every minute in the worker: expiries, forfeits, orders left unmade, unfinished campaign cancellations. PRESALE_RUN_JOBS=false turns it off. */
export default async function presaleLifecycle(container: MedusaContainer) {
  if (process.env.PRESALE_RUN_JOBS === "false") return
  const report = await runPresaleLifecycle(container)
  if (report.expired || report.forfeited || report.orders_made || report.cancellations_completed || report.failed.length) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`presale: ${report.expired} expired, ${report.forfeited} forfeited, ${report.orders_made} orders made, ${report.cancellations_completed} campaign cancellations completed, ${report.failed.length} failed${report.failed.length ? ` (${report.failed[0].error})` : ""}`)
  }
}

export const config = { name: "presale-lifecycle", schedule: "* * * * *" }
