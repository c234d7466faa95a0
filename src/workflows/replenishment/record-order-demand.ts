import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { collectOrderSalesStep } from "./steps/collect-order-sales"
import { flagOrderDaysStep } from "./steps/flag-order-days"
import { recordDemandStep } from "./steps/record-demand"

/**
 * Demand of a placed order (online or POS) at the locations serving it, then the day flags it
 * tells us about (promotion lines; a level it left empty); safe to run again.
 */
export const recordOrderDemandWorkflow = createWorkflow(
  "replenishment-record-order-demand",
  (input: { order_id: string }) => {
    const events = collectOrderSalesStep(input)
    const recorded = recordDemandStep(events)
    flagOrderDaysStep(events)
    return new WorkflowResponse(recorded)
  }
)
