/**
 * Tier windows of a presale campaign: ordered windows, each opening at its time for members of
 * its tier priority and above, with a share of the campaign's quantity. Unused quota rolls
 * forward: at any moment the campaign may have sold, in all, the shares of every window that
 * has opened (the last window — usually "everyone" — takes whatever is left). So one counter
 * ("sold") against one cap that only grows with time is the whole gate, which keeps the
 * atomic check (a Redis script or one conditional UPDATE) trivial.
 */
export type TierWindow = {
  id: string
  opens_at: Date | string
  /** Members whose tier's presale_priority is at least this may buy from this window on; 0 = everyone. */
  min_priority: number
  /** Share of the campaign's quantity this window adds (0–1); null on the last window = the rest. */
  share: number | null
}

export class PresaleWindowError extends Error {
  constructor(message: string, readonly code: string, readonly opens_at?: Date) {
    super(message)
  }
}

const at = (d: Date | string) => new Date(d).getTime()

/** Windows in order of opening; checks they make sense (shares within 0–1 and adding up to at most 1). */
export function orderedWindows(windows: TierWindow[]): TierWindow[] {
  if (!windows.length) throw new PresaleWindowError("windows: at least one", "invalid_windows")
  const sorted = [...windows].sort((a, b) => at(a.opens_at) - at(b.opens_at) || b.min_priority - a.min_priority)
  let total = 0
  sorted.forEach((w, i) => {
    if (Number.isNaN(at(w.opens_at))) throw new PresaleWindowError(`windows[${i}].opens_at: not a date`, "invalid_windows")
    if (w.share == null) {
      if (i !== sorted.length - 1) throw new PresaleWindowError(`windows[${i}].share: only the last window may take the rest`, "invalid_windows")
      return
    }
    if (!(w.share >= 0 && w.share <= 1)) throw new PresaleWindowError(`windows[${i}].share: between 0 and 1`, "invalid_windows")
    total += w.share
  })
  if (total > 1 + 1e-9) throw new PresaleWindowError(`windows: shares add up to ${Math.round(total * 100)} %, more than all of it`, "invalid_windows")
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].min_priority > sorted[i - 1].min_priority) {
      throw new PresaleWindowError(`windows[${i}]: a later window cannot ask for a higher tier than an earlier one`, "invalid_windows")
    }
  }
  return sorted
}

/** How many units may have been sold in all at `now`: the opened windows' shares, floored; the whole quantity once the last window with "the rest" opens. */
export function cumulativeCap(quantity: number, windows: TierWindow[], now: Date): number {
  let cap = 0
  for (const w of orderedWindows(windows)) {
    if (at(w.opens_at) > now.getTime()) break
    cap = w.share == null ? quantity : cap + w.share * quantity
  }
  return Math.min(quantity, Math.floor(cap + 1e-9))
}

/**
 * May a member of this tier priority buy now? The window that opened for them (the earliest they
 * qualify for), or a refusal naming when their window opens — or that no window is for them.
 */
export function windowFor(windows: TierWindow[], priority: number, now: Date): TierWindow {
  const mine = orderedWindows(windows).filter((w) => priority >= w.min_priority)
  if (!mine.length) throw new PresaleWindowError("This presale is not open to your membership tier", "presale_tier_excluded")
  const first = mine[0]
  if (at(first.opens_at) > now.getTime()) {
    throw new PresaleWindowError(`Your window opens at ${new Date(first.opens_at).toISOString()}`, "presale_window_not_open", new Date(first.opens_at))
  }
  return first
}

/** What the storefront shows: per window, whether it is open and how many units are left in the campaign's pool for it. */
export function windowsView(quantity: number, sold: number, windows: TierWindow[], now: Date) {
  const ordered = orderedWindows(windows)
  let cap = 0
  return ordered.map((w) => {
    cap = w.share == null ? quantity : cap + w.share * quantity
    const ceiling = Math.min(quantity, Math.floor(cap + 1e-9))
    const open = at(w.opens_at) <= now.getTime()
    return { id: w.id, opens_at: new Date(w.opens_at), open, min_priority: w.min_priority, remaining: Math.max(0, ceiling - sold) }
  })
}
