/** Limits against scalpers: units per member and per phone number, counting what they already hold. */
export type PresaleLimits = { per_member: number | null; per_phone: number | null }

export class PresaleLimitError extends Error {
  constructor(message: string, readonly code: string) {
    super(message)
  }
}

export function checkLimits(limits: PresaleLimits, held: { member: number; phone: number }, quantity: number): void {
  if (!Number.isInteger(quantity) || quantity < 1) throw new PresaleLimitError("quantity: a whole number of at least 1", "invalid_quantity")
  if (limits.per_member != null && held.member + quantity > limits.per_member) {
    throw new PresaleLimitError(`At most ${limits.per_member} per member; you hold ${held.member}`, "presale_member_limit")
  }
  if (limits.per_phone != null && held.phone + quantity > limits.per_phone) {
    throw new PresaleLimitError(`At most ${limits.per_phone} per phone number; this number holds ${held.phone}`, "presale_phone_limit")
  }
}
