import type { MedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { memberOfCustomer } from "../../../workflows/membership/steps/membership-service"

export const customerIdOf = (req: MedusaRequest): string => {
  const id = (req as any).auth_context?.actor_id as string | undefined
  if (!id) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Sign in as a customer first")
  return id
}

/** The signed-in customer's member, or 404 saying how to join. */
export async function requireMember(req: MedusaRequest) {
  const member = await memberOfCustomer(req.scope, customerIdOf(req))
  if (!member) throw new MedusaError(MedusaError.Types.NOT_FOUND, "You are not a member yet: POST /store/members to join")
  return member
}
