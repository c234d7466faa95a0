import { MedusaError } from "@medusajs/framework/utils"
import { normalizePhone, PhoneError } from "../../../../../lib/membership"

export function phoneOf(raw: string): string {
  try {
    return normalizePhone(raw)
  } catch (e) {
    if (e instanceof PhoneError) throw new MedusaError(MedusaError.Types.INVALID_DATA, e.message)
    throw e
  }
}
