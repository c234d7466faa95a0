/**
 * ABC–XYZ classes and the default service targets they imply.
 *
 * ABC ranks items by value (revenue or margin over the period the caller chooses): A = the items
 * that make the first 80 % of the cumulative value, B = the next 15 %, C = the rest.
 * XYZ ranks by how predictable demand is, from the coefficient of variation the caller passes
 * (Mendian passes the forecast's cumulative error sd over the protection interval divided by the
 * forecast demand over it): X ≤ 0.5 < Y ≤ 1.0 < Z.
 *
 * Default cycle-service targets (rows A/B/C, columns X/Y/Z):
 *
 * |   | X    | Y    | Z    |
 * |---|------|------|------|
 * | A | 0.98 | 0.97 | 0.95 |
 * | B | 0.96 | 0.95 | 0.93 |
 * | C | 0.93 | 0.92 | 0.90 |
 *
 * A items get the highest targets (their stock-outs cost the most sales); within a row, erratic
 * (Z) items get a lower target because each extra point of service costs far more stock. A
 * territory or category passes its own table to change them.
 */
export type AbcClass = "A" | "B" | "C"
export type XyzClass = "X" | "Y" | "Z"
export type AbcXyz = `${AbcClass}${XyzClass}`
export type TargetTable = Record<AbcXyz, number>

export interface ServiceTarget {
  /** "cycle": probability of no stock-out in a replenishment cycle; "fill": share of demand served from stock. */
  kind: "cycle" | "fill"
  level: number
}

export const DEFAULT_SERVICE_TARGETS: Readonly<TargetTable> = Object.freeze({
  AX: 0.98,
  AY: 0.97,
  AZ: 0.95,
  BX: 0.96,
  BY: 0.95,
  BZ: 0.93,
  CX: 0.93,
  CY: 0.92,
  CZ: 0.9,
})

/** Default target when an item has no ABC–XYZ class yet. */
export const FALLBACK_TARGET: ServiceTarget = Object.freeze({ kind: "cycle", level: 0.95 }) as ServiceTarget

/**
 * ABC class of each item from its value: items sorted by value descending, A while the
 * cumulative share before the item is below cuts[0], B below cuts[1], C after. Ties keep input order.
 */
export function abcClasses(values: ArrayLike<number>, cuts: readonly [number, number] = [0.8, 0.95]): AbcClass[] {
  const n = values.length
  const order = Array.from({ length: n }, (_, i) => i)
  order.sort((a, b) => values[b] - values[a] || a - b)
  let total = 0
  for (let i = 0; i < n; i++) total += Math.max(0, values[i])
  const out = new Array<AbcClass>(n).fill("C")
  let cum = 0
  for (const i of order) {
    const share = total > 0 ? cum / total : 1
    out[i] = share < cuts[0] ? "A" : share < cuts[1] ? "B" : "C"
    cum += Math.max(0, values[i])
  }
  return out
}

export function xyzClass(cv: number, cuts: readonly [number, number] = [0.5, 1.0]): XyzClass {
  if (!(cv === cv)) return "Z"
  return cv <= cuts[0] ? "X" : cv <= cuts[1] ? "Y" : "Z"
}

/** The cycle-service target of an ABC–XYZ class from a table (the default unless given). */
export function defaultTarget(abc: AbcClass, xyz: XyzClass, table: Readonly<TargetTable> = DEFAULT_SERVICE_TARGETS): ServiceTarget {
  const level = table[`${abc}${xyz}`]
  if (!(level > 0 && level < 1)) throw new Error(`service target for ${abc}${xyz} must be in (0, 1), got ${level}`)
  return { kind: "cycle", level }
}
