import type { MedusaContainer } from "@medusajs/framework/types"
import { MEMBERSHIP_MODULE } from "../../../modules/membership"
import type MembershipModuleService from "../../../modules/membership/service"

export const membershipOf = (container: MedusaContainer) => container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)

/**
 * The active member of a customer, or null (a guest, or a customer who never joined). A customer
 * whose member was merged into another person's is that survivor: an order placed with a
 * session from before the merge still earns for the member who is left.
 */
export async function memberOfCustomer(container: MedusaContainer, customerId: string | null | undefined) {
  if (!customerId) return null
  const membership = membershipOf(container)
  let [m] = await membership.listMembers({ customer_id: customerId }, { take: 1 })
  for (let hops = 0; m?.status === "merged" && m.merged_into_id && hops < 5; hops++) {
    m = await membership.retrieveMember(m.merged_into_id).catch(() => undefined as any)
  }
  return m?.status === "active" ? m : null
}
