import { z } from "@medusajs/framework/zod"

const id = z.string().trim().min(1).max(100)
const units = (what: string) => z.number().int(`${what} must be a whole number`).min(0, `${what} must be ≥ 0`).max(1_000_000)
const place = z.object({ shop_id: id.optional(), location_id: id.optional() }).strict()

export const AdminCreateTransfer = z
  .object({
    source: place,
    lines: z
      .array(
        z
          .object({
            destination: place,
            variant_id: id,
            quantity: z.number().int("lines.quantity must be a whole number").min(1, "lines.quantity must be ≥ 1").max(1_000_000),
            proposal_ids: z.array(id).max(100).optional(),
          })
          .strict()
      )
      .min(1, "lines: a transfer needs at least one line")
      .max(2000, "lines: at most 2,000 per transfer"),
    reason: z.string().max(500).nullable().optional(),
    note: z.string().max(2000).nullable().optional(),
    submit: z.boolean().optional(),
  })
  .strict()
export type AdminCreateTransferType = z.infer<typeof AdminCreateTransfer>

const reason = z.string().max(500).nullable().optional()

export const AdminTransferAction = z.object({ reason }).strict()

export const AdminApproveTransfer = z
  .object({ reason, lines: z.array(z.object({ id, quantity: units("lines.quantity") }).strict()).max(2000).optional() })
  .strict()

export const AdminShipTransfer = AdminApproveTransfer

export const AdminReceiveTransfer = z
  .object({
    reason,
    lines: z
      .array(
        z
          .object({
            id,
            received: units("lines.received").optional(),
            damaged: units("lines.damaged").optional(),
            rejected: units("lines.rejected").optional(),
          })
          .strict()
      )
      .min(1, "lines: give what arrived for at least one line")
      .max(2000),
  })
  .strict()

export const TRANSFER_STATUS_FILTER = ["draft", "requested", "approved", "in_transit", "partially_received", "received", "closed_short", "cancelled"] as const

export const AdminListTransfers = z.object({
  // One status or several, comma-separated: "in_transit,partially_received".
  status: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").map((x) => x.trim()).filter(Boolean) : undefined))
    .refine((v) => !v || v.every((x) => (TRANSFER_STATUS_FILTER as readonly string[]).includes(x)), `status: one or more of ${TRANSFER_STATUS_FILTER.join(", ")}`),
  source_location_id: id.optional(),
  destination_location_id: id.optional(),
  shop_id: id.optional(),
  q: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})
