import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { earnOrderPointsWorkflow } from "../workflows/membership"

/** order.placed ({ id }), online and at the till: points earned (pending) and the cart's held points spent. */
export default async function earnOrderPoints({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await earnOrderPointsWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = { event: "order.placed", context: { subscriberId: "membership-order-placed" } }
