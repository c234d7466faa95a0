import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REPLENISHMENT_MODULE } from "../../../modules/replenishment"
import type ReplenishmentModuleService from "../../../modules/replenishment/service"
import type { DemandEventInput } from "../../../modules/replenishment/service"

/**
 * Records the events once (the ledger skips replays). It is the last step of every demand
 * workflow and commits atomically, so there is nothing after it that could fail and ask for a
 * compensation.
 */
export const recordDemandStep = createStep(
  "replenishment-record-demand",
  async (events: DemandEventInput[], { container }) => {
    const result = await container.resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE).recordDemand(events)
    return new StepResponse(result)
  }
)
