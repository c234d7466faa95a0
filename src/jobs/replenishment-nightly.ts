import type { MedusaContainer } from "@medusajs/framework/types"
import { localBusinessDate } from "../lib/opening-hours"
import { REPLENISHMENT_MODULE } from "../modules/replenishment"
import type ReplenishmentModuleService from "../modules/replenishment/service"
import { enqueueForecastRunWorkflow } from "../workflows/replenishment/runs/enqueue-forecast-run"
import { processForecastRuns, RUN_TIMEZONE } from "../workflows/replenishment/runs/execute-forecast-run"

/**
 * The nightly full run: enqueue one run over every variant × location (once per business date,
 * however many worker processes fire this job), then work the queue. 02:30 Asia/Shanghai is
 * 18:30 UTC; the schedule is in the worker's clock, which production runs in UTC (TZ=UTC).
 */
export default async function replenishmentNightly(container: MedusaContainer) {
  if (process.env.REPLENISHMENT_RUN_JOBS === "false") return
  const requestedBy = `schedule:nightly:${localBusinessDate(RUN_TIMEZONE, new Date())}`
  const service = container.resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE)
  const [already] = await service.listForecastRuns({ requested_by: requestedBy }, { take: 1 })
  if (!already) await enqueueForecastRunWorkflow(container).run({ input: { scope: {}, requested_by: requestedBy } })
  await processForecastRuns(container)
}

export const config = { name: "replenishment-nightly", schedule: "30 18 * * *" }
