import { z } from "@medusajs/framework/zod"
import { POS_PAYMENT_METHODS } from "../../../workflows/pos/create-pos-order"

export const PosCreateOrder = z.object({
  /** Optional: the till's shop is implied by its token; another shop's id is refused. */
  shop_id: z.string().optional(),
  items: z
    .array(z.object({ variant_id: z.string().min(1), quantity: z.number().int().min(1).max(10_000) }))
    .min(1)
    .max(200),
  payment_method: z.enum(POS_PAYMENT_METHODS),
  customer_id: z.string().optional(),
  email: z.string().email().optional(),
})
export type PosCreateOrderType = z.infer<typeof PosCreateOrder>
