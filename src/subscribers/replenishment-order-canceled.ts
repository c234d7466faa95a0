import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { reverseCanceledOrderDemandWorkflow } from "../workflows/replenishment"

/** order.canceled ({ id }): cancelOrderWorkflow. */
export default async function reverseCanceledOrderDemand({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await reverseCanceledOrderDemandWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "replenishment-order-canceled" },
}
