import { z } from "@medusajs/framework/zod"

const id = z.string().trim().min(1).max(100)

/** POST /admin/replenishment/targets: one target per scope and class filter (a repeat updates it). */
export const AdminUpsertServiceTarget = z
  .object({
    territory_id: id.nullable().optional(),
    category_id: id.nullable().optional(),
    abc_class: z.enum(["A", "B", "C"]).nullable().optional(),
    xyz_class: z.enum(["X", "Y", "Z"]).nullable().optional(),
    level: z.number().gt(0).lt(1),
    type: z.enum(["cycle", "fill_rate"]).default("cycle"),
  })
  .strict()

export type AdminUpsertServiceTargetType = z.infer<typeof AdminUpsertServiceTarget>

export const AdminListServiceTargets = z.object({
  territory_id: id.optional(),
  category_id: id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})
