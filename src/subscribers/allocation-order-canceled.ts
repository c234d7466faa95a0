import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { releaseOrderAllocationWorkflow } from "../workflows/allocation"

/**
 * order.canceled ({ id }): the order's allocation is released — its unshipped allocation
 * transfers cancelled, shipped ones left to arrive unreserved, the record marked released.
 * Idempotent, so a replayed event changes nothing.
 */
export default async function releaseCanceledOrderAllocation({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await releaseOrderAllocationWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "allocation-order-canceled" },
}
