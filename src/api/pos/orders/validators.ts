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
  /** The member at the counter (from /pos/members/lookup): the sale is theirs and earns their points. */
  member_id: z.string().optional(),
  /** Points to take off the sale (the programme's block, cap and rate apply). */
  points: z.number().int().min(1).optional(),
  /** Coupon codes (the member's wallet codes or any Medusa promotion code). */
  coupon_codes: z.array(z.string().trim().min(1).max(60)).max(10).optional(),
}).superRefine((b, ctx) => {
  if (b.points && !b.member_id && !b.customer_id) ctx.addIssue({ code: "custom", path: ["points"], message: "points need the member (member_id)" })
})
export type PosCreateOrderType = z.infer<typeof PosCreateOrder>
