import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { recordReturnDemandWorkflow } from "../workflows/replenishment"

/**
 * order.return_received ({ order_id, return_id }): confirmReturnReceiveWorkflow and
 * createAndCompleteReturnOrderWorkflow with receive_now.
 */
export default async function recordReturnDemand({
  event: { data },
  container,
}: SubscriberArgs<{ order_id: string; return_id: string }>) {
  await recordReturnDemandWorkflow(container).run({ input: { order_id: data.order_id, return_id: data.return_id } })
}

export const config: SubscriberConfig = {
  event: "order.return_received",
  context: { subscriberId: "replenishment-return-received" },
}
