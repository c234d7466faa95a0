import { z } from "@medusajs/framework/zod"

const id = z.string().trim().min(1).max(100)
const when = z.coerce.date()
const units = (what: string) => z.number().int(`${what} must be a whole number`).min(1, `${what} must be ≥ 1`).max(10_000_000)
const yuan = (what: string) => z.number().min(0, `${what} must be ≥ 0`).max(10_000_000)

const window = z
  .object({ opens_at: when, tier_id: id.nullable().optional(), share: z.number().min(0).max(1).nullable().optional(), label: z.string().max(100).nullable().optional() })
  .strict()

export const AdminCreatePresale = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().max(5000).nullable().optional(),
    region_id: id.optional(),
    status: z.enum(["draft", "active"]).optional(),
    payment_mode: z.enum(["full", "deposit"]).optional(),
    deposit: yuan("deposit").nullable().optional(),
    deposit_value: yuan("deposit_value").nullable().optional(),
    balance_opens_at: when.nullable().optional(),
    balance_closes_at: when.nullable().optional(),
    ship_date: when,
    shipping_option_id: id.nullable().optional(),
    supply_kind: z.enum(["purchase_order", "expected_arrival", "stock_at_location"]).optional(),
    supply_reference: z.string().max(200).nullable().optional(),
    supply_expected_at: when.nullable().optional(),
    supply_location_id: id.nullable().optional(),
    per_member_limit: units("per_member_limit").nullable().optional(),
    per_phone_limit: units("per_phone_limit").nullable().optional(),
    channel_caps: z.record(z.string(), z.number().int().min(0)).nullable().optional(),
    payment_ttl_minutes: z.number().int().min(1).max(7 * 24 * 60).optional(),
    cancel_refund: z.enum(["full", "keep_deposit"]).optional(),
    buckets: z.number().int().min(1).max(64).optional(),
    items: z.array(z.object({ variant_id: id, quantity: units("items.quantity"), price: yuan("items.price") }).strict()).min(1).max(100),
    windows: z.array(window).min(1).max(20),
  })
  .strict()
export type AdminCreatePresaleType = z.infer<typeof AdminCreatePresale>

export const AdminUpdatePresale = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(5000).nullable().optional(),
    status: z.enum(["draft", "active", "closed", "canceled"]).optional(),
    ship_date: when.optional(),
    shipping_option_id: id.nullable().optional(),
    supply_kind: z.enum(["purchase_order", "expected_arrival", "stock_at_location"]).optional(),
    supply_reference: z.string().max(200).nullable().optional(),
    supply_expected_at: when.nullable().optional(),
    supply_location_id: id.nullable().optional(),
    payment_ttl_minutes: z.number().int().min(1).max(7 * 24 * 60).optional(),
    per_member_limit: units("per_member_limit").nullable().optional(),
    per_phone_limit: units("per_phone_limit").nullable().optional(),
    quantities: z.array(z.object({ variant_id: id, quantity: units("quantities.quantity") }).strict()).max(100).optional(),
    windows: z.array(window).min(1).max(20).optional(),
  })
  .strict()
export type AdminUpdatePresaleType = z.infer<typeof AdminUpdatePresale>

const page = { limit: z.coerce.number().int().min(1).max(200).default(20), offset: z.coerce.number().int().min(0).default(0) }

export const AdminListPresales = z.object({ ...page, status: z.enum(["draft", "active", "closed", "canceled"]).optional(), variant_id: id.optional(), q: z.string().max(100).optional() }).strict()
export type AdminListPresalesType = z.infer<typeof AdminListPresales>

export const AdminListPresaleReservations = z
  .object({
    ...page,
    status: z.enum(["reserved", "deposit_paid", "paid", "converted", "expired", "canceled", "forfeited"]).optional(),
    tier_priority: z.coerce.number().int().optional(),
    customer_id: id.optional(),
  })
  .strict()
export type AdminListPresaleReservationsType = z.infer<typeof AdminListPresaleReservations>

export const AdminConvertPresale = z.object({ limit: z.number().int().min(1).max(5000).optional() }).strict()

export const AdminCancelPresale = z
  .object({
    reason: z.string().trim().max(500).nullable().optional(),
    /** Reservations this call cancels at most (the rest: the next call, or the lifecycle job within a minute). */
    limit: z.number().int().min(1).max(5000).optional(),
  })
  .strict()
export type AdminCancelPresaleType = z.infer<typeof AdminCancelPresale>
