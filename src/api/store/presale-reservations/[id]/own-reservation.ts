import type { MedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { presaleOf } from "../../../../workflows/presale"
import { requireCustomer } from "../../presales/store-presale"

/** The caller's reservation; another customer's is as good as missing. */
export async function ownReservation(req: MedusaRequest) {
  const customerId = requireCustomer(req)
  const [r] = await presaleOf(req.scope).listPresaleReservations({ id: req.params.id, customer_id: customerId } as any, { take: 1 })
  if (!r) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Presale reservation ${req.params.id} was not found`)
  return r as any
}
