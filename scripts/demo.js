#!/usr/bin/env node
// npm run demo: database → migrations → demo data → admin build → server, then prints how to
// log in and call the Store API. Without DATABASE_URL it runs an embedded PostgreSQL whose
// data stays under .data/ across runs. DEMO_SMOKE=1 stops as soon as /health answers (CI).
const fs = require("node:fs")
const path = require("node:path")
const { spawn } = require("node:child_process")
const { Client } = require("pg")
const { loadEnv } = require("@medusajs/framework/utils")
const { ensureDatabaseExists, startEmbedded, ROOT } = require("./lib/database")

// .env, when there is one, counts as the environment (as it does for medusa itself).
loadEnv("development", ROOT)
const { run } = require("./lib/run")

const PORT = Number(process.env.PORT ?? 9000)
const ADMIN_EMAIL = process.env.DEMO_ADMIN_EMAIL ?? "admin@mendian.local"
const ADMIN_PASSWORD = process.env.DEMO_ADMIN_PASSWORD ?? "mendian-demo"
const medusa = path.join(ROOT, "node_modules/.bin/medusa")
const log = (msg) => console.log(`\x1b[36m[demo]\x1b[0m ${msg}`)

async function main() {
  const started = Date.now()
  const env = {
    MEDUSA_DISABLE_TELEMETRY: "true",
    // `medusa start` runs in production mode: a local demo needs secrets and a cookie that
    // works over plain http://localhost.
    JWT_SECRET: process.env.JWT_SECRET ?? "mendian-demo-jwt",
    COOKIE_SECRET: process.env.COOKIE_SECRET ?? "mendian-demo-cookie",
    COOKIE_SECURE: process.env.COOKIE_SECURE ?? "false",
    ADMIN_CORS: process.env.ADMIN_CORS ?? `http://localhost:${PORT}`,
    AUTH_CORS: process.env.AUTH_CORS ?? `http://localhost:${PORT}`,
  }

  let db = null
  if (process.env.DATABASE_URL) {
    env.DATABASE_URL = process.env.DATABASE_URL
    const url = new URL(env.DATABASE_URL)
    const name = decodeURIComponent(url.pathname.slice(1))
    url.pathname = "/postgres"
    await ensureDatabaseExists(url.toString(), name)
    log(`using DATABASE_URL (database ${name})`)
  } else {
    const dir = process.env.MENDIAN_PG_DIR ?? "pg"
    log(`DATABASE_URL is unset: starting the embedded PostgreSQL (data in .data/${dir})`)
    db = await startEmbedded({ dir })
    const base = `postgres://${db.user}:${db.password}@localhost:${db.port}`
    await ensureDatabaseExists(`${base}/postgres`, "mendian")
    env.DATABASE_URL = `${base}/mendian`
  }

  let server = null
  const shutdown = async (code = 0) => {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM")
      await new Promise((r) => server.once("exit", r))
    }
    if (db) await db.stop().catch(() => {})
    process.exit(code)
  }
  process.on("SIGINT", () => shutdown(0))
  process.on("SIGTERM", () => shutdown(0))

  try {
    log("migrating the database")
    await run(medusa, ["db:migrate"], env, { quiet: true })
    log("loading the demo chain (a rerun keeps what exists)")
    await run(medusa, ["exec", "./src/scripts/seed-demo.ts"], env)
    await run(medusa, ["user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD], env, { quiet: true }).catch((e) => {
      if (!/already exists/i.test(e.message)) throw e
    })
    log("building the admin")
    await run(medusa, ["build", "--admin-only"], env, { quiet: true })
    fs.rmSync(path.join(ROOT, "public/admin"), { recursive: true, force: true })
    fs.mkdirSync(path.join(ROOT, "public"), { recursive: true })
    fs.cpSync(path.join(ROOT, ".medusa/admin"), path.join(ROOT, "public/admin"), { recursive: true })

    log(`starting the server on port ${PORT}`)
    server = spawn(medusa, ["start"], { cwd: ROOT, env: { ...process.env, ...env, PORT: String(PORT) }, stdio: "inherit" })
    server.once("exit", (code) => {
      if (code) {
        console.error(`the server exited with ${code}`)
        shutdown(1)
      }
    })
    await waitForHealth(`http://localhost:${PORT}/health`, 180_000)
    const key = await publishableKey(env.DATABASE_URL)
    printWelcome(key, Math.round((Date.now() - started) / 1000), !!db)
    if (process.env.DEMO_SMOKE === "1") await shutdown(0)
  } catch (e) {
    console.error(e.message ?? e)
    await shutdown(1)
  }
}

async function waitForHealth(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 1000))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}

async function publishableKey(databaseUrl) {
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query(
      "SELECT token FROM api_key WHERE title = 'Mendian storefront' AND type = 'publishable' AND revoked_at IS NULL LIMIT 1"
    )
    return rows[0]?.token ?? "(none)"
  } finally {
    await client.end()
  }
}

function printWelcome(key, seconds, embedded) {
  const base = `http://localhost:${PORT}`
  console.log(`
  Mendian is running (ready in ${seconds} s)

  Admin        ${base}/app
  Login        ${ADMIN_EMAIL} / ${ADMIN_PASSWORD}
  Store API    ${base}/store   (publishable key ${key})

  Try:
    curl -H "x-publishable-api-key: ${key}" "${base}/store/shops?lat=25.0389&lng=102.7183&radius_km=10&limit=5"
    curl -H "x-publishable-api-key: ${key}" "${base}/store/products?limit=5"

  Ctrl-C stops the server${embedded ? " and the embedded database" : ""}.
`)
}

main()
