import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { collectOrderSalesStep } from "./steps/collect-order-sales"
import { recordDemandStep } from "./steps/record-demand"

/** Demand of a placed order (online or POS) at the locations serving it; safe to run again. */
export const recordOrderDemandWorkflow = createWorkflow(
  "replenishment-record-order-demand",
  (input: { order_id: string }) => {
    const events = collectOrderSalesStep(input)
    return new WorkflowResponse(recordDemandStep(events))
  }
)
