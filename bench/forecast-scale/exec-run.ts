// Run inside the booted app by bench/forecast-scale/index.js (`medusa exec`): a read-only
// baseline pass, then the real forecast run, timed in this process. Writes JSON to BENCH_OUT.
import fs from "node:fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { decodeDemand } from "../../src/lib/demand-codec"
import { REPLENISHMENT_MODULE } from "../../src/modules/replenishment"
import type ReplenishmentModuleService from "../../src/modules/replenishment/service"
import { enqueueForecastRunWorkflow } from "../../src/workflows/replenishment/runs/enqueue-forecast-run"
import { processForecastRuns } from "../../src/workflows/replenishment/runs/execute-forecast-run"

export default async function benchForecastScale({ container }: ExecArgs) {
  const service = container.resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE)
  const chunk = Number(process.env.BENCH_CHUNK ?? 2000)
  const workers = Number(process.env.BENCH_WORKERS ?? 2)
  const scope = { location_ids: null, variant_id: null }
  const log = (m: string) => process.stderr.write(`[bench forecast-scale] ${m}\n`)

  // Baseline: read every series in keyset chunks and decode it; nothing computed or written.
  let t = process.hrtime.bigint()
  let cursor: { location_id: string; id: string } | null = null
  let read = 0
  let days = 0
  for (;;) {
    const rows = await service.readSeriesChunk(scope, cursor, chunk)
    if (!rows.length) break
    for (const r of rows) days += decodeDemand(r.days).days.length
    read += rows.length
    cursor = { location_id: rows[rows.length - 1].location_id, id: rows[rows.length - 1].id }
  }
  const baseline = { series: read, sale_days: days, wall_seconds: Number(process.hrtime.bigint() - t) / 1e9 }
  log(`baseline: ${read} series read and decoded in ${baseline.wall_seconds.toFixed(1)} s`)

  let peakRss = process.memoryUsage().rss
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
  }, 250)
  // When the last chunk is committed (polled every 2 s): what follows is the proposals that
  // were not done alongside the chunks.
  let chunksDoneAt: bigint | null = null
  let polls = 0
  const progress = setInterval(async () => {
    const [r] = await service.listForecastRuns({ status: "running" }, { take: 1 })
    if (r && chunksDoneAt === null && r.series_total > 0 && r.series_done >= r.series_total) chunksDoneAt = process.hrtime.bigint()
    if (r && ++polls % 15 === 0) log(`run: ${r.series_done}/${r.series_total}`)
  }, 2_000)
  t = process.hrtime.bigint()
  const { result: run } = await enqueueForecastRunWorkflow(container).run({ input: { scope: {}, requested_by: "bench" } })
  const outcomes = await processForecastRuns(container, { options: { chunk_size: chunk, worker_threads: workers } })
  const wall = Number(process.hrtime.bigint() - t) / 1e9
  clearInterval(sampler)
  clearInterval(progress)
  const done = await service.retrieveForecastRun(run.id)
  const out = {
    baseline,
    run: {
      outcome: outcomes.map((o) => o.status),
      wall_seconds: Math.round(wall * 10) / 10,
      chunks_done_seconds: chunksDoneAt === null ? null : Math.round((Number(chunksDoneAt - t) / 1e9) * 10) / 10,
      series_done: done.series_done,
      policies_written: done.policies_written,
      failures: done.failure_count,
      first_failures: (done.failures as any[] | null)?.slice(0, 3) ?? [],
      series_per_second: Math.round(done.series_done / wall),
      rows_written_per_second: Math.round(done.policies_written / wall),
      peak_rss_mb: Math.round(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1048576),
    },
  }
  log(`run: ${done.series_done} series in ${wall.toFixed(1)} s`)
  fs.writeFileSync(process.env.BENCH_OUT!, JSON.stringify(out))
}
