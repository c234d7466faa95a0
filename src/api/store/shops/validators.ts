import { z } from "@medusajs/framework/zod"

const asArray = (v: unknown) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])
// "lat=" must be an error, not latitude 0 (which z.coerce.number would make of it).
const coordinate = (min: number, max: number) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().min(min).max(max))

export const StoreListShops = z
  .object({
    lat: coordinate(-90, 90),
    lng: coordinate(-180, 180),
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
