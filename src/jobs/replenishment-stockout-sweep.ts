import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sweepStockouts } from "../workflows/replenishment/record-stockouts"

/**
 * Hourly in the worker process: today's business day becomes a stock-out day (censored demand)
 * for every series whose variant has nothing available at an open shop. Idempotent (flags only
 * set). REPLENISHMENT_RUN_JOBS=false turns it off, like the other replenishment jobs.
 */
export default async function replenishmentStockoutSweep(container: MedusaContainer) {
  if (process.env.REPLENISHMENT_RUN_JOBS === "false") return
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const started = Date.now()
  const r = await sweepStockouts(container)
  logger.info(
    `replenishment stock-out sweep: ${r.shops} shops, ${r.levels_out}/${r.levels_read} levels out, ` +
      `${r.flagged} days flagged, ${r.unchanged} already, ${r.missing} never sold there, ${Date.now() - started} ms`
  )
}

export const config = { name: "replenishment-stockout-sweep", schedule: "7 * * * *" }
