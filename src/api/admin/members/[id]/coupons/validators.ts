import { z } from "@medusajs/framework/zod"

export const AdminGrantCoupon = z
  .object({
    /** The template promotion (e.g. a draft "¥20 off ¥100"): each grant copies it under its own code. */
    promotion_id: z.string().trim().min(1),
    expires_at: z.coerce.date().nullable().optional(),
  })
  .strict()
export type AdminGrantCouponType = z.infer<typeof AdminGrantCoupon>

export const AdminListCoupons = z
  .object({
    status: z.enum(["granted", "redeemed", "expired", "revoked"]).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
