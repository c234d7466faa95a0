/**
 * Deposit (定金) and balance (尾款) as Chinese presales run them: a deposit that counts for more
 * than it cost (定金膨胀: ¥50 paid takes ¥100 off the balance), never below zero, and forfeited
 * when the balance is not paid inside its window. Amounts in CNY, rounded to the fen.
 */
export type DepositTerms = {
  deposit: number
  /** What the deposit takes off the price (≥ the deposit); equal to it when there is no 膨胀. */
  deposit_value: number
  balance_opens_at: Date | string
  balance_closes_at: Date | string
}

export class DepositError extends Error {
  constructor(message: string, readonly code: string) {
    super(message)
  }
}

const fen = (n: number) => Math.round(n * 100) / 100

export function validateTerms(price: number, t: DepositTerms): void {
  if (!(t.deposit > 0)) throw new DepositError("deposit: above 0", "invalid_deposit")
  if (t.deposit_value < t.deposit) throw new DepositError("deposit_value: at least the deposit", "invalid_deposit")
  if (t.deposit_value > price) throw new DepositError(`deposit_value: at most the price (¥${price.toFixed(2)})`, "invalid_deposit")
  if (new Date(t.balance_closes_at) <= new Date(t.balance_opens_at)) throw new DepositError("balance_closes_at: after balance_opens_at", "invalid_deposit")
}

/** The balance due for `quantity` units: price less the deposit's value, per unit. */
export function balanceDue(price: number, quantity: number, t: DepositTerms): number {
  return fen(Math.max(0, price - t.deposit_value) * quantity)
}

export type BalanceState = "not_yet" | "open" | "forfeited"

/** Whether the balance can be paid now; after its window the deposit is forfeited. */
export function balanceState(t: DepositTerms, now: Date): BalanceState {
  if (now < new Date(t.balance_opens_at)) return "not_yet"
  if (now <= new Date(t.balance_closes_at)) return "open"
  return "forfeited"
}
