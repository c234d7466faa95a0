import { z } from "@medusajs/framework/zod"
import { isValidTimeZone, validateClosures, validateOpeningHours } from "../../../lib/opening-hours"
import { SHOP_KINDS, SHOP_STATUSES } from "../../../lib/shop-kinds"


const addIssues = (
  ctx: z.RefinementCtx,
  result: { ok: true } | { ok: false; errors: { path: string; message: string }[] }
) => {
  if (result.ok) return
  for (const e of result.errors) ctx.addIssue({ code: "custom", message: `${e.path}: ${e.message}` })
}

const openingHours = z
  .unknown()
  .superRefine((v, ctx) => addIssues(ctx, validateOpeningHours(v)))
  .transform((v) => v as Record<string, { open: string; close: string }[]>)

const closures = z
  .unknown()
  .superRefine((v, ctx) => addIssues(ctx, validateClosures(v)))
  .transform((v) => v as { date: string; reason?: string }[])

const shopFields = {
  code: z.string().trim().min(1).max(32).regex(/^[A-Za-z0-9_-]+$/, "code: letters, digits, - and _ only"),
  name: z.string().trim().min(1).max(200),
  kind: z.enum(SHOP_KINDS),
  status: z.enum(SHOP_STATUSES),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  address: z.string().max(500).nullable(),
  city: z.string().trim().min(1).max(100),
  province: z.string().max(100).nullable(),
  phone: z.string().max(40).nullable(),
  floor_area_m2: z.number().int().min(0).max(1_000_000).nullable(),
  staff_count: z.number().int().min(0).max(100_000).nullable(),
  opening_hours: openingHours.nullable(),
  receiving_hours: openingHours.nullable(),
  closures: closures.nullable(),
  timezone: z.string().refine(isValidTimeZone, "timezone: must be an IANA time zone such as Asia/Shanghai"),
  territory_id: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()).nullable(),
}

export const AdminCreateShop = z.object({
  ...shopFields,
  kind: shopFields.kind.default("standard"),
  status: shopFields.status.default("planned"),
  timezone: shopFields.timezone.default("Asia/Shanghai"),
  address: shopFields.address.optional(),
  province: shopFields.province.optional(),
  phone: shopFields.phone.optional(),
  floor_area_m2: shopFields.floor_area_m2.optional(),
  staff_count: shopFields.staff_count.optional(),
  opening_hours: shopFields.opening_hours.optional(),
  receiving_hours: shopFields.receiving_hours.optional(),
  closures: shopFields.closures.optional(),
  territory_id: shopFields.territory_id.optional(),
  metadata: shopFields.metadata.optional(),
  sales_channel_ids: z.array(z.string()).optional(),
  pos_channel: z.boolean().optional(),
  pickup: z.boolean().optional(),
  additional_data: z.record(z.string(), z.unknown()).optional(),
})
export type AdminCreateShopType = z.infer<typeof AdminCreateShop>

export const AdminUpdateShop = z.object(
  Object.fromEntries(Object.entries(shopFields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof shopFields]: z.ZodOptional<(typeof shopFields)[K]>
  }
).extend({ additional_data: z.record(z.string(), z.unknown()).optional() })
export type AdminUpdateShopType = z.infer<typeof AdminUpdateShop>

const csvList = z.preprocess(
  (v) => (typeof v === "string" ? v.split(",") : v),
  z.array(z.string().min(1))
)

export const AdminListShops = z.object({
  q: z.string().optional(),
  territory_id: z.string().optional(),
  stock_location_id: csvList.optional(),
  city: csvList.optional(),
  kind: z.preprocess((v) => (typeof v === "string" ? v.split(",") : v), z.array(z.enum(SHOP_KINDS))).optional(),
  status: z.preprocess((v) => (typeof v === "string" ? v.split(",") : v), z.array(z.enum(SHOP_STATUSES))).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(20),
  offset: z.coerce.number().int().min(0).default(0),
  order: z.enum(["code", "-code", "name", "-name", "city", "-city", "created_at", "-created_at"]).default("code"),
})
export type AdminListShopsType = z.infer<typeof AdminListShops>

export const AdminImportShops = z.object({ csv: z.string().min(1).max(5_000_000) })

export const AdminIssuePosToken = z.object({ label: z.string().trim().min(1).max(100) })
