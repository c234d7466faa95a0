import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { collectOrderCancellationStep } from "./steps/collect-order-cancellation"
import { recordDemandStep } from "./steps/record-demand"

/** Takes a cancelled order's recorded sales back out of the history; safe to run again. */
export const reverseCanceledOrderDemandWorkflow = createWorkflow(
  "replenishment-reverse-canceled-order-demand",
  (input: { order_id: string }) => {
    const events = collectOrderCancellationStep(input)
    return new WorkflowResponse(recordDemandStep(events))
  }
)
