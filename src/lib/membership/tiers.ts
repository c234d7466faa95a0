/**
 * The tier ladder: which tier a member's last 12 months qualify for, how far the next one is,
 * and where an anniversary review lands. Upgrades happen as soon as a member qualifies;
 * downgrades only at the anniversary, by the ladder's policy.
 */
export type TierRung = {
  id: string
  rank: number
  /** Spend (CNY, in the rolling 12 months) that qualifies; null = not by spend. */
  qualify_spend: number | null
  /** Points earned in the rolling 12 months that qualify; null = not by points. */
  qualify_points: number | null
}

export type QualifyingActivity = { spend: number; points: number }

export type DowngradePolicy = "one_step" | "recompute"

const byRank = <T extends TierRung>(ladder: T[]) => [...ladder].sort((a, b) => a.rank - b.rank)

const qualifies = (t: TierRung, a: QualifyingActivity) =>
  (t.qualify_spend == null && t.qualify_points == null) ||
  (t.qualify_spend != null && a.spend >= t.qualify_spend) ||
  (t.qualify_points != null && a.points >= t.qualify_points)

/** The highest tier the activity qualifies for (the lowest rung when nothing else does). */
export function qualifyingTier<T extends TierRung>(ladder: T[], activity: QualifyingActivity): T {
  const rungs = byRank(ladder)
  if (!rungs.length) throw new Error("the tier ladder is empty")
  let best = rungs[0]
  for (const t of rungs) if (qualifies(t, activity)) best = t
  return best
}

/** After new activity: a higher qualifying tier replaces the current one at once; never lower. */
export function tierAfterActivity<T extends TierRung>(ladder: T[], currentId: string | null, activity: QualifyingActivity): T {
  const rungs = byRank(ladder)
  const current = rungs.find((t) => t.id === currentId)
  const earned = qualifyingTier(rungs, activity)
  return current && current.rank >= earned.rank ? current : earned
}

/**
 * At the anniversary: keep the tier if the window still qualifies for it; otherwise "one_step"
 * goes one rung down (never below what the window qualifies for), "recompute" goes straight to
 * what the window qualifies for.
 */
export function tierAtAnniversary<T extends TierRung>(ladder: T[], currentId: string | null, activity: QualifyingActivity, policy: DowngradePolicy): T {
  const rungs = byRank(ladder)
  const earned = qualifyingTier(rungs, activity)
  const i = rungs.findIndex((t) => t.id === currentId)
  if (i < 0 || earned.rank >= rungs[i].rank) return earned
  if (policy === "recompute") return earned
  const oneDown = rungs[Math.max(0, i - 1)]
  return oneDown.rank >= earned.rank ? oneDown : earned
}

export type TierProgress = {
  next_tier_id: string | null
  spend_needed: number | null
  points_needed: number | null
}

/** What the member still needs for the next rung (either criterion qualifies). */
export function progressToNext(ladder: TierRung[], currentId: string | null, activity: QualifyingActivity): TierProgress {
  const rungs = byRank(ladder)
  const i = rungs.findIndex((t) => t.id === currentId)
  const next = rungs[i + 1]
  if (!next) return { next_tier_id: null, spend_needed: null, points_needed: null }
  const gap = (target: number | null, have: number) => (target == null ? null : Math.max(0, Math.round((target - have) * 100) / 100))
  return { next_tier_id: next.id, spend_needed: gap(next.qualify_spend, activity.spend), points_needed: gap(next.qualify_points, activity.points) }
}

/** The member's next anniversary strictly after `now` (same month/day as joining; 29 Feb → 28 Feb). */
export function nextAnniversary(joinedAt: Date, now: Date): Date {
  for (let year = now.getUTCFullYear(); ; year++) {
    const lastDay = new Date(Date.UTC(year, joinedAt.getUTCMonth() + 1, 0)).getUTCDate()
    const d = new Date(
      Date.UTC(year, joinedAt.getUTCMonth(), Math.min(joinedAt.getUTCDate(), lastDay), joinedAt.getUTCHours(), joinedAt.getUTCMinutes(), joinedAt.getUTCSeconds())
    )
    if (d > now) return d
  }
}
