/**
 * How many points a cart may take as a discount: whole blocks only (e.g. 100 points = ¥1), no
 * more than the member can spend, and no more than a share of the cart (so a cart is never
 * paid entirely in points unless the merchant says so).
 */
export type RedemptionConfig = {
  /** Points per CNY of discount. */
  points_per_yuan: number
  /** Points are redeemed in multiples of this. */
  block: number
  /** At most this share of the cart's total (0–1). */
  max_share: number
}

export class RedemptionError extends Error {
  constructor(message: string, readonly code: string) {
    super(message)
  }
}

export function redeemablePoints(requested: number, spendable: number, cartTotal: number, cfg: RedemptionConfig): { points: number; amount: number } {
  if (!Number.isInteger(requested) || requested <= 0) throw new RedemptionError("points: a whole number above 0", "invalid_points")
  if (requested % cfg.block !== 0) throw new RedemptionError(`points: redeemed in blocks of ${cfg.block}`, "points_block")
  if (requested > spendable) throw new RedemptionError(`points: ${requested} asked, ${Math.max(0, spendable)} available`, "insufficient_points")
  const capYuan = Math.floor(cartTotal * cfg.max_share * 100) / 100
  const capPoints = Math.floor((capYuan * cfg.points_per_yuan) / cfg.block + 1e-9) * cfg.block
  if (requested > capPoints) {
    throw new RedemptionError(
      `points: at most ${capPoints} on this cart (${Math.round(cfg.max_share * 100)} % of ¥${cartTotal.toFixed(2)})`,
      "points_cap_exceeded"
    )
  }
  return { points: requested, amount: Math.round((requested / cfg.points_per_yuan) * 100) / 100 }
}
