/**
 * Points earned on an order, line by line. A base rule sets the rate (points per CNY paid) and
 * the most specific one wins — shop over category over channel over the default; bonus rules
 * (member day, a campaign) multiply it, the largest one only, so two bonuses never compound by
 * accident; the member's tier multiplier applies on top. Lines are floored one by one, which
 * keeps a later return's reversal exact per line.
 */
export type EarnRule = {
  id: string
  kind: "base" | "bonus"
  /** Base rules: points per CNY paid. */
  points_per_yuan?: number | null
  /** Bonus rules: the factor on the base points. */
  multiplier?: number | null
  sales_channel_id?: string | null
  category_id?: string | null
  shop_id?: string | null
  /** ISO weekdays (1 = Monday … 7 = Sunday) in the shop's time zone; empty = every day. */
  weekdays?: number[] | null
  /** Days of the month (1–31); empty = every day. */
  month_days?: number[] | null
  starts_at?: Date | string | null
  ends_at?: Date | string | null
}

export type EarnLine = { id: string; amount: number; category_ids: string[] }

export type EarnContext = {
  sales_channel_id: string | null
  shop_id: string | null
  /** The business date where the sale happened, "YYYY-MM-DD". */
  business_date: string
  at: Date
  tier_multiplier: number
}

export type EarnedLine = { line_id: string; amount: number; points: number; base_rule_id: string | null; bonus_rule_id: string | null }

const specificity = (r: EarnRule) => (r.shop_id ? 4 : 0) + (r.category_id ? 2 : 0) + (r.sales_channel_id ? 1 : 0)

const isoWeekday = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay()
  return d === 0 ? 7 : d
}

function matches(r: EarnRule, line: EarnLine, ctx: EarnContext): boolean {
  if (r.sales_channel_id && r.sales_channel_id !== ctx.sales_channel_id) return false
  if (r.shop_id && r.shop_id !== ctx.shop_id) return false
  if (r.category_id && !line.category_ids.includes(r.category_id)) return false
  if (r.weekdays?.length && !r.weekdays.includes(isoWeekday(ctx.business_date))) return false
  if (r.month_days?.length && !r.month_days.includes(Number(ctx.business_date.slice(8, 10)))) return false
  if (r.starts_at && new Date(r.starts_at) > ctx.at) return false
  if (r.ends_at && new Date(r.ends_at) <= ctx.at) return false
  return true
}

const better = (a: EarnRule | null, b: EarnRule) => (!a || specificity(b) > specificity(a) || (specificity(b) === specificity(a) && b.id < a.id) ? b : a)

export function earnPoints(lines: EarnLine[], rules: EarnRule[], ctx: EarnContext): { lines: EarnedLine[]; points: number } {
  const out = lines.map((line) => {
    let base: EarnRule | null = null
    let bonus: EarnRule | null = null
    for (const r of rules) {
      if (!matches(r, line, ctx)) continue
      if (r.kind === "base") base = better(base, r)
      else if (!bonus || Number(r.multiplier ?? 1) > Number(bonus.multiplier ?? 1)) bonus = r
    }
    const rate = Number(base?.points_per_yuan ?? 0)
    const factor = Math.max(1, Number(bonus?.multiplier ?? 1)) * ctx.tier_multiplier
    // A tiny epsilon keeps 19.99 × 100 from flooring to 1998.
    const points = Math.max(0, Math.floor(line.amount * rate * factor + 1e-9))
    return { line_id: line.id, amount: line.amount, points, base_rule_id: base?.id ?? null, bonus_rule_id: bonus?.id ?? null }
  })
  return { lines: out, points: out.reduce((s, l) => s + l.points, 0) }
}

/**
 * Points to take back on a line when, counting this return, `returnedSoFar` of its `quantity`
 * units have come back: the proportional share of what it earned, less what earlier returns
 * already took. Cumulative, so three single-unit returns of a 3-unit line take back exactly
 * what it earned, never a point more or less.
 */
export function pointsToReverse(earned: number, quantity: number, returnedSoFar: number, alreadyReversed: number): number {
  if (quantity <= 0 || earned <= 0) return 0
  const share = Math.floor((earned * Math.min(quantity, Math.max(0, returnedSoFar))) / quantity)
  return Math.max(0, share - alreadyReversed)
}
