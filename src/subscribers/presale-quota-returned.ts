import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { promoteWaitlist } from "../workflows/presale"

/** presale.quota_returned: units came back (expiry, cancellation, forfeit) — the waitlist gets them first. */
export default async function promoteOnQuotaReturned({ event: { data }, container }: SubscriberArgs<{ campaign_id: string }>) {
  await promoteWaitlist(container, data.campaign_id)
}

export const config: SubscriberConfig = { event: "presale.quota_returned", context: { subscriberId: "presale-waitlist" } }
