// bench/allocation: POST /store/carts/:id/complete at 3,000 shops, Mendian's allocation
// (completeCartWithAllocationWorkflow) against Medusa's own completeCartWorkflow, in one run:
// two `medusa start` processes on the same scale database, one with MENDIAN_ALLOCATION=core,
// carts completed one at a time, alternating between them.
//
//   flock /tmp/mendian-heavy.lock env DATABASE_URL=postgres://…/<copy of the scale db> npm run bench -- allocation
//
// Each cart is built through the Store API first (1–3 random stocked variants × 1–2 units, a
// shipping address in a random demo city, half of them with a customer_location, the delivery
// option, a pp_system_default payment session) and only its completion is timed.
// Environment: DATABASE_URL (else the embedded PostgreSQL of scripts/with-db.js),
// BENCH_ROUNDS (3), BENCH_CARTS (60 per server per round), BENCH_WARMUP (10 per server).
// The database is changed (orders, reservations): use a copy (createdb -T).
// cities.json: the demo chain's city centres (src/scripts/demo-chain/cities.ts), for the addresses.
const os = require("node:os")
const path = require("node:path")
const { execSync } = require("node:child_process")
const { Client } = require("pg")
const { ROOT } = require("../../scripts/lib/database")
const { run: runCommand } = require("../../scripts/lib/run")
const { prepareDatabase, bin } = require("../../scripts/with-db")
const { startServer } = require("../lib/server")
const { median, mulberry32, percentile, round } = require("../lib/stats")

const SHOPS = 3000
const VARIANTS = 1000
const SEED = 4242
const ONLINE_CHANNEL = "Online 线上商城"

const config = {
  rounds: Number(process.env.BENCH_ROUNDS ?? 3),
  carts: Number(process.env.BENCH_CARTS ?? 60),
  warmup: Number(process.env.BENCH_WARMUP ?? 10),
}

const log = (msg) => process.stderr.write(`[bench allocation] ${msg}\n`)

