import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { collectReturnDemandStep } from "./steps/collect-return-demand"
import { recordDemandStep } from "./steps/record-demand"

/** Units returned on a received return, at the return's location; safe to run again. */
export const recordReturnDemandWorkflow = createWorkflow(
  "replenishment-record-return-demand",
  (input: { order_id: string; return_id: string }) => {
    const events = collectReturnDemandStep(input)
    return new WorkflowResponse(recordDemandStep(events))
  }
)
