// bench/store-shops: Mendian's GET /store/shops (nearest shops with the availability of three
// variants) against Medusa's own GET /store/products?limit=20, served by the same single
// `medusa start` process from the 3,000-shop scale database, measured in alternating rounds.
//
//   flock /tmp/mendian-heavy.lock npm run bench -- store-shops
//
// Environment: DATABASE_URL (else the embedded PostgreSQL of scripts/with-db.js),
// BENCH_ROUNDS (5), BENCH_SECONDS (15), BENCH_WARMUP_SECONDS (10), BENCH_CONNECTIONS (16).
// When the database holds fewer than 3,000 shops it runs the scale seed first.
const os = require("node:os")
const path = require("node:path")
const { execSync } = require("node:child_process")
const autocannon = require("autocannon")
const { Client } = require("pg")
const { ROOT } = require("../../scripts/lib/database")
const { run: runCommand } = require("../../scripts/lib/run")
const { prepareDatabase, bin } = require("../../scripts/with-db")
const { startServer } = require("../lib/server")
const { median, mulberry32, percentile, round } = require("../lib/stats")

const SHOPS = 3000
const VARIANTS = 1000
const SEED = 871
const URLS = 5000
const RADIUS_KM = 50
const LIMIT = 20
const VARIANTS_PER_REQUEST = 3
/** Origins fall up to this far (in degrees, ~5 km) from a city centre. */
const JITTER_DEG = 0.05
const ONLINE_CHANNEL = "Online 线上商城"

const config = {
  rounds: Number(process.env.BENCH_ROUNDS ?? 5),
  seconds: Number(process.env.BENCH_SECONDS ?? 15),
  warmup_seconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 10),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 16),
}

const log = (msg) => process.stderr.write(`[bench store-shops] ${msg}\n`)

async function run() {
  const db = await prepareDatabase({ log })
  let server = null
  try {
    let facts = await readScale(db.url)
    if (facts.shops < SHOPS || !facts.key) {
      log(`${facts.shops} shops in the database: running the scale seed first`)
      await runCommand(
        bin("medusa"),
        ["exec", "./src/scripts/seed-scale.ts", "--", "--shops", String(SHOPS), "--variants", String(VARIANTS)],
        { DATABASE_URL: db.url, MEDUSA_DISABLE_TELEMETRY: "true" }
      )
      facts = await readScale(db.url)
    }
    log(`${facts.shops} shops (${facts.open_shops} open), ${facts.variants} variants, ${facts.levels.toLocaleString("en-US")} inventory levels`)

    const paths = requestPaths(facts)
    server = await startServer({ databaseUrl: db.url, log, logFile: path.join(ROOT, "bench/results/store-shops-server.log") })
    const headers = { "x-publishable-api-key": facts.key }
    const routes = {
      shops: { paths },
      products: { paths: [`/store/products?limit=${LIMIT}`] },
    }
    const sample = await checkResponses(server.base, headers, routes)

    log(`warm-up: ${config.warmup_seconds} s per route`)
    for (const name of Object.keys(routes)) await load(server.base, headers, routes[name], config.warmup_seconds)

    const rounds = { shops: [], products: [] }
    for (let r = 1; r <= config.rounds; r++) {
      // Alternate which route goes first, so a drift in the machine hits both alike.
      const order = r % 2 ? ["shops", "products"] : ["products", "shops"]
      for (const name of order) {
        const m = await load(server.base, headers, routes[name], config.seconds)
        rounds[name].push(m)
        log(`round ${r}/${config.rounds} ${name.padEnd(8)} ${m.rps} req/s  p50 ${m.p50_ms} ms  p95 ${m.p95_ms} ms  (${m.requests} requests)`)
      }
    }

    const summary = (name) => ({
      rps: round(median(rounds[name].map((m) => m.rps)), 1),
      p50_ms: round(median(rounds[name].map((m) => m.p50_ms))),
      p95_ms: round(median(rounds[name].map((m) => m.p95_ms))),
      rounds: rounds[name],
    })
    const shops = summary("shops")
    const products = summary("products")
    const ratios = {
      throughput: round(shops.rps / products.rps, 3),
      p50: round(shops.p50_ms / products.p50_ms, 3),
      p95: round(shops.p95_ms / products.p95_ms, 3),
    }
    return {
      benchmark: "store-shops",
      commit: commit(),
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, postgres: facts.postgres },
      scale: { shops: facts.shops, open_shops: facts.open_shops, variants: facts.variants, inventory_levels: facts.levels },
      config: {
        ...config,
        server: "one `medusa start` process, NODE_ENV=production, no Redis",
        client: "autocannon in the bench process",
        shops_url: `/store/shops?lat&lng&radius_km=${RADIUS_KM}&limit=${LIMIT}&variant_id×${VARIANTS_PER_REQUEST}`,
        products_url: `/store/products?limit=${LIMIT}`,
        distinct_shops_urls: paths.length,
        seed: SEED,
      },
      shops_response_sample: sample,
      shops: { rps: shops.rps, p50_ms: shops.p50_ms, p95_ms: shops.p95_ms },
      products: { rps: products.rps, p50_ms: products.p50_ms, p95_ms: products.p95_ms },
      ratios,
      target: { throughput_min: 0.9, p95_max: 1.1 },
      met: ratios.throughput >= 0.9 && ratios.p95 <= 1.1,
      rounds: { shops: shops.rounds, products: products.rounds },
    }
  } finally {
    if (server) await server.stop()
    await db.stop()
  }
}

