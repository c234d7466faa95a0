import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { markCouponsRedeemedWorkflow } from "../workflows/membership/coupons"

/** order.placed ({ id }), online and at the till: the member's coupons the order used are marked redeemed. */
export default async function markCouponsRedeemed({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await markCouponsRedeemedWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = { event: "order.placed", context: { subscriberId: "membership-coupon-redeemed" } }
