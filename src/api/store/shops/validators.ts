import { z } from "@medusajs/framework/zod"

const asArray = (v: unknown) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])

export const StoreListShops = z
  .object({
    lat: z.coerce.number().min(-90).max(90),
    lng: z.coerce.number().min(-180).max(180),
    radius_km: z.coerce.number().positive().max(500).default(20),
    variant_id: z.preprocess(asArray, z.array(z.string().min(1)).max(20)).optional(),
    quantity: z.coerce.number().int().min(1).max(100_000).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .refine((q) => q.quantity === undefined || (q.variant_id?.length ?? 0) > 0, {
    message: "quantity needs at least one variant_id",
    path: ["quantity"],
  })
export type StoreListShopsType = z.infer<typeof StoreListShops>
