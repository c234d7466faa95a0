// bench/forecast-scale (issue 3 §5/§7): the nightly forecast run at chain scale.
//
//   flock /tmp/mendian-heavy.lock npm run bench -- forecast-scale [--shops 300] [--skus 1000]
//   BENCH_DATABASE_URL=…/mendian_scale_hist flock … npm run bench -- forecast-scale --existing
//     (--existing: run over the history already in that database, e.g. the one
//      `seed:scale --history-days 365` wrote; nothing is generated or truncated there, the run
//      writes its stock_policy and forecast_run rows as a nightly run would)
//
// Against its own database (BENCH_DATABASE_URL, default
// postgres://postgres@localhost:5432/mendian_bench_forecast; created and migrated), it fills
// demand_series with shops × SKUs one-year series (the retail mix of bench/forecast, encoded
// with src/lib/demand-codec, COPYed in batches; kept between runs unless --regenerate or the
// count differs), then boots the app (`medusa exec bench/forecast-scale/exec-run.ts`) and in
// that process times, over the same series:
//   baseline  a read-only pass: keyset chunks of the series table, each decoded (the floor any
//             run pays to touch the data)
//   run       the real run: enqueue { all } + processForecastRuns (worker threads, policies
//             upserted, progress committed per chunk)
// Reports wall times, series/s, rows written/s, peak RSS of the run's process and the
// history's and policies' size on disk.
const path = require("node:path")
const fs = require("node:fs")
const os = require("node:os")
const { spawn } = require("node:child_process")
const { Client } = require("pg")
const { from: copyFrom } = require("pg-copy-streams")
require(path.join(__dirname, "../../node_modules/ts-node")).register({
  transpileOnly: true,
  swc: true,
  project: path.join(__dirname, "../../tsconfig.json"),
})
const { encodeDemand, summarize } = require("../../src/lib/demand-codec")
const { formatCalendarDate, parseCalendarDate, localBusinessDate } = require("../../src/lib/opening-hours")
const { generateMix } = require("../forecast/mix")
const { ensureDatabaseExists, ROOT } = require("../../scripts/lib/database")
const { run: runCmd } = require("../../scripts/lib/run")

const log = (m) => process.stderr.write(`[bench forecast-scale] ${m}\n`)

function parseArgs(args) {
  const o = { shops: 300, skus: 1000, regenerate: false, existing: false, workers: 2, chunk: 2000 }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === "--regenerate") o.regenerate = true
    else if (a === "--existing") o.existing = true
    else if (a === "--shops") o.shops = Number(args[++i])
    else if (a === "--skus") o.skus = Number(args[++i])
    else if (a === "--workers") o.workers = Number(args[++i])
    else if (a === "--chunk") o.chunk = Number(args[++i])
    else throw new Error(`unknown argument ${a}`)
  }
  return o
}

function runsOf(flags) {
  const runs = []
  for (let d = 0; d < flags.length; d++) {
    if (!flags[d]) continue
    if (runs.length && runs[runs.length - 1].start + runs[runs.length - 1].length === d) runs[runs.length - 1].length++
    else runs.push({ start: d, length: 1 })
  }
  return runs
}

/** One series of the mix as a demand_series row (history ending yesterday, Asia/Shanghai). */
function rowOf(s, id, variant, location, firstDay) {
  const days = []
  for (let d = 0; d < s.demand.length; d++) if (s.demand[d] > 0) days.push({ day: firstDay + d, sold: s.demand[d], returned: 0 })
  const shift = (runs) => runs.map((r) => ({ start: r.start + firstDay, length: r.length }))
  const promo = new Uint8Array(s.events.length)
  for (let d = 0; d < s.events.length; d++) promo[d] = s.events[d] & 1
  const data = { days, stockout: shift(runsOf(s.censored)), promotion: shift(runsOf(promo)) }
  const sum = summarize(data)
  const date = (x) => (x === null ? "\\N" : formatCalendarDate(x))
  return [id, variant, location, date(sum.originDay), encodeDemand(data), 1, date(sum.firstSaleDay), date(sum.lastSaleDay), sum.totalSold, sum.totalReturned, sum.saleDays].join("\t") + "\n"
}

async function generate(client, o) {
  const total = o.shops * o.skus
  await client.query("TRUNCATE demand_series, stock_policy, forecast_run")
  const asOf = parseCalendarDate(localBusinessDate("Asia/Shanghai", new Date()))
  const firstDay = asOf - 365
  const started = Date.now()
  const BATCH = 5000
  let n = 0
  while (n < total) {
    const count = Math.min(BATCH, total - n)
    const { series } = generateMix(count, 20261124 + n)
    const stream = client.query(
      copyFrom(`COPY demand_series (id, variant_id, location_id, origin_date, days, format_version, first_sale_date, last_sale_date, total_sold, total_returned, sale_days) FROM STDIN`)
    )
    const done = new Promise((res, rej) => {
      stream.on("finish", res)
      stream.on("error", rej)
    })
    let buf = ""
    for (let i = 0; i < count; i++) {
      const k = n + i
      const shop = Math.floor(k / o.skus)
      const sku = k % o.skus
      // ids in a shuffled order relative to (shop, sku), like generated ULIDs over time
      const id = `dser_b${String((k * 2654435761) % 4294967296).padStart(10, "0")}${String(k).padStart(8, "0")}`
      buf += rowOf(series[i], id, `variant_b${String(sku).padStart(5, "0")}`, `sloc_b${String(shop).padStart(5, "0")}`, firstDay)
      if (buf.length > 1 << 20) {
        stream.write(buf)
        buf = ""
      }
    }
    stream.end(buf)
    await done
    n += count
    if (n % 100000 === 0 || n === total) log(`generated ${n}/${total} series (${((Date.now() - started) / 1000).toFixed(0)} s)`)
  }
  await client.query("ANALYZE demand_series")
  return (Date.now() - started) / 1000
}

