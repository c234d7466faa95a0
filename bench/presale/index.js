// bench/presale (issue 6 §5): reservations through the Store API against two `medusa start`
// server processes and one worker sharing Redis and PostgreSQL, in one run:
//
//   flock /tmp/mendian-heavy.lock npm run -s bench -- presale
//
//  1. a fresh database (dropped and created; DATABASE_URL, default mendian_presale_bench on
//     localhost), migrated, then bench/presale/setup.ts: region, channel + publishable key,
//     40 products, 2,000 customers with auth identities (bearer tokens signed here with the
//     servers' JWT_SECRET, as Medusa's login signs them), campaigns "warmup" (100 units),
//     "main" and "kill" (1,000 each), per-member limit 2, all windows open;
//  2. two servers (MEDUSA_WORKER_MODE=server, own PORT) and one worker (MEDUSA_WORKER_MODE=worker),
//     NODE_ENV=production, REDIS_URL set, as separate processes;
//  3. 10,000 attempts (2,000 customers × 5, quantity 1, a fresh Idempotency-Key each, in a seeded
//     shuffled order) at the "main" campaign, round-robin over both servers, 64 in flight;
//     then the database, the gate and every answer are checked against each other;
//  4. Medusa's GET /store/products?limit=20 with autocannon, the same 64 connections split over
//     both servers, for as long as step 3 took;
//  5. in-process (bench/presale/gate.ts): PresaleGate.admit against a bare EVALSHA of GATE_SCRIPT;
//  6. step 3 again at the "kill" campaign, one server killed with SIGKILL after 40 % of the
//     attempts were answered: a request that fails on the network is sent again to the other
//     server with the same Idempotency-Key, a 409 idempotency_in_progress (the dead server's claim,
//     taken over after 20 s) is retried every second; then the worker's presale-lifecycle job
//     (every minute) makes the orders of reservations the dead process left without one, and
//     everything is checked again.
//
// Environment: DATABASE_URL, REDIS_URL (redis://localhost:6379), BENCH_CUSTOMERS (2000),
// BENCH_ATTEMPTS_PER_CUSTOMER (5), BENCH_UNITS (1000), BENCH_CONCURRENCY (64),
// BENCH_PER_MEMBER_LIMIT (2; 0 for none), BENCH_GATE_SECONDS (5), BENCH_GATE_ROUNDS (3),
// BENCH_KILL_AT (0.4). Logs of the processes in bench/results/presale-*.log.
const fs = require("node:fs")
const os = require("node:os")
const http = require("node:http")
const path = require("node:path")
const { spawn, execSync } = require("node:child_process")
const autocannon = require("autocannon")
const { Client } = require("pg")
const { generateJwtToken } = require("@medusajs/framework/utils")
const { ROOT, freePort } = require("../../scripts/lib/database")
const { run: runCommand } = require("../../scripts/lib/run")
const { bin } = require("../../scripts/with-db")
const { mulberry32, percentile, round } = require("../lib/stats")

const SEED = 606
const JWT_SECRET = "bench-presale-jwt-secret"
const HOLDING = ["reserved", "deposit_paid", "paid", "converted"]

const config = {
  customers: Number(process.env.BENCH_CUSTOMERS ?? 2000),
  attempts_per_customer: Number(process.env.BENCH_ATTEMPTS_PER_CUSTOMER ?? 5),
  units: Number(process.env.BENCH_UNITS ?? 1000),
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 64),
  per_member_limit: Number(process.env.BENCH_PER_MEMBER_LIMIT ?? 2),
  gate_seconds: Number(process.env.BENCH_GATE_SECONDS ?? 5),
  gate_rounds: Number(process.env.BENCH_GATE_ROUNDS ?? 3),
  kill_at: Number(process.env.BENCH_KILL_AT ?? 0.4),
}
const DATABASE_URL = process.env.DATABASE_URL ?? "postgres://postgres@localhost:5432/mendian_presale_bench"
const REDIS_URL = process.env.REDIS_URL ?? "redis://localhost:6379"

