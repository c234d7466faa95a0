import { z } from "@medusajs/framework/zod"

const id = z.string().trim().min(1).max(100)
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date: must be YYYY-MM-DD")
const time = (what: string) => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, `${what}: must be HH:MM`)

export const AdminBuildDeliveryRuns = z
  .object({ depot: z.object({ shop_id: id.optional(), location_id: id.optional() }).strict(), date: date.optional() })
  .strict()

export const AdminListDeliveryRuns = z.object({
  depot_location_id: id.optional(),
  date: date.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})

export const AdminUpsertDepotFleet = z
  .object({
    location_id: id,
    vehicle_count: z.number().int().min(1, "vehicle_count: at least 1").max(500),
    capacity_units: z.number().int().min(1, "capacity_units: at least 1").max(1_000_000),
    capacity_volume: z.number().positive().max(1000).nullable().optional(),
    max_route_km: z.number().positive().max(5000).nullable().optional(),
    max_duration_minutes: z.number().int().positive().max(24 * 60).nullable().optional(),
    speed_kmh: z.number().min(5).max(120).optional(),
    service_minutes: z.number().int().min(0).max(240).optional(),
    available_from: time("available_from").optional(),
    available_until: time("available_until").nullable().optional(),
  })
  .strict()
