import { z } from "@medusajs/framework/zod"

const card = z.string().trim().min(4).max(64).regex(/^[A-Za-z0-9-]+$/, "letters, digits and -")

export const PosLookupMember = z
  .object({
    /** Any common format: 138 0013 8000, +86 138-0013-8000, 008613800138000. */
    phone: z.string().trim().min(1).max(40).optional(),
    card: card.optional(),
  })
  .strict()
  .refine((b) => !!b.phone !== !!b.card, { message: "give either phone or card", path: ["phone"] })
export type PosLookupMemberType = z.infer<typeof PosLookupMember>

export const PosEnrolMember = z
  .object({
    phone: z.string().trim().min(1).max(40),
    first_name: z.string().trim().min(1).max(60).optional(),
    /** A physical membership card handed over at the till. */
    card: card.optional(),
    /** "MM-DD", for the birthday coupon. */
    birthday: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "MM-DD").optional(),
    /** The privacy notice version the shopper agreed to at the counter (recorded as consent). */
    consent_version: z.string().trim().min(1).max(40).optional(),
  })
  .strict()
export type PosEnrolMemberType = z.infer<typeof PosEnrolMember>
