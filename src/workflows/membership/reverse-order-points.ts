import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { reverseOrderPointsStep, type ReverseOrderPointsInput } from "./steps/reverse-order-points"

/**
 * order.return_received and order.canceled: points earned on what came back are taken back
 * and points spent on it credited back. A tier is never lowered here — only at the anniversary.
 */
export const reverseOrderPointsWorkflow = createWorkflow("membership-reverse-order-points", (input: ReverseOrderPointsInput) => {
  const result = reverseOrderPointsStep(input)
  when({ result }, ({ result }) => !!result && (result.reversed > 0 || result.credited > 0)).then(() => {
    emitEventStep(
      transform({ result, input }, ({ result, input }) => ({
        eventName: "member.points_reversed",
        data: { member_id: result!.member_id, order_id: input.order_id, return_id: input.return_id ?? null, reversed: result!.reversed, credited: result!.credited },
      }))
    )
  })
  return new WorkflowResponse(result)
})
