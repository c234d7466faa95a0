/**
 * Phone numbers as one canonical string (E.164, "+8613812345678"), so that "138 1234 5678",
 * "+86 138-1234-5678" and "008613812345678" find the same member.
 */
export class PhoneError extends Error {}

const CN_MOBILE = /^1[3-9]\d{9}$/

export function normalizePhone(input: string, defaultCountryCode = "86"): string {
  const raw = String(input ?? "").trim()
  if (!raw) throw new PhoneError("phone: required")
  if (/[^\d\s()+\-.]/.test(raw)) throw new PhoneError(`phone: "${raw}" has characters a phone number cannot have`)
  let digits = raw.replace(/[^\d+]/g, "")
  if (digits.lastIndexOf("+") > 0) throw new PhoneError(`phone: "${raw}" has a "+" in the middle`)
  if (digits.startsWith("+")) digits = digits.slice(1)
  else if (digits.startsWith("00")) digits = digits.slice(2)
  else digits = defaultCountryCode + digits.replace(/^0+/, "")
  if (digits.startsWith("86")) {
    const national = digits.slice(2)
    if (!CN_MOBILE.test(national)) throw new PhoneError(`phone: "${raw}" is not a mainland China mobile number (11 digits starting 13–19)`)
    return `+86${national}`
  }
  if (!/^[1-9]\d{7,14}$/.test(digits)) throw new PhoneError(`phone: "${raw}" is not a valid international number`)
  return `+${digits}`
}

/** "+86138****5678": what an admin list or a receipt shows. */
export function maskPhone(e164: string): string {
  if (e164.length < 8) return "****"
  return `${e164.slice(0, e164.length - 8)}****${e164.slice(-4)}`
}