const log = (msg) => process.stderr.write(`[bench presale] ${new Date().toISOString().slice(11, 19)} ${msg}\n`)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const resultsDir = path.join(ROOT, "bench/results")

async function run() {
  const started = Date.now()
  const procs = []
  try {
    await freshDatabase()
    log("migrating")
    let t = Date.now()
    await runCommand(bin("medusa"), ["db:migrate"], baseEnv(), { quiet: true })
    log(`migrated in ${((Date.now() - t) / 1000).toFixed(1)} s; setting the market up`)
    const factsFile = path.join(os.tmpdir(), `presale-bench-facts-${process.pid}.json`)
    t = Date.now()
    await runCommand(
      bin("medusa"),
      ["exec", "./bench/presale/setup.ts"],
      {
        ...baseEnv(),
        BENCH_PRESALE_OUT: factsFile,
        BENCH_PRESALE_CUSTOMERS: String(config.customers),
        BENCH_PRESALE_CAMPAIGNS: `warmup:100,main:${config.units},kill:${config.units}`,
        BENCH_PER_MEMBER_LIMIT: String(config.per_member_limit),
        MEDUSA_WORKER_MODE: "server",
      },
      { quiet: true }
    )
    const facts = JSON.parse(fs.readFileSync(factsFile, "utf8"))
    fs.rmSync(factsFile)
    log(`market ready in ${((Date.now() - t) / 1000).toFixed(1)} s: ${facts.customers.length} customers, campaigns ${Object.values(facts.campaigns).map((c) => c.id).join(", ")}`)
    const tokens = facts.customers.map((c) =>
      generateJwtToken(
        { actor_id: c.customer_id, actor_type: "customer", auth_identity_id: c.auth_identity_id, auth_provider: "emailpass", app_metadata: { customer_id: c.customer_id }, user_metadata: {} },
        { secret: JWT_SECRET, expiresIn: "1d" }
      )
    )

    log("starting two servers and a worker")
    const [a, b, worker] = await Promise.all([
      startProcess("server-a", "server"),
      startProcess("server-b", "server"),
      startProcess("worker", "worker"),
    ])
    procs.push(a, b, worker)
    const servers = [a, b]

    // Warm-up: every route the run uses, on both servers, at a campaign of its own.
    const headers = { "x-publishable-api-key": facts.publishable_key }
    for (const s of servers) for (let i = 0; i < 30; i++) await get(s, "/store/products?limit=20", headers)
    const warm = await reservationLoad({ servers, facts, tokens, campaign: facts.campaigns.warmup, attempts: 400, label: "warmup" })
    log(`warm-up: ${JSON.stringify(warm.counts)}`)
    if (warm.counts.accepted !== 100) throw new Error(`warm-up: ${warm.counts.accepted} accepted of 100 units; errors ${JSON.stringify(warm.error_samples)}`)

    // 3. The reservation run.
    const attempts = config.customers * config.attempts_per_customer
    log(`${attempts} attempts at ${facts.campaigns.main.units} units, ${config.concurrency} in flight over both servers`)
    const main = await reservationLoad({ servers, facts, tokens, campaign: facts.campaigns.main, attempts, label: "main" })
    log(`main: ${JSON.stringify(main.counts)} in ${main.seconds} s → ${main.handled_per_s} handled/s, p50 ${main.latency.p50_ms} ms, p99 ${main.latency.p99_ms} ms`)
    const mainCheck = await check(facts, facts.campaigns.main, main)
    log(`main check: ${JSON.stringify(mainCheck.summary)}`)

    // 4. Medusa's product list on the same servers, as long as the run took.
    const productSeconds = Math.max(10, Math.round(main.seconds))
    await products(servers, headers, 3)
    const prod = await products(servers, headers, productSeconds)
    log(`GET /store/products?limit=20: ${prod.rps} req/s over ${productSeconds} s, p50 ${prod.p50_ms} ms, p99 ${prod.p99_ms} ms`)

    // 5. The gate in-process.
    const gateFile = path.join(os.tmpdir(), `presale-bench-gate-${process.pid}.json`)
    await runCommand(
      bin("medusa"),
      ["exec", "./bench/presale/gate.ts"],
      {
        ...baseEnv(),
        BENCH_PRESALE_OUT: gateFile,
        BENCH_GATE_SECONDS: String(config.gate_seconds),
        BENCH_GATE_ROUNDS: String(config.gate_rounds),
        BENCH_CONCURRENCY: String(config.concurrency),
        MEDUSA_WORKER_MODE: "server",
      },
      { quiet: true }
    )
    const gate = JSON.parse(fs.readFileSync(gateFile, "utf8"))
    fs.rmSync(gateFile)
    const bare = Math.max(gate.ops_per_s.evalsha_plain, gate.ops_per_s.evalsha_autopipelining)
    gate.ratio_gate_to_bare = round(gate.ops_per_s.gate / bare, 3)
    log(`gate: ${JSON.stringify(gate.ops_per_s)} → ratio ${gate.ratio_gate_to_bare}`)

    // 6. Again, killing server b in the middle.
    const killAfter = Math.round(attempts * config.kill_at)
    const kill = await reservationLoad({
      servers,
      facts,
      tokens,
      campaign: facts.campaigns.kill,
      attempts,
      label: "kill",
      onAnswered: (n) => {
        if (n === killAfter) {
          log(`kill -9 ${b.pid} (server-b) after ${n} answered attempts`)
          b.kill9()
        }
      },
    })
    log(`kill: ${JSON.stringify(kill.counts)} in ${kill.seconds} s, retries ${JSON.stringify(kill.retries)}`)
    const sweep = await waitForOrders(facts.campaigns.kill.id, 180)
    log(`orphans swept: ${JSON.stringify(sweep)}`)
    const killCheck = await check(facts, facts.campaigns.kill, kill)
    log(`kill check: ${JSON.stringify(killCheck.summary)}`)

    const ratio = round(main.handled_per_s / prod.rps, 3)
    const zero = (c) => c.summary.oversold === 0 && c.summary.lost === 0 && c.summary.double_counted === 0
    return {
      benchmark: "presale",
      commit: commit(),
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, postgres: facts.postgres },
      config: {
        ...config,
        attempts,
        quantity: 1,
        buckets: facts.buckets,
        payment_mode: "full",
        windows: "one, open to everyone since an hour ago",
        processes: "2 × `medusa start` MEDUSA_WORKER_MODE=server (own PORT) + 1 × MEDUSA_WORKER_MODE=worker, NODE_ENV=production, ADMIN_DISABLED=true, REDIS_URL (event bus, workflow engine, cache, locking, presale gate) and PostgreSQL on loopback",
        client:
          "the bench process: node http with a keep-alive agent per server, attempts in a seeded shuffle of customer × attempt, round-robin over the servers, a fresh Idempotency-Key per attempt; products with autocannon (32 connections per server)",
        setup_seconds: facts.seconds,
      },
      reservations: { ...main.counts, seconds: main.seconds, attempts_per_s: main.handled_per_s, latency: main.latency, refusal_codes: main.codes, error_samples: main.error_samples, check: mainCheck },
      products: { ...prod, seconds: productSeconds },
      ratio_attempts_to_products: ratio,
      gate,
      kill: {
        killed: "server-b, SIGKILL",
        after_answered: killAfter,
        ...kill.counts,
        seconds: kill.seconds,
        attempts_per_s: kill.handled_per_s,
        latency: kill.latency,
        retries: kill.retries,
        refusal_codes: kill.codes,
        error_samples: kill.error_samples,
        sweep,
        check: killCheck,
      },
      targets: { oversold: 0, lost: 0, ratio_attempts_to_products_min: 0.7, ratio_gate_to_bare_min: 0.5 },
      met: {
        main_zero: zero(mainCheck),
        kill_zero: zero(killCheck),
        ratio_attempts_to_products: ratio >= 0.7,
        ratio_gate_to_bare: gate.ratio_gate_to_bare >= 0.5,
      },
      wall_seconds: Math.round((Date.now() - started) / 1000),
    }
  } finally {
    for (const p of procs) await p.stop()
  }
}