/** `medusa exec` of exec-run.ts, its output on our stderr (stdout carries only the JSON). */
const execInApp = (env) =>
  new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, "node_modules/.bin/medusa"), ["exec", "./bench/forecast-scale/exec-run.ts"], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", 2, 2],
    })
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`medusa exec exited with ${code}`))))
    child.on("error", reject)
  })

async function run(args) {
  const o = parseArgs(args)
  const url = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@localhost:5432/mendian_bench_forecast"
  const admin = new URL(url)
  admin.pathname = "/postgres"
  await ensureDatabaseExists(admin.toString(), decodeURIComponent(new URL(url).pathname.slice(1)))
  log("migrating")
  await runCmd(path.join(ROOT, "node_modules/.bin/medusa"), ["db:migrate"], { DATABASE_URL: url, MEDUSA_DISABLE_TELEMETRY: "true" }, { quiet: true })
  const client = new Client({ connectionString: url })
  await client.connect()
  const { rows: [{ n }] } = await client.query("SELECT count(*)::int AS n FROM demand_series")
  let generateSeconds = null
  let total = o.shops * o.skus
  if (o.existing) {
    // Someone else's history (e.g. seed:scale --history-days 365): never truncated or generated.
    if (!n) throw new Error("--existing: demand_series is empty")
    total = n
    const busy = await client.query("SELECT id FROM forecast_run WHERE status IN ('queued', 'running') AND deleted_at IS NULL")
    if (busy.rows.length) throw new Error(`--existing: runs already queued or running: ${busy.rows.map((r) => r.id).join(", ")}`)
    log(`using the ${n} series already there`)
  } else {
    if (o.regenerate || n !== total) generateSeconds = await generate(client, o)
    else log(`reusing ${n} series`)
    await client.query("DELETE FROM forecast_run")
  }

  const out = path.join(os.tmpdir(), `forecast-scale-${process.pid}.json`)
  log(`running the forecast run over ${total} series (${o.workers} worker threads, chunks of ${o.chunk})`)
  await execInApp(
    {
      DATABASE_URL: url,
      MEDUSA_DISABLE_TELEMETRY: "true",
      REPLENISHMENT_RUN_JOBS: "false",
      BENCH_OUT: out,
      BENCH_WORKERS: String(o.workers),
      BENCH_CHUNK: String(o.chunk),
      LOG_LEVEL: "warn",
    }
  )
  const measured = JSON.parse(fs.readFileSync(out, "utf8"))
  fs.rmSync(out, { force: true })
  const size = async (t) =>
    (await client.query(`SELECT pg_total_relation_size($1) AS total, pg_relation_size($1) AS heap, pg_indexes_size($1) AS idx, pg_total_relation_size($1) - pg_relation_size($1) - pg_indexes_size($1) AS toast`, [t])).rows[0]
  const mb = (x) => Math.round(Number(x) / 1048576)
  const hist = await size("demand_series")
  const pol = await size("stock_policy")
  const { rows: [avg] } = await client.query("SELECT avg(length(days))::int AS days_chars, count(*)::int AS n FROM demand_series")
  const { rows: [pn] } = await client.query("SELECT count(*)::int AS n FROM stock_policy")
  await client.end()
  return {
    series: total,
    data: o.existing ? "existing demand_series (seed:scale history)" : `generated: bench/forecast mix, ${o.shops} shops × ${o.skus} SKUs`,
    cpus: os.cpus().length,
    worker_threads: o.workers,
    chunk_size: o.chunk,
    generate_seconds: generateSeconds,
    baseline_read_decode: measured.baseline,
    run: { ...measured.run, policies_in_table: pn.n },
    run_vs_baseline: Math.round((measured.run.wall_seconds / measured.baseline.wall_seconds) * 100) / 100,
    history_on_disk_mb: { total: mb(hist.total), heap: mb(hist.heap), toast: mb(hist.toast), indexes: mb(hist.idx), avg_days_chars: avg.days_chars },
    policies_on_disk_mb: { total: mb(pol.total), heap: mb(pol.heap), toast: mb(pol.toast), indexes: mb(pol.idx) },
    extrapolated_3m: total < 3_000_000 ? {
      note: "linear in the series count (chunks are independent and keyset reads cost the same at any depth); not measured",
      run_minutes: Math.round(((measured.run.wall_seconds * 3_000_000) / total / 60) * 10) / 10,
      history_mb: Math.round((mb(hist.total) * 3_000_000) / total),
    } : null,
  }
}

module.exports = { run }
