import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { reverseOrderPointsWorkflow } from "../workflows/membership"

/** order.return_received ({ order_id, return_id }): points earned on what came back are taken back, points spent on it credited. */
export default async function reverseReturnPoints({ event: { data }, container }: SubscriberArgs<{ order_id: string; return_id: string }>) {
  await reverseOrderPointsWorkflow(container).run({ input: { order_id: data.order_id, return_id: data.return_id } })
}

export const config: SubscriberConfig = { event: "order.return_received", context: { subscriberId: "membership-return-received" } }