const baseEnv = () => ({
  DATABASE_URL,
  REDIS_URL,
  JWT_SECRET,
  COOKIE_SECRET: "bench-presale-cookie-secret",
  MEDUSA_DISABLE_TELEMETRY: "true",
  ADMIN_DISABLED: "true",
})

async function freshDatabase() {
  const target = new URL(DATABASE_URL)
  const name = decodeURIComponent(target.pathname.slice(1))
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`database name ${name}: letters, digits and _ only`)
  const admin = new URL(DATABASE_URL)
  admin.pathname = "/postgres"
  const pg = new Client({ connectionString: admin.toString() })
  await pg.connect()
  try {
    await pg.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await pg.query(`CREATE DATABASE ${name}`)
  } finally {
    await pg.end()
  }
  log(`fresh database ${name} on ${target.host}`)
}

/** One `medusa start` process; kill9() ends it without warning, stop() gracefully. */
async function startProcess(name, mode) {
  const port = await freePort()
  fs.mkdirSync(resultsDir, { recursive: true })
  const logFile = path.join(resultsDir, `presale-${name}.log`)
  const out = fs.openSync(logFile, "w")
  const env = { ...process.env, ...baseEnv(), NODE_ENV: "production", PORT: String(port), MEDUSA_WORKER_MODE: mode }
  const t = Date.now()
  const child = spawn(bin("medusa"), ["start"], { cwd: ROOT, env, stdio: ["ignore", out, out] })
  let exited = null
  child.once("exit", (code, signal) => (exited = code ?? signal))
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 240_000
  for (;;) {
    if (exited !== null) throw new Error(`${name}: medusa start exited (${exited}); see ${logFile}`)
    if (Date.now() > deadline) throw new Error(`${name}: no /health in 240 s; see ${logFile}`)
    try {
      if ((await fetch(`${base}/health`)).ok) break
    } catch {}
    await sleep(500)
  }
  log(`${name} (${mode}, pid ${child.pid}) answers on ${base} after ${((Date.now() - t) / 1000).toFixed(1)} s`)
  const agent = new http.Agent({ keepAlive: true, maxSockets: config.concurrency })
  return {
    name,
    port,
    base,
    pid: child.pid,
    agent,
    kill9: () => child.kill("SIGKILL"),
    stop: async () => {
      agent.destroy()
      if (exited !== null) return
      const gone = new Promise((r) => child.once("exit", r))
      child.kill("SIGTERM")
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000)
      await gone
      clearTimeout(timer)
    },
  }
}

