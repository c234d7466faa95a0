import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { schedulePointsAvailabilityWorkflow } from "../workflows/membership"

/** order.fulfillment_created ({ order_id, fulfillment_id }): the return window starts; pending points become due when it closes. */
export default async function schedulePointsAvailability({ event: { data }, container }: SubscriberArgs<{ order_id: string }>) {
  await schedulePointsAvailabilityWorkflow(container).run({ input: { order_id: data.order_id } })
}

export const config: SubscriberConfig = { event: "order.fulfillment_created", context: { subscriberId: "membership-fulfillment-created" } }
