import { z } from "@medusajs/framework/zod"

const id = z.string().trim().min(1).max(100)

export const AdminEnqueueForecastRun = z
  .object({
    location_id: id.optional(),
    shop_id: id.optional(),
    territory_id: id.optional(),
    variant_id: id.optional(),
  })
  .strict()

export const AdminListForecastRuns = z.object({
  status: z.enum(["queued", "running", "completed", "failed", "canceled"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})

export const POLICY_STATUSES = ["below_reorder_point"] as const

export const AdminListPolicies = z.object({
  shop_id: id.optional(),
  location_id: id.optional(),
  territory_id: id.optional(),
  variant_id: id.optional(),
  demand_class: z.enum(["smooth", "erratic", "intermittent", "lumpy", "none"]).optional(),
  status: z.enum(POLICY_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})

const level = z.number().int().min(0).max(1_000_000_000)

export const AdminUpdatePolicy = z
  .object({
    override_min: level.nullable().optional(),
    override_max: level.nullable().optional(),
    frozen: z.boolean().optional(),
    service_level_target: z.number().gt(0).lt(1).nullable().optional(),
    service_level_type: z.enum(["cycle", "fill_rate"]).optional(),
  })
  .strict()

export type AdminUpdatePolicyType = z.infer<typeof AdminUpdatePolicy>