async function readScale(url) {
  const pg = new Client({ connectionString: url })
  await pg.connect()
  try {
    const one = async (sql, params) => (await pg.query(sql, params)).rows[0]
    const shops = await pg.query(
      "SELECT code, city, latitude, longitude, status FROM shop WHERE deleted_at IS NULL ORDER BY code"
    )
    const variants = await pg.query(
      `SELECT v.id FROM product_variant v
         JOIN product_variant_inventory_item l ON l.variant_id = v.id AND l.deleted_at IS NULL
        WHERE v.deleted_at IS NULL AND v.manage_inventory ORDER BY v.sku`
    )
    const key = await one(
      `SELECT k.token FROM api_key k
         JOIN publishable_api_key_sales_channel l ON l.publishable_key_id = k.id AND l.deleted_at IS NULL
         JOIN sales_channel c ON c.id = l.sales_channel_id AND c.deleted_at IS NULL
        WHERE k.type = 'publishable' AND k.revoked_at IS NULL AND k.deleted_at IS NULL AND c.name = $1
        ORDER BY k.created_at LIMIT 1`,
      [ONLINE_CHANNEL]
    )
    const levels = await one("SELECT count(*)::bigint AS n FROM inventory_level WHERE deleted_at IS NULL")
    const version = await one("SHOW server_version")
    return {
      shops: shops.rows.length,
      open_shops: shops.rows.filter((s) => s.status === "open").length,
      openShops: shops.rows.filter((s) => s.status === "open"),
      variants: variants.rows.length,
      variantIds: variants.rows.map((r) => r.id),
      key: key?.token ?? null,
      levels: Number(levels?.n ?? 0),
      postgres: version.server_version,
    }
  } finally {
    await pg.end()
  }
}

/**
 * The storefront's requests, fixed by the seed: a random open shop's city centre ± ~5 km,
 * three distinct random variants.
 */
function requestPaths(facts) {
  require("ts-node").register({ transpileOnly: true })
  const { CITIES } = require("../../src/scripts/demo-chain/cities")
  const centre = new Map(CITIES.map((c) => [c.name, c]))
  const rand = mulberry32(SEED)
  const pick = (xs) => xs[Math.floor(rand() * xs.length)]
  const paths = []
  for (let i = 0; i < URLS; i++) {
    const shop = pick(facts.openShops)
    const city = centre.get(shop.city) ?? { lat: shop.latitude, lng: shop.longitude }
    const lat = (city.lat + (rand() * 2 - 1) * JITTER_DEG).toFixed(5)
    const lng = (city.lng + (rand() * 2 - 1) * JITTER_DEG).toFixed(5)
    const ids = new Set()
    while (ids.size < VARIANTS_PER_REQUEST) ids.add(pick(facts.variantIds))
    paths.push(
      `/store/shops?lat=${lat}&lng=${lng}&radius_km=${RADIUS_KM}&limit=${LIMIT}&` +
        [...ids].map((id) => `variant_id=${id}`).join("&")
    )
  }
  return paths
}

/** Fails unless both routes answer as a storefront expects; describes what /store/shops returns. */
async function checkResponses(base, headers, routes) {
  const products = await fetch(base + routes.products.paths[0], { headers })
  const body = await products.json()
  if (products.status !== 200 || body.products?.length !== LIMIT) {
    throw new Error(`/store/products answered ${products.status} with ${body.products?.length} products`)
  }
  const counts = []
  const returned = []
  for (const p of routes.shops.paths.slice(0, 100)) {
    const res = await fetch(base + p, { headers })
    const json = await res.json()
    if (res.status !== 200) throw new Error(`${p} answered ${res.status}: ${JSON.stringify(json)}`)
    if (json.shops.some((s) => s.availability?.length !== VARIANTS_PER_REQUEST)) {
      throw new Error(`${p} returned shops without availability for ${VARIANTS_PER_REQUEST} variants`)
    }
    counts.push(json.count)
    returned.push(json.shops.length)
  }
  if (!returned.some((n) => n > 0)) throw new Error("/store/shops found no shops for the first 100 requests")
  const sample = {
    of_requests: counts.length,
    median_shops_in_radius: median(counts),
    max_shops_in_radius: Math.max(...counts),
    median_shops_returned: median(returned),
  }
  log(`/store/shops over the first 100 requests: ${JSON.stringify(sample)}`)
  return sample
}

/** One autocannon run of `seconds` against a route, cycling through its paths. */
async function load(base, headers, route, seconds) {
  let next = 0
  const latencies = []
  let non2xx = 0
  const instance = autocannon({
    url: base,
    connections: config.connections,
    duration: seconds,
    headers,
    requests: [
      {
        method: "GET",
        setupRequest: (req) => ({ ...req, path: route.paths[next++ % route.paths.length] }),
      },
    ],
  })
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime)
    else non2xx++
  })
  const result = await instance
  if (non2xx || result.errors || result.timeouts) {
    throw new Error(`${non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`)
  }
  latencies.sort((a, b) => a - b)
  return {
    requests: latencies.length,
    rps: round(latencies.length / result.duration, 1),
    p50_ms: round(percentile(latencies, 50)),
    p95_ms: round(percentile(latencies, 95)),
    p99_ms: round(percentile(latencies, 99)),
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
