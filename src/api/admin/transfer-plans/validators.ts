import { z } from "@medusajs/framework/zod"

const id = z.string().trim().min(1).max(100)
const money = (what: string) => z.number().min(0, `${what} must be ≥ 0`).max(1e9)

export const AdminCreateTransferPlan = z
  .object({
    territory_id: id.optional(),
    shop_ids: z.array(id).min(1).max(5000).optional(),
    variant_ids: z.array(id).min(1).max(1000).optional(),
    shortfall: z
      .array(z.object({ shop_id: id, variant_id: id, quantity: z.number().int("shortfall.quantity must be a whole number").min(1).max(1_000_000) }).strict())
      .min(1)
      .max(20_000)
      .optional(),
    cost: z
      .object({
        per_unit: money("cost.per_unit").optional(),
        per_km: money("cost.per_km").optional(),
        detour_factor: z.number().min(1, "cost.detour_factor must be ≥ 1").max(5).optional(),
        unmet_penalty: money("cost.unmet_penalty").optional(),
      })
      .strict()
      .optional(),
    options: z
      .object({
        method: z.enum(["colgen", "full", "greedy"]).optional(),
        max_sources_per_destination: z.number().int().min(1).max(50).optional(),
        time_budget_ms: z.number().int().min(100).max(60_000).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()

export const AdminListTransferPlans = z.object({
  status: z.enum(["proposed", "applied", "discarded"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})
