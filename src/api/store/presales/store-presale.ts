import type { MedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { resolvePresaleBuyer } from "../../../workflows/presale/steps/resolve-buyer"

/** The storefront's sales channel: the publishable key's first. */
export function salesChannelOf(req: MedusaRequest): string {
  const id = (req as any).publishable_key_context?.sales_channel_ids?.[0] as string | undefined
  if (!id) throw new MedusaError(MedusaError.Types.INVALID_DATA, "The publishable key has no sales channel")
  return id
}

export const signedInCustomer = (req: MedusaRequest): string | null => ((req as any).auth_context?.actor_id as string | undefined) ?? null

export function requireCustomer(req: MedusaRequest): string {
  const id = signedInCustomer(req)
  if (!id) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Sign in as a customer first")
  return id
}

/** The caller's tier priority for the windows view, null for a visitor. */
export async function callerPriority(req: MedusaRequest): Promise<number | null> {
  const id = signedInCustomer(req)
  return id ? (await resolvePresaleBuyer(req.scope, id)).tier_priority : null
}
