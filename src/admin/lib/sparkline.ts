import { linearScale, pathThrough, round } from "./chart-scales"

export type SparklineBox = { width: number; height: number; padding?: number }
export type Sparkline = { line: string; area: string; max: number; last: [number, number] }

/**
 * A forecast's sparkline in a small box: x spreads the days evenly, y runs from 0 (bottom) to
 * the largest value (top), so two sparklines side by side compare shape, not scale; a constant
 * rate is drawn level at half height. Missing or negative values count as 0 (demand is never
 * negative). null when there is nothing to draw.
 */
export const sparkline = (values: readonly (number | null | undefined)[] | null | undefined, box: SparklineBox): Sparkline | null => {
  if (!values || values.length === 0) return null
  const pad = box.padding ?? 1
  const ys = values.map((v) => (typeof v === "number" && Number.isFinite(v) && v > 0 ? v : 0))
  const max = Math.max(...ys)
  const min = Math.min(...ys)
  const bottom = box.height - pad
  const x = linearScale([0, Math.max(1, ys.length - 1)], [pad, box.width - pad])
  // All zeros: a flat line on the floor. The same positive rate every day: a level line at
  // half height, so a flat forecast reads as flat rather than as a full block.
  const y = max <= 0 ? () => bottom : max - min <= max * 1e-9 ? () => (pad + bottom) / 2 : linearScale([0, max], [bottom, pad])
  const points: [number, number][] =
    ys.length === 1 ? [[pad, y(ys[0])], [box.width - pad, y(ys[0])]] : ys.map((v, i) => [x(i), y(v)])
  const line = pathThrough(points)
  const first = points[0]
  const last = points[points.length - 1]
  const area = `${line} L${round(last[0])} ${round(bottom)} L${round(first[0])} ${round(bottom)} Z`
  return { line, area, max, last }
}
