import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REPLENISHMENT_MODULE } from "../../../modules/replenishment"
import type ReplenishmentModuleService from "../../../modules/replenishment/service"
import type { DemandEventInput } from "../../../modules/replenishment/service"

/**
 * Records the events once (the ledger skips replays), atomically. Nothing after it compensates
 * it: the order workflow's flag step only sets flags, which a rerun sets again.
 */
export const recordDemandStep = createStep(
  "replenishment-record-demand",
  async (events: DemandEventInput[], { container }) => {
    const result = await container.resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE).recordDemand(events)
    return new StepResponse(result)
  }
)
