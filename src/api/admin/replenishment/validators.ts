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

const placeFilters = {
  shop_id: id.optional(),
  location_id: id.optional(),
  territory_id: id.optional(),
  variant_id: id.optional(),
}

export const AdminListProposals = z.object({
  ...placeFilters,
  status: z.enum(["open", "approved", "dismissed", "closed", "consumed"]).default("open"),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})

export const AdminDecideProposals = z
  .object({ ids: z.array(id).min(1, "ids: give at least one proposal id").max(1000, "ids: at most 1,000 per call") })
  .strict()

export const AdminRefreshProposals = z.object(placeFilters).strict()

export const AdminListSlowMovers = z.object({
  shop_id: id.optional(),
  location_id: id.optional(),
  territory_id: id.optional(),
  weeks: z.coerce.number().int().min(1).max(26).default(8),
  min_weeks_of_cover: z.coerce.number().min(1).max(520).default(12),
  max_sell_through: z.coerce.number().min(0).max(1).default(0.2),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})

export const AdminCreateClearance = z
  .object({
    shop_id: id,
    variant_ids: z.array(id).min(1, "variant_ids: give at least one variant").max(500, "variant_ids: at most 500 per promotion"),
    percentage: z.number().min(1, "percentage: at least 1").max(90, "percentage: at most 90"),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict()

export const AdminSeriesQuery = z.object({
  variant_id: id,
  location_id: id,
  days: z.coerce.number().int().min(7).max(730).default(90),
})
