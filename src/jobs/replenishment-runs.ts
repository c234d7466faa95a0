import type { MedusaContainer } from "@medusajs/framework/types"
import { processForecastRuns } from "../workflows/replenishment/runs/execute-forecast-run"

/**
 * Every minute in the worker process: take the lease of a queued run (or of a crashed run whose
 * lease expired) and run it. A tick that finds another run holding the lease does nothing.
 * REPLENISHMENT_RUN_JOBS=false turns the replenishment jobs off (tests drive them by hand).
 */
export default async function replenishmentRuns(container: MedusaContainer) {
  if (process.env.REPLENISHMENT_RUN_JOBS === "false") return
  await processForecastRuns(container)
}

export const config = { name: "replenishment-runs", schedule: "* * * * *" }
