import { z } from "@medusajs/framework/zod"

const id = z.string().trim().min(1).max(100)

const address = z
  .object({
    first_name: z.string().max(100).optional(),
    last_name: z.string().max(100).optional(),
    phone: z.string().max(40).optional(),
    address_1: z.string().max(300).optional(),
    address_2: z.string().max(300).optional(),
    city: z.string().max(100).optional(),
    province: z.string().max(100).optional(),
    postal_code: z.string().max(20).optional(),
    country_code: z.string().length(2).optional(),
  })
  .strict()

export const StoreReservePresale = z
  .object({
    item_id: id.optional(),
    variant_id: id.optional(),
    quantity: z.number().int("quantity must be a whole number").min(1, "quantity must be ≥ 1").max(100),
    shipping_address: address.optional(),
  })
  .strict()
  .refine((b) => !!b.item_id !== !!b.variant_id, { message: "give item_id or variant_id (one of them)" })
export type StoreReservePresaleType = z.infer<typeof StoreReservePresale>

export const StoreJoinWaitlist = z
  .object({ item_id: id.optional(), variant_id: id.optional(), quantity: z.number().int().min(1).max(100).default(1) })
  .strict()
  .refine((b) => !!b.item_id !== !!b.variant_id, { message: "give item_id or variant_id (one of them)" })
export type StoreJoinWaitlistType = z.infer<typeof StoreJoinWaitlist>

export const StorePayPresale = z.object({ provider_id: id.default("pp_system_default"), data: z.record(z.string(), z.unknown()).optional() }).strict()
export type StorePayPresaleType = z.infer<typeof StorePayPresale>
