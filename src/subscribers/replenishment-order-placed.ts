import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { recordOrderDemandWorkflow } from "../workflows/replenishment"

/** order.placed ({ id }): completeCartWorkflow and draft-order conversion, online and POS alike. */
export default async function recordPlacedOrderDemand({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await recordOrderDemandWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "replenishment-order-placed" },
}
