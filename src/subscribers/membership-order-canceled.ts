import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { reverseOrderPointsWorkflow } from "../workflows/membership"

/** order.canceled ({ id }): every point the order earned is taken back and every point spent on it credited back. */
export default async function reverseCanceledOrderPoints({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await reverseOrderPointsWorkflow(container).run({ input: { order_id: data.id, cancel: true } })
}

export const config: SubscriberConfig = { event: "order.canceled", context: { subscriberId: "membership-order-canceled" } }