async function run() {
  const db = await prepareDatabase({ log })
  const servers = {}
  try {
    let facts = await readScale(db.url)
    if (facts.shops < SHOPS || !facts.key) {
      log(`${facts.shops} shops in the database: running the scale seed first`)
      await runCommand(bin("medusa"), ["exec", "./src/scripts/seed-scale.ts", "--", "--shops", String(SHOPS), "--variants", String(VARIANTS)], {
        DATABASE_URL: db.url,
        MEDUSA_DISABLE_TELEMETRY: "true",
      })
      facts = await readScale(db.url)
    }
    await runCommand(bin("medusa"), ["exec", "./bench/allocation/setup.ts"], { DATABASE_URL: db.url, MEDUSA_DISABLE_TELEMETRY: "true" }, { quiet: true })
    facts = await readScale(db.url)
    log(`${facts.shops} shops, ${facts.variants.length} stocked variants, ${facts.levels.toLocaleString("en-US")} inventory levels`)

    servers.mendian = await startServer({ databaseUrl: db.url, log, logFile: path.join(ROOT, "bench/results/allocation-mendian.log") })
    process.env.MENDIAN_ALLOCATION = "core"
    try {
      servers.core = await startServer({ databaseUrl: db.url, log, logFile: path.join(ROOT, "bench/results/allocation-core.log") })
    } finally {
      delete process.env.MENDIAN_ALLOCATION
    }

    const rand = mulberry32(SEED)
    const cities = require("./cities.json")
    const headers = { "content-type": "application/json", "x-publishable-api-key": facts.key }
    const api = async (base, method, p, body) => {
      const res = await fetch(base + p, { method, headers, body: body ? JSON.stringify(body) : undefined })
      const json = await res.json().catch(() => ({}))
      if (!res.ok) throw new Error(`${method} ${p} → ${res.status} ${JSON.stringify(json).slice(0, 400)}`)
      return json
    }
    const newCartSpec = () => {
      const n = 1 + Math.floor(rand() * 3)
      const items = new Map()
      while (items.size < n) items.set(facts.variants[Math.floor(rand() * facts.variants.length)], 1 + Math.floor(rand() * 2))
      const city = cities[Math.floor(rand() * cities.length)]
      const point = rand() < 0.5 ? { lat: city.lat + (rand() - 0.5) * 0.1, lng: city.lng + (rand() - 0.5) * 0.1 } : null
      return { items: [...items].map(([variant_id, quantity]) => ({ variant_id, quantity })), city: city.name, point }
    }
    /** Builds a cart on `base` (untimed) and times its completion. */
    const checkout = async (base, spec) => {
      const { cart } = await api(base, "POST", "/store/carts", {
        region_id: facts.region_id,
        email: "bench@example.cn",
        items: spec.items,
        shipping_address: { first_name: "测", last_name: "试", address_1: "人民路 1 号", city: spec.city, country_code: "cn", postal_code: "100000" },
        ...(spec.point ? { metadata: { customer_location: spec.point } } : {}),
      })
      await api(base, "POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: facts.option_id })
      const { payment_collection } = await api(base, "POST", "/store/payment-collections", { cart_id: cart.id })
      await api(base, "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
      const started = process.hrtime.bigint()
      const res = await fetch(`${base}/store/carts/${cart.id}/complete`, { method: "POST", headers })
      const json = await res.json()
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      return { ms, ok: res.ok && json.type === "order", status: res.status, order: json.order, error: json.message ?? json.error?.message }
    }

    const checked = {}
    for (const name of ["mendian", "core"]) {
      log(`warm-up: ${config.warmup} carts on ${name}`)
      for (let i = 0; i < config.warmup; i++) {
        const r = await checkout(servers[name].base, newCartSpec())
        if (!r.ok && !/stock|inventory/i.test(r.error ?? "")) throw new Error(`${name} warm-up completion failed: ${r.status} ${r.error}`)
        if (r.ok) checked[name] = r.order
      }
    }
    if (!checked.mendian?.items?.every((i) => i.metadata?.mendian_allocation)) throw new Error("the mendian server did not allocate")
    if (checked.core?.items?.some((i) => i.metadata?.mendian_allocation)) throw new Error("the core server allocated")

    const samples = { mendian: [], core: [] }
    const refused = { mendian: 0, core: 0 }
    const splits = { orders: 0, lines: 0 }
    const rounds = []
    for (let r = 1; r <= config.rounds; r++) {
      const round_ = { mendian: [], core: [] }
      for (let i = 0; i < config.carts; i++) {
        // The same cart for both, in alternating order.
        const spec = newCartSpec()
        const order = (r + i) % 2 ? ["mendian", "core"] : ["core", "mendian"]
        for (const name of order) {
          const res = await checkout(servers[name].base, spec)
          if (!res.ok) {
            // Only "not enough stock" may fail (the same cart on both servers competes for stock).
            if (res.status !== 400 || !/stock|inventory/i.test(res.error ?? "")) throw new Error(`${name}: ${res.status} ${res.error}`)
            refused[name]++
            continue
          }
          round_[name].push(res.ms)
          samples[name].push(res.ms)
          if (name === "mendian") {
            const cartLines = new Set(res.order.items.map((i) => i.metadata?.mendian_allocation?.cart_line_item_id))
            if (cartLines.size < res.order.items.length) {
              splits.orders++
              splits.lines += res.order.items.length - cartLines.size
            }
          }
        }
      }
      const stat = (xs) => {
        const s = [...xs].sort((a, b) => a - b)
        return { n: s.length, p50_ms: round(percentile(s, 50)), p95_ms: round(percentile(s, 95)) }
      }
      const m = stat(round_.mendian)
      const c = stat(round_.core)
      rounds.push({ mendian: m, core: c, p95_ratio: round(m.p95_ms / c.p95_ms, 3) })
      log(`round ${r}/${config.rounds}: mendian p50 ${m.p50_ms} p95 ${m.p95_ms} ms | core p50 ${c.p50_ms} p95 ${c.p95_ms} ms`)
    }
    const all = (xs) => {
      const s = [...xs].sort((a, b) => a - b)
      return { completions: s.length, p50_ms: round(percentile(s, 50)), p95_ms: round(percentile(s, 95)), p99_ms: round(percentile(s, 99)) }
    }
    const mendian = all(samples.mendian)
    const core = all(samples.core)
    const p95Ratio = round(mendian.p95_ms / core.p95_ms, 3)
    const medianRoundRatio = round(median(rounds.map((x) => x.p95_ratio)), 3)
    return {
      benchmark: "allocation",
      commit: commit(),
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, postgres: facts.postgres },
      scale: { shops: facts.shops, stocked_variants: facts.variants.length, inventory_levels: facts.levels },
      config: {
        ...config,
        servers: "two `medusa start` processes (NODE_ENV=production, no Redis) on the same database; MENDIAN_ALLOCATION=core on one",
        client: "one cart at a time, the same cart spec on both servers in alternating order; only POST /store/carts/:id/complete is timed",
        seed: SEED,
      },
      mendian,
      core,
      refused_400: refused,
      mendian_split_orders: splits,
      p95_ratio: p95Ratio,
      p95_ratio_median_of_rounds: medianRoundRatio,
      p50_ratio: round(mendian.p50_ms / core.p50_ms, 3),
      target: { p95_ratio_max: 1.1 },
      met: p95Ratio <= 1.1,
      rounds,
    }
  } finally {
    for (const s of Object.values(servers)) await s.stop()
    await db.stop()
  }
}

async function readScale(url) {
  const pg = new Client({ connectionString: url })
  await pg.connect()
  try {
    const one = async (sql, params) => (await pg.query(sql, params)).rows[0]
    const shops = await one("SELECT count(*)::int AS n FROM shop WHERE deleted_at IS NULL")
    // Variants that some online location holds at least 4 of, so most carts can be served.
    const variants = await pg.query(
      `SELECT v.id FROM product_variant v
         JOIN product_variant_inventory_item l ON l.variant_id = v.id AND l.deleted_at IS NULL
        WHERE v.deleted_at IS NULL AND v.manage_inventory
          AND EXISTS (SELECT 1 FROM inventory_level il WHERE il.inventory_item_id = l.inventory_item_id AND il.deleted_at IS NULL
                       AND il.stocked_quantity - il.reserved_quantity >= 4)
        ORDER BY v.sku`
    )
    const key = await one(
      `SELECT k.token FROM api_key k
         JOIN publishable_api_key_sales_channel l ON l.publishable_key_id = k.id AND l.deleted_at IS NULL
         JOIN sales_channel c ON c.id = l.sales_channel_id AND c.deleted_at IS NULL
        WHERE k.type = 'publishable' AND k.revoked_at IS NULL AND k.deleted_at IS NULL AND c.name = $1
        ORDER BY k.created_at LIMIT 1`,
      [ONLINE_CHANNEL]
    )
    const region = await one("SELECT id FROM region WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1")
    const option = await one("SELECT id FROM shipping_option WHERE deleted_at IS NULL AND name = 'Bench delivery 快递' LIMIT 1")
    const levels = await one("SELECT count(*)::bigint AS n FROM inventory_level WHERE deleted_at IS NULL")
    const version = await one("SHOW server_version")
    return {
      shops: shops.n,
      variants: variants.rows.map((r) => r.id),
      key: key?.token ?? null,
      region_id: region?.id,
      option_id: option?.id,
      levels: Number(levels?.n ?? 0),
      postgres: version.server_version,
    }
  } finally {
    await pg.end()
  }
}

function commit() {
  try {
    const sha = execSync("git rev-parse --short HEAD", { cwd: ROOT }).toString().trim()
    const dirty = execSync("git status --porcelain -- src/api src/workflows src/modules src/lib src/links bench medusa-config.ts", { cwd: ROOT }).toString().trim()
    return dirty ? `${sha}+changes` : sha
  } catch {
    return null
  }
}

module.exports = { run }
