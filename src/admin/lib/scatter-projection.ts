/**
 * Places points given in degrees on a flat drawing: longitude → x, latitude → y (north up),
 * with x shrunk by cos(mean latitude) so a degree east is as long on screen as it is on the
 * ground near the shops (an equirectangular view centred on them).
 */
export type GeoPoint = { latitude: number; longitude: number }

export type Projection = {
  width: number
  height: number
  x: (longitude: number) => number
  y: (latitude: number) => number
  /** Degree lines inside the view, for light grid lines with labels. */
  meridians: number[]
  parallels: number[]
}

const MIN_SPAN_DEG = 0.05

const gridStep = (spanDeg: number) => {
  const steps = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20]
  return steps.find((s) => spanDeg / s <= 8) ?? 30
}

const linesIn = (lo: number, hi: number, step: number) => {
  const out: number[] = []
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Number(v.toFixed(6)))
  return out
}

export const project = (
  points: GeoPoint[],
  box: { width: number; minHeight: number; maxHeight: number; padding: number }
): Projection | null => {
  const valid = points.filter((p) => Number.isFinite(p.latitude) && Number.isFinite(p.longitude))
  if (!valid.length) return null

  let minLat = Math.min(...valid.map((p) => p.latitude))
  let maxLat = Math.max(...valid.map((p) => p.latitude))
  let minLon = Math.min(...valid.map((p) => p.longitude))
  let maxLon = Math.max(...valid.map((p) => p.longitude))
  const midLat = (minLat + maxLat) / 2
  const k = Math.max(Math.cos((midLat * Math.PI) / 180), 0.05)

  // One shop, or shops on one street, still get a sensible frame.
  if (maxLat - minLat < MIN_SPAN_DEG) {
    minLat = midLat - MIN_SPAN_DEG / 2
    maxLat = midLat + MIN_SPAN_DEG / 2
  }
  if ((maxLon - minLon) * k < MIN_SPAN_DEG) {
    const midLon = (minLon + maxLon) / 2
    minLon = midLon - MIN_SPAN_DEG / (2 * k)
    maxLon = midLon + MIN_SPAN_DEG / (2 * k)
  }

  const spanX = (maxLon - minLon) * k
  const spanY = maxLat - minLat
  const innerW = box.width - 2 * box.padding
  const height = Math.min(box.maxHeight, Math.max(box.minHeight, (innerW * spanY) / spanX + 2 * box.padding))
  const innerH = height - 2 * box.padding
  // Same scale on both axes; the narrower axis is centred.
  const scale = Math.min(innerW / spanX, innerH / spanY)
  const offsetX = box.padding + (innerW - spanX * scale) / 2
  const offsetY = box.padding + (innerH - spanY * scale) / 2

  const x = (lon: number) => offsetX + (lon - minLon) * k * scale
  const y = (lat: number) => offsetY + (maxLat - lat) * scale

  // The visible degree range (wider than the data on the centred axis).
  const visMinLon = minLon - offsetX / (k * scale)
  const visMaxLon = minLon + (box.width - offsetX) / (k * scale)
  const visMaxLat = maxLat + offsetY / scale
  const visMinLat = maxLat - (height - offsetY) / scale
  const step = gridStep(Math.max(visMaxLon - visMinLon, visMaxLat - visMinLat))

  return {
    width: box.width,
    height,
    x,
    y,
    meridians: linesIn(visMinLon, visMaxLon, step),
    parallels: linesIn(visMinLat, visMaxLat, step),
  }
}

/** 102.5 → "102.5°E", -33 → "33°S". */
export const degreeLabel = (value: number, axis: "lon" | "lat") => {
  const hemi = axis === "lon" ? (value >= 0 ? "E" : "W") : value >= 0 ? "N" : "S"
  return `${Number(Math.abs(value).toFixed(2))}°${hemi}`
}
