import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { membershipOf } from "./steps/membership-service"

export type AdjustPointsInput = { member_id: string; points: number; reason: string; actor: string; source_id?: string }

const postAdjustmentStep = createStep("membership-post-adjustment", async (input: AdjustPointsInput, { container }) => {
  const posted = await membershipOf(container).postAdjustment(input.member_id, input)
  return new StepResponse(posted)
})

/** A manual correction by an admin, with its reason; a debit never takes the balance below zero. */
export const adjustPointsWorkflow = createWorkflow("membership-adjust-points", (input: AdjustPointsInput) => {
  const posted = postAdjustmentStep(input)
  when({ posted }, ({ posted }) => posted.created).then(() => {
    emitEventStep(
      transform({ posted, input }, ({ posted, input }) => ({
        eventName: "member.points_adjusted",
        data: { member_id: input.member_id, points: input.points, entry_id: posted.entry.id, actor: input.actor },
      }))
    )
  })
  return new WorkflowResponse(posted)
})
