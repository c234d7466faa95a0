import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { membershipOf } from "./steps/membership-service"

const DAY = 86_400_000

/** The fulfilment starts the channel's return window; the order's pending points become spendable when it closes. */
const schedulePointsAvailabilityStep = createStep(
  "membership-schedule-points-availability",
  async (input: { order_id: string; at?: Date }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [order] } = await query.graph({ entity: "order", fields: ["id", "sales_channel_id"], filters: { id: input.order_id } })
    if (!order) return new StepResponse(null)
    const membership = membershipOf(container)
    const windows = (await membership.programSettings()).return_window_days
    const days = Number(windows[order.sales_channel_id ?? ""] ?? windows.default ?? 7)
    const availableAt = new Date((input.at ? new Date(input.at) : new Date()).getTime() + days * DAY)
    const scheduled = await membership.scheduleAvailability(order.id, availableAt)
    return new StepResponse({ order_id: order.id, available_at: availableAt, entries: scheduled })
  }
)

export const schedulePointsAvailabilityWorkflow = createWorkflow("membership-schedule-points-availability", (input: { order_id: string; at?: Date }) => {
  return new WorkflowResponse(schedulePointsAvailabilityStep(input))
})
