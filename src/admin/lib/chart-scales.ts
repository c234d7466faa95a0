/** Small scale helpers for the hand-drawn SVG charts (no chart library). */

/** The smallest "nice" number (1, 2, 2.5 or 5 × 10^k) at or above `value`; 1 for nothing. */
export const niceStep = (value: number): number => {
  if (!Number.isFinite(value) || value <= 0) return 1
  const power = 10 ** Math.floor(Math.log10(value))
  for (const m of [1, 2, 2.5, 5, 10]) {
    if (m * power >= value - 1e-12 * power) return m * power
  }
  return 10 * power
}

/** An axis from 0 to a round maximum at or above `max`, in about `count` steps. */
export const niceTicks = (max: number, count = 4): { max: number; ticks: number[] } => {
  // Nothing to show still gives a drawable axis of one unit.
  if (!Number.isFinite(max) || max <= 0) return { max: 1, ticks: [0, 1] }
  const step = niceStep(max / Math.max(1, count))
  const top = Math.max(step, Math.ceil(max / step - 1e-9) * step)
  const ticks: number[] = []
  for (let i = 0; i * step <= top + step * 1e-9; i++) ticks.push(round(i * step, 6))
  return { max: round(top, 6), ticks }
}

/** Maps [d0, d1] onto [r0, r1]; a zero-width domain maps to the middle of the range. */
export const linearScale = ([d0, d1]: [number, number], [r0, r1]: [number, number]) => {
  const span = d1 - d0
  return (v: number) => (span === 0 ? (r0 + r1) / 2 : r0 + ((v - d0) / span) * (r1 - r0))
}

export const round = (v: number, digits = 2): number => {
  const f = 10 ** digits
  return Math.round(v * f) / f
}

/** SVG path data through the points ("M x y L x y …"), coordinates to 2 decimals. */
export const pathThrough = (points: [number, number][]): string =>
  points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${round(x)} ${round(y)}`).join(" ")
