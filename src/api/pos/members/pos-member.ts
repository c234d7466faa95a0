import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { normalizePhone, PhoneError } from "../../../lib/membership"
import { memberSummary } from "../../../workflows/membership/queries/member-view"

/** A phone typed at the till, in E.164, or a 400 naming the field. */
export function tillPhone(raw: string): string {
  try {
    return normalizePhone(raw)
  } catch (e) {
    if (e instanceof PhoneError) throw new MedusaError(MedusaError.Types.INVALID_DATA, e.message)
    throw e
  }
}

/**
 * What the till shows of a member: the summary with the phone masked (the screen faces the
 * queue), and the first name to greet them by.
 */
export async function tillView(container: MedusaContainer, memberId: string) {
  const member = await memberSummary(container, memberId, { maskPhones: true })
  const { data: [customer] } = await container
    .resolve(ContainerRegistrationKeys.QUERY)
    .graph({ entity: "customer", fields: ["id", "first_name"], filters: { id: member.customer_id } })
  return { ...member, first_name: (customer?.first_name as string | null) ?? null }
}
