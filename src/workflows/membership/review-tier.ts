import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { applyTierStep } from "./steps/apply-tier"

/**
 * The anniversary review of one member (the daily job finds who is due): the tier is kept,
 * lowered by the programme's policy, or a grace period starts. Also an admin's "re-evaluate".
 */
export const reviewTierWorkflow = createWorkflow(
  "membership-review-tier",
  (input: { member_id: string; mode: "activity" | "anniversary"; actor?: string | null; now?: Date }) => {
    const tier = applyTierStep(input)
    when({ tier }, ({ tier }) => !!tier?.changed).then(() => {
      emitEventStep(
        transform({ tier }, ({ tier }) => ({
          eventName: "member.tier_changed",
          data: { member_id: tier!.member_id, from_tier_id: tier!.from_tier_id, to_tier_id: tier!.to_tier_id, reason: tier!.reason },
        }))
      )
    })
    return new WorkflowResponse(tier)
  }
)