/** One request over the server's keep-alive agent: { status, body } or a thrown network error. */
function request(server, method, p, headers, body) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body)
    const req = http.request(
      { host: "127.0.0.1", port: server.port, method, path: p, agent: server.agent, headers: { ...headers, ...(data ? { "content-type": "application/json", "content-length": Buffer.byteLength(data) } : {}) }, timeout: 120_000 },
      (res) => {
        const chunks = []
        res.on("data", (c) => chunks.push(c))
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString()
          let json = null
          try {
            json = JSON.parse(text)
          } catch {}
          resolve({ status: res.statusCode, body: json ?? text })
        })
        res.on("error", reject)
      }
    )
    req.on("timeout", () => req.destroy(new Error("timeout after 120 s")))
    req.on("error", reject)
    if (data) req.write(data)
    req.end()
  })
}

const get = async (server, p, headers) => {
  const r = await request(server, "GET", p, headers)
  if (r.status !== 200) throw new Error(`GET ${p} on ${server.name} → ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`)
  return r.body
}

/**
 * `attempts` reservation attempts at a campaign: customer i % customers, in a seeded shuffle,
 * server by position, `concurrency` in flight. A network failure is retried at the other server
 * with the same key; 409 idempotency_in_progress is retried after a second.
 */
async function reservationLoad({ servers, facts, tokens, campaign, attempts, label, onAnswered }) {
  const rand = mulberry32(SEED + attempts)
  const order = Array.from({ length: attempts }, (_, i) => i)
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[order[i], order[j]] = [order[j], order[i]]
  }
  const results = new Array(attempts)
  const retries = { network: 0, in_progress: 0, network_errors: {} }
  let next = 0
  let answered = 0
  const t0 = process.hrtime.bigint()
  const one = async (pos) => {
    const i = order[pos]
    const customer = i % tokens.length
    const key = `bench-${label}-${campaign.id}-${i}`
    const headers = { authorization: `Bearer ${tokens[customer]}`, "x-publishable-api-key": facts.publishable_key, "idempotency-key": key }
    const body = { variant_id: campaign.variant_id, quantity: 1 }
    let server = pos % servers.length
    const started = process.hrtime.bigint()
    let tries = 0
    for (;;) {
      tries++
      let r
      try {
        r = await request(servers[server], "POST", `/store/presales/${campaign.id}/reservations`, headers, body)
      } catch (e) {
        retries.network++
        const what = e.code ?? e.message
        retries.network_errors[what] = (retries.network_errors[what] ?? 0) + 1
        if (tries > 30) return { kind: "error", status: 0, error: `network: ${what} (gave up after ${tries} tries)`, customer, key, ms: ms(started) }
        server = (server + 1) % servers.length
        await sleep(100)
        continue
      }
      if (r.status === 409 && r.body?.code === "idempotency_in_progress") {
        retries.in_progress++
        if (ms(started) > 120_000) return { kind: "error", status: 409, error: "idempotency_in_progress for 120 s", customer, key, ms: ms(started) }
        await sleep(1000)
        continue
      }
      const out = { status: r.status, customer, key, ms: ms(started), tries }
      if (r.status === 201 && r.body?.reservation?.id) return { ...out, kind: "accepted", reservation_id: r.body.reservation.id, order_id: r.body.reservation.order_id ?? null }
      // A clean refusal is the presale's own 409 (presale_sold_out, presale_member_limit, …).
      // Medusa's generic 409 invalid_state_error (any CONFLICT thrown inside, e.g. "Timed-out
      // acquiring lock." while making the order) is counted as an error, with its code.
      if (r.status === 409 && String(r.body?.code ?? "").startsWith("presale_")) return { ...out, kind: "refused", code: r.body.code }
      return { ...out, kind: "error", error: typeof r.body === "string" ? r.body.slice(0, 500) : JSON.stringify(r.body).slice(0, 500) }
    }
  }
  await Promise.all(
    Array.from({ length: config.concurrency }, async () => {
      for (;;) {
        const pos = next++
        if (pos >= attempts) return
        results[pos] = await one(pos)
        answered++
        onAnswered?.(answered)
      }
    })
  )
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  const counts = { attempts, accepted: 0, refused: 0, errors: 0 }
  const codes = {}
  const errors = {}
  for (const r of results) {
    counts[r.kind === "accepted" ? "accepted" : r.kind === "refused" ? "refused" : "errors"]++
    if (r.kind === "refused") codes[r.code] = (codes[r.code] ?? 0) + 1
    if (r.kind === "error") {
      const k = `${r.status} ${r.error}`.slice(0, 300)
      errors[k] = (errors[k] ?? 0) + 1
    }
  }
  const lat = results.filter((r) => r.kind !== "error").map((r) => r.ms).sort((x, y) => x - y)
  return {
    results,
    counts,
    codes,
    error_samples: errors,
    retries,
    seconds: round(seconds, 1),
    handled_per_s: round((counts.accepted + counts.refused) / seconds, 1),
    latency: { p50_ms: round(percentile(lat, 50)), p90_ms: round(percentile(lat, 90)), p99_ms: round(percentile(lat, 99)), max_ms: round(lat[lat.length - 1] ?? NaN) },
  }
}

