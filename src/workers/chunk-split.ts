/**
 * Where a run's chunk ends: at a location boundary, so that a location's series are planned in
 * one batch (their cycle targets are met per location, planGroupPolicies). Given `read` = up to
 * `limit + 1` rows in (location, id) order, the chunk is the first `limit` — less the rows of its
 * last location when that location goes on past them (row `limit` is the same location) and an
 * earlier location is in the chunk; those rows are read again as the next chunk's start. A
 * location larger than a chunk still spans chunks.
 */
export function wholeLocations<T extends { location_id: string }>(read: readonly T[], limit: number): T[] {
  if (read.length <= limit) return read.slice()
  const chunk = read.slice(0, limit)
  const last = chunk[limit - 1].location_id
  if (read[limit].location_id !== last) return chunk
  let start = limit - 1
  while (start > 0 && chunk[start - 1].location_id === last) start--
  return start > 0 ? chunk.slice(0, start) : chunk
}

/**
 * How a chunk is shared among the worker threads: contiguous parts, cut at a location boundary
 * where one lies near the even split, because each part plans its policies as a batch — cycle
 * targets are met per location within a part (planGroupPolicies), and the error and size pools
 * are the part's. A chunk too small to give every thread MIN_PART_SERIES goes to one thread
 * whole: splitting it would save milliseconds and cost each location its group.
 */
export const MIN_PART_SERIES = 200

export function splitChunk<T extends { location_id: string }>(tasks: readonly T[], threads: number): T[][] {
  const n = tasks.length
  if (n === 0) return []
  if (threads <= 1 || n < threads * MIN_PART_SERIES) return [tasks.slice()]
  const boundaries: number[] = []
  for (let i = 1; i < n; i++) if (tasks[i].location_id !== tasks[i - 1].location_id) boundaries.push(i)
  const even = n / threads
  const cuts: number[] = []
  let prev = 0
  for (let k = 1; k < threads; k++) {
    const ideal = Math.round(k * even)
    // the nearest boundary within half a part of the even cut, else the even cut itself
    let cut = ideal
    let best = even / 2
    for (const b of boundaries) {
      const d = Math.abs(b - ideal)
      if (d <= best && b > prev) {
        best = d
        cut = b
      }
    }
    if (cut <= prev || cut >= n) continue
    cuts.push(cut)
    prev = cut
  }
  const parts: T[][] = []
  let from = 0
  for (const c of [...cuts, n]) {
    parts.push(tasks.slice(from, c))
    from = c
  }
  return parts
}
