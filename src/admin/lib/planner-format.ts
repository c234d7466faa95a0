import type { PlanLine, PlanPlace } from "./planner-types"

/** (baseline − plan) ÷ baseline in %, null without a baseline (or a zero one). */
export const savingPercent = (total: number, baseline: number | null | undefined): number | null =>
  baseline && baseline > 0 ? (100 * (baseline - total)) / baseline : null

export type Flow = { from: string; to: string; quantity: number; cost: number; lines: number }

/** The plan's lines merged per (source, destination) pair, largest first: one arrow each on the map. */
export const flowsOf = (lines: PlanLine[]): Flow[] => {
  const byPair = new Map<string, Flow>()
  for (const l of lines) {
    const k = `${l.from}→${l.to}`
    const f = byPair.get(k) ?? { from: l.from, to: l.to, quantity: 0, cost: 0, lines: 0 }
    f.quantity += l.quantity
    f.cost += l.cost
    f.lines += 1
    byPair.set(k, f)
  }
  return [...byPair.values()].sort((a, b) => b.quantity - a.quantity || a.from.localeCompare(b.from) || a.to.localeCompare(b.to))
}

/** Stroke width of a flow: 1.5 px for the smallest, up to 7 px for the largest, by square root of units. */
export const flowWidth = (quantity: number, max: number): number =>
  max <= 0 ? 1.5 : 1.5 + 5.5 * Math.sqrt(Math.max(0, quantity) / max)

/**
 * A segment from a to b shortened by `inset` px at both ends (so an arrow stops at the dot's
 * edge), or null when the points are closer than twice that.
 */
export const insetSegment = (a: { x: number; y: number }, b: { x: number; y: number }, inset: number) => {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const len = Math.hypot(dx, dy)
  if (len <= 2 * inset) return null
  const ux = dx / len
  const uy = dy / len
  return { x1: a.x + ux * inset, y1: a.y + uy * inset, x2: b.x - ux * inset, y2: b.y - uy * inset }
}

/** A location's shop code, or the id's tail when the plan has no shop for it. */
export const placeLabel = (places: Record<string, PlanPlace>, locationId: string): string =>
  places[locationId]?.code ?? locationId.slice(-8)

/** Whole units: a trimmed text of digits ≥ 1, else null. */
export const parseUnits = (text: string): number | null => {
  const t = text.trim()
  if (!/^\d+$/.test(t)) return null
  const n = Number(t)
  return n >= 1 && n <= 1_000_000 ? n : null
}