const ms = (started) => Number(process.hrtime.bigint() - started) / 1e6

/** autocannon on GET /store/products?limit=20, half the connections on each server, at once. */
async function products(servers, headers, seconds) {
  const per = Math.max(1, Math.floor(config.concurrency / servers.length))
  const latencies = []
  let non2xx = 0
  const runs = servers.map((s) => {
    const instance = autocannon({ url: `${s.base}/store/products?limit=20`, connections: per, duration: seconds, headers })
    instance.on("response", (_c, status, _b, time) => {
      if (status >= 200 && status < 300) latencies.push(time)
      else non2xx++
    })
    return instance
  })
  const results = await Promise.all(runs)
  const errors = results.reduce((s, r) => s + r.errors + r.timeouts, 0)
  if (non2xx || errors) throw new Error(`products: ${non2xx} non-2xx, ${errors} errors/timeouts`)
  const duration = Math.max(...results.map((r) => r.duration))
  latencies.sort((x, y) => x - y)
  return { requests: latencies.length, rps: round(latencies.length / duration, 1), p50_ms: round(percentile(latencies, 50)), p99_ms: round(percentile(latencies, 99)), connections: per * servers.length }
}

async function withPg(fn) {
  const pg = new Client({ connectionString: DATABASE_URL })
  await pg.connect()
  try {
    return await fn(pg)
  } finally {
    await pg.end()
  }
}

