import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { normalizePhone } from "../../../lib/membership/phone"
import { membershipOf, memberOfCustomer } from "../../membership/steps/membership-service"

export type PresaleBuyer = {
  customer_id: string
  member_id: string | null
  /** The tier's presale_priority; 0 for a customer who is not a member. */
  tier_priority: number
  tier_id: string | null
  /** A verified phone (the member's phone identity), else the customer's own phone. */
  phone: string | null
  email: string | null
}

/** Who is buying, as the tier windows and limits see them. */
export async function resolvePresaleBuyer(container: MedusaContainer, customerId: string): Promise<PresaleBuyer> {
  const member: any = await memberOfCustomer(container, customerId)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id", "email", "phone"], filters: { id: member?.customer_id ?? customerId } })
  const customer: any = data[0]
  let priority = 0
  let phone: string | null = null
  if (member) {
    const membership = membershipOf(container)
    const [tier, identities] = await Promise.all([
      member.tier_id ? membership.retrieveMemberTier(member.tier_id).catch(() => null) : null,
      membership.listMemberIdentities({ member_id: member.id, kind: "phone" } as any, { take: 1 }),
    ])
    priority = Number((tier as any)?.presale_priority ?? 0)
    phone = (identities[0] as any)?.value ?? null
  }
  return {
    customer_id: member?.customer_id ?? customerId,
    member_id: member?.id ?? null,
    tier_priority: priority,
    tier_id: member?.tier_id ?? null,
    phone: phone ?? customerPhone(customer?.phone),
    email: customer?.email ?? null,
  }
}

/** A customer's own phone in the form member identities use, so one number counts once. */
function customerPhone(raw: string | null | undefined): string | null {
  if (!raw) return null
  try {
    return normalizePhone(raw)
  } catch {
    return null
  }
}
