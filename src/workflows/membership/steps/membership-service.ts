import type { MedusaContainer } from "@medusajs/framework/types"
import { MEMBERSHIP_MODULE } from "../../../modules/membership"
import type MembershipModuleService from "../../../modules/membership/service"

export const membershipOf = (container: MedusaContainer) => container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)

/** The active member of a customer, or null (a guest, or a customer who never joined). */
export async function memberOfCustomer(container: MedusaContainer, customerId: string | null | undefined) {
  if (!customerId) return null
  const [m] = await membershipOf(container).listMembers({ customer_id: customerId, status: "active" }, { take: 1 })
  return m ?? null
}