/** Waits until no holding reservation of the campaign is without its order (the worker's job makes them). */
async function waitForOrders(campaignId, seconds) {
  const t = Date.now()
  const orphans = () =>
    withPg(async (pg) => (await pg.query(`SELECT count(*)::int AS n FROM presale_reservation WHERE campaign_id = $1 AND status = 'reserved' AND order_id IS NULL AND deleted_at IS NULL`, [campaignId])).rows[0].n)
  const first = await orphans()
  let left = first
  while (left > 0 && Date.now() - t < seconds * 1000) {
    await sleep(5000)
    left = await orphans()
  }
  return { orphans_after_run: first, orphans_left: left, waited_s: Math.round((Date.now() - t) / 1000) }
}

/**
 * The database against the answers: counters, holding reservations, one row per 201 and one 201
 * per row, one row per key, the member limit, the orders and the presale location's reservations;
 * then the app's own reconcile (counters vs reservations vs the Redis gate).
 */
async function check(facts, campaign, load) {
  const accepted = load.results.filter((r) => r.kind === "accepted")
  const db = await withPg(async (pg) => {
    const q = async (sql, params) => (await pg.query(sql, params)).rows
    const [counter] = await q(`SELECT coalesce(sum(sold), 0)::int AS sold, count(*)::int AS rows FROM presale_counter WHERE campaign_id = $1 AND deleted_at IS NULL`, [campaign.id])
    const rows = await q(
      `SELECT id, status, quantity, customer_id, order_id, end_reason, metadata->>'idempotency_key' AS key FROM presale_reservation WHERE campaign_id = $1 AND deleted_at IS NULL`,
      [campaign.id]
    )
    const holdingRows = rows.filter((r) => HOLDING.includes(r.status))
    const orderIds = holdingRows.map((r) => r.order_id).filter(Boolean)
    const [orders] = await q(`SELECT count(*)::int AS n FROM "order" WHERE id = ANY($1) AND deleted_at IS NULL AND status <> 'canceled'`, [orderIds])
    const [loc] = await q(
      `SELECT coalesce(sum(ri.quantity), 0)::int AS reserved FROM reservation_item ri
         JOIN product_variant_inventory_item vi ON vi.inventory_item_id = ri.inventory_item_id AND vi.deleted_at IS NULL
         JOIN presale_campaign c ON c.id = $1 AND c.location_id = ri.location_id
        WHERE vi.variant_id = $2 AND ri.deleted_at IS NULL`,
      [campaign.id, campaign.variant_id]
    )
    return { counter, rows, holdingRows, orders: orders.n, location_reserved: loc.reserved }
  })
  const byId = new Map(db.rows.map((r) => [r.id, r]))
  const acceptedIds = new Map()
  for (const a of accepted) acceptedIds.set(a.reservation_id, (acceptedIds.get(a.reservation_id) ?? 0) + 1)
  const holdingUnits = db.holdingRows.reduce((s, r) => s + r.quantity, 0)
  const answeredWithoutRow = accepted.filter((a) => !HOLDING.includes(byId.get(a.reservation_id)?.status)).length
  const rowsWithout201 = db.holdingRows.filter((r) => !acceptedIds.has(r.id))
  const sameIdTwice = [...acceptedIds.values()].filter((n) => n > 1).length
  const keys = new Map()
  for (const r of db.rows) if (r.key) keys.set(r.key, (keys.get(r.key) ?? 0) + 1)
  const keyTwice = [...keys.values()].filter((n) => n > 1).length
  const perCustomer = new Map()
  for (const r of db.holdingRows) perCustomer.set(r.customer_id, (perCustomer.get(r.customer_id) ?? 0) + r.quantity)
  const overLimit = facts.per_member_limit ? [...perCustomer.values()].filter((u) => u > facts.per_member_limit).length : 0
  const errored = new Set(load.results.filter((r) => r.kind === "error").map((r) => r.key))
  const rowsOfErrored = db.rows.filter((r) => errored.has(r.key)).map((r) => ({ id: r.id, status: r.status, end_reason: r.end_reason }))
  const endedRows = db.rows.filter((r) => !HOLDING.includes(r.status)).reduce((m, r) => ((m[`${r.status}/${r.end_reason}`] = (m[`${r.status}/${r.end_reason}`] ?? 0) + 1), m), {})

  // The script of npm run presale:reconcile, the campaign id as a positional argument (after a
  // "--" yargs keeps it from the script). Exits 1 on a problem; its report is printed either way.
  let output
  try {
    output = await runCommand(bin("medusa"), ["exec", "./src/scripts/presale-reconcile.ts", campaign.id], { ...baseEnv(), MEDUSA_WORKER_MODE: "server" }, { quiet: true })
  } catch (e) {
    output = e.message
  }
  const reconcileLine = output.split("\n").find((l) => l.startsWith(`{"campaign_id":"${campaign.id}"`))
  const reconcile = reconcileLine ? JSON.parse(reconcileLine) : { failed: output.slice(-1500) }
  const oversold = Math.max(0, db.counter.sold - campaign.units)
  const lost = answeredWithoutRow + rowsWithout201.length
  const double = sameIdTwice + keyTwice + Math.abs(db.counter.sold - holdingUnits)
  return {
    summary: { oversold, lost, double_counted: double, over_member_limit: overLimit, reconcile_ok: reconcile?.oversold === 0 && reconcile?.disagreements?.length === 0 && reconcile?.gate === "agrees" },
    units: campaign.units,
    counter_sold: db.counter.sold,
    counter_rows: db.counter.rows,
    holding_reservations: db.holdingRows.length,
    holding_units: holdingUnits,
    accepted_201: accepted.length,
    accepted_without_holding_row: answeredWithoutRow,
    holding_rows_without_201: rowsWithout201.length,
    holding_rows_without_201_sample: rowsWithout201.slice(0, 5).map((r) => ({ id: r.id, key: r.key, order_id: r.order_id })),
    same_reservation_in_two_answers: sameIdTwice,
    idempotency_keys_with_two_rows: keyTwice,
    ended_rows: endedRows,
    rows_of_errored_attempts: rowsOfErrored.slice(0, 10),
    holding_without_order: db.holdingRows.filter((r) => !r.order_id).length,
    open_orders: db.orders,
    presale_location_reserved: db.location_reserved,
    reconcile,
  }
}

function commit() {
  try {
    const sha = execSync("git rev-parse --short HEAD", { cwd: ROOT }).toString().trim()
    const dirty = execSync("git status --porcelain -- src/api src/workflows src/modules src/lib src/links src/subscribers src/jobs bench medusa-config.ts", { cwd: ROOT }).toString().trim()
    return dirty ? `${sha}+changes` : sha
  } catch {
    return null
  }
}

module.exports = { run }
