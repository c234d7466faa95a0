import { z } from "@medusajs/framework/zod"

export const StoreJoinMembership = z
  .object({
    // The version of the privacy notice the customer accepted (PIPL): required to join.
    consent_version: z.string().min(1).max(40),
    via: z.enum(["web", "mini_program", "douyin"]).default("web"),
    birthday: z.string().regex(/^\d{2}-\d{2}$/, "MM-DD").optional(),
  })
  .strict()
export type StoreJoinMembershipType = z.infer<typeof StoreJoinMembership>

export const StorePointsHistory = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
    kind: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => (v == null ? undefined : (Array.isArray(v) ? v : v.split(",")).filter(Boolean)))
      .pipe(z.array(z.enum(["earn", "redeem", "expire", "adjust", "reverse"])).optional()),
  })
  .strict()

export const StoreRedeemPoints = z.object({ points: z.number().int().positive() }).strict()
export type StoreRedeemPointsType = z.infer<typeof StoreRedeemPoints>
