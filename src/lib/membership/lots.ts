/**
 * Points are spent and expire lot by lot: every credit to the ledger is a lot with what is left
 * of it and when that expires. Redemption takes the lots that expire first (then the oldest), so
 * a member never loses points they could have spent.
 */
export type Lot = { id: string; remaining: number; expires_at: Date | string | null; created_at: Date | string }

export type LotTake = { lot_id: string; points: number }

const time = (d: Date | string | null) => (d == null ? Number.POSITIVE_INFINITY : new Date(d).getTime())

export function spendOrder<T extends Lot>(lots: T[]): T[] {
  return [...lots].sort((a, b) => time(a.expires_at) - time(b.expires_at) || time(a.created_at) - time(b.created_at) || (a.id < b.id ? -1 : 1))
}

/** Which lots pay for `points`; `short` is what they could not cover (the caller decides if that is allowed). */
export function takeFromLots(lots: Lot[], points: number): { takes: LotTake[]; short: number } {
  const takes: LotTake[] = []
  let left = points
  for (const lot of spendOrder(lots)) {
    if (left <= 0) break
    const n = Math.min(lot.remaining, left)
    if (n > 0) {
      takes.push({ lot_id: lot.id, points: n })
      left -= n
    }
  }
  return { takes, short: Math.max(0, left) }
}

export type ExpiryPolicy = { kind: "end_of_year_after_next" } | { kind: "days"; days: number } | { kind: "never" }

/**
 * When points earned at `at` expire. "end_of_year_after_next": points earned any day of 2026
 * expire at the end of 31 Dec 2027 in the chain's time zone (UTC offset in minutes, +480 for
 * China, which keeps no daylight saving).
 */
export function expiresAt(at: Date, policy: ExpiryPolicy, utcOffsetMinutes = 480): Date | null {
  if (policy.kind === "never") return null
  if (policy.kind === "days") return new Date(at.getTime() + policy.days * 86_400_000)
  const localYear = new Date(at.getTime() + utcOffsetMinutes * 60_000).getUTCFullYear()
  return new Date(Date.UTC(localYear + 2, 0, 1) - utcOffsetMinutes * 60_000)
}
