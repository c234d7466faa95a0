import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REPLENISHMENT_MODULE } from "../../../modules/replenishment"
import type ReplenishmentModuleService from "../../../modules/replenishment/service"
import type { DemandEventInput } from "../../../modules/replenishment/service"

/**
 * A cancelled order's demand never happened: reverse exactly what the ledger recorded as sold
 * for it, on the same business dates and at the same locations. (Cancelling deletes the
 * reservations, so the ledger is the only record of where the order was counted.)
 */
export const collectOrderCancellationStep = createStep(
  "replenishment-collect-order-cancellation",
  async (input: { order_id: string }, { container }) => {
    const sold = await container
      .resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE)
      .listDemandEvents({ order_id: input.order_id, kind: "sold" }, { take: null })
    return new StepResponse(
      sold.map((e): DemandEventInput => ({
        order_id: e.order_id,
        line_item_id: e.line_item_id,
        variant_id: e.variant_id,
        location_id: e.location_id,
        kind: "canceled",
        quantity: e.quantity,
        business_date: e.business_date,
      }))
    )
  }
)
