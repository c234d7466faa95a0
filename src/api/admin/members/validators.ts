import { z } from "@medusajs/framework/zod"

const page = { limit: z.coerce.number().int().min(1).max(200).default(20), offset: z.coerce.number().int().min(0).default(0) }

export const AdminListMembers = z
  .object({
    // Any identity (a phone in any common format, an openid, a card number), an email, a name, a member id.
    q: z.string().trim().min(1).max(200).optional(),
    tier_id: z.string().optional(),
    // The member of one Medusa customer (the customer page's widget); not together with q.
    customer_id: z.string().min(1).optional(),
    ...page,
  })
  .strict()
  .refine((v) => !(v.q && v.customer_id), { path: ["customer_id"], message: "pick q or customer_id, not both" })

export const AdminMemberPoints = z
  .object({
    ...page,
    kind: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => (v == null ? undefined : (Array.isArray(v) ? v : v.split(",")).filter(Boolean)))
      .pipe(z.array(z.enum(["earn", "redeem", "expire", "adjust", "reverse"])).optional()),
  })
  .strict()

export const AdminAdjustPoints = z
  .object({
    points: z.number().int().refine((n) => n !== 0, "must not be 0"),
    reason: z.string().trim().min(3, "say why (at least 3 characters)").max(500),
  })
  .strict()
export type AdminAdjustPointsType = z.infer<typeof AdminAdjustPoints>

const money = z.number().min(0).nullable()

export const AdminUpsertTier = z
  .object({
    code: z.string().trim().regex(/^[a-z0-9_-]{1,40}$/, "lower-case letters, digits, - and _"),
    name: z.string().trim().min(1).max(40),
    name_en: z.string().trim().max(40).nullable().optional(),
    rank: z.number().int().min(0).max(100),
    qualify_spend: money.optional(),
    qualify_points: z.number().int().min(0).nullable().optional(),
    points_multiplier: z.number().min(0).max(20).default(1),
    customer_group_id: z.string().nullable().optional(),
    free_shipping_threshold: money.optional(),
    presale_priority: z.number().int().min(0).max(100).default(0),
    birthday_promotion_id: z.string().nullable().optional(),
  })
  .strict()
export type AdminUpsertTierType = z.infer<typeof AdminUpsertTier>
export const AdminUpdateTier = AdminUpsertTier.partial().strict()

export const AdminUpsertEarnRule = z
  .object({
    name: z.string().trim().min(1).max(80),
    kind: z.enum(["base", "bonus"]),
    points_per_yuan: z.number().min(0).max(1000).nullable().optional(),
    multiplier: z.number().min(1).max(20).nullable().optional(),
    sales_channel_id: z.string().nullable().optional(),
    category_id: z.string().nullable().optional(),
    shop_id: z.string().nullable().optional(),
    weekdays: z.array(z.number().int().min(1).max(7)).max(7).nullable().optional(),
    month_days: z.array(z.number().int().min(1).max(31)).max(31).nullable().optional(),
    starts_at: z.coerce.date().nullable().optional(),
    ends_at: z.coerce.date().nullable().optional(),
    active: z.boolean().default(true),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.kind === "base" && r.points_per_yuan == null) ctx.addIssue({ code: "custom", path: ["points_per_yuan"], message: "a base rule needs points_per_yuan" })
    if (r.kind === "bonus" && r.multiplier == null) ctx.addIssue({ code: "custom", path: ["multiplier"], message: "a bonus rule needs a multiplier" })
    if (r.starts_at && r.ends_at && r.ends_at <= r.starts_at) ctx.addIssue({ code: "custom", path: ["ends_at"], message: "must be after starts_at" })
  })
export type AdminUpsertEarnRuleType = z.infer<typeof AdminUpsertEarnRule>

export const AdminUpdateProgram = z
  .object({
    downgrade_policy: z.enum(["one_step", "recompute"]).optional(),
    grace_days: z.number().int().min(0).max(365).optional(),
    return_window_days: z.record(z.string(), z.number().int().min(0).max(365)).optional(),
    expiry: z
      .discriminatedUnion("kind", [
        z.object({ kind: z.literal("end_of_year_after_next") }),
        z.object({ kind: z.literal("days"), days: z.number().int().min(1).max(3650) }),
        z.object({ kind: z.literal("never") }),
      ])
      .optional(),
    redeem_points_per_yuan: z.number().int().min(1).max(100000).optional(),
    redeem_block: z.number().int().min(1).max(100000).optional(),
    redeem_max_share: z.number().gt(0).max(1).optional(),
    consent_version: z.string().trim().min(1).max(40).optional(),
  })
  .strict()
export type AdminUpdateProgramType = z.infer<typeof AdminUpdateProgram>
