export type SlowMoverThresholds = {
  /** Weeks of sales history the rate and sell-through are measured over. */
  weeks: number
  /** Flag when the stock on hand lasts at least this many weeks at the recent rate. */
  minWeeksOfCover: number
  /** …and no more than this share of (sold + on hand) sold in the window. */
  maxSellThrough: number
}

export type SlowMoverInput = {
  onHand: number
  /** Net units sold over the window. */
  sold: number
}

export type SlowMoverVerdict = {
  /** On hand ÷ weekly rate; null when nothing sold in the window (cover without end). */
  weeks_of_cover: number | null
  /** sold ÷ (sold + on hand): the share of the window's stock that sold. */
  sell_through: number
  slow: boolean
}

const round2 = (x: number) => Math.round(x * 100) / 100

/**
 * A slow mover holds stock it won't sell soon: many weeks of cover at the recent rate and a low
 * sell-through. Nothing on hand is never slow (nothing to clear); no sales at all with stock is
 * the slowest case and counts as unlimited cover.
 */
export function classifySlowMover(input: SlowMoverInput, t: SlowMoverThresholds): SlowMoverVerdict {
  const onHand = Math.max(0, input.onHand)
  const sold = Math.max(0, input.sold)
  const weekly = sold / t.weeks
  const weeks_of_cover = weekly > 0 ? round2(onHand / weekly) : null
  const sell_through = sold + onHand > 0 ? round2(sold / (sold + onHand)) : 0
  const slow = onHand > 0 && (weeks_of_cover === null || weeks_of_cover >= t.minWeeksOfCover) && sell_through <= t.maxSellThrough
  return { weeks_of_cover, sell_through, slow }
}
