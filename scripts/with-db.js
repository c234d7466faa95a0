#!/usr/bin/env node
// node scripts/with-db.js <command> [args…]: runs a command against a migrated database.
// DATABASE_URL when set (the database is created if missing), otherwise the embedded
// PostgreSQL with its data under .data/pg-scale (kept between runs, stopped afterwards).
// Either way the database is migrated first and the command gets DATABASE_URL in its env.
// Commands from node_modules/.bin (medusa, jest…) are found without npx.
//
// The benchmarks use prepareDatabase() from here, so they measure the same database the
// scale seed filled.
const fs = require("node:fs")
const path = require("node:path")
const { spawn } = require("node:child_process")
const { ensureDatabaseExists, startEmbedded, ROOT } = require("./lib/database")
const { run } = require("./lib/run")

const EMBEDDED_DIR = "pg-scale"
const EMBEDDED_DB = "mendian_scale"

const bin = (cmd) => {
  const local = path.join(ROOT, "node_modules/.bin", cmd)
  return fs.existsSync(local) ? local : cmd
}

/**
 * A migrated database: { url, stop }. stop() shuts the embedded PostgreSQL down (a no-op for
 * DATABASE_URL). Logs go to `log` (stderr by default).
 */
async function prepareDatabase({ log = (m) => process.stderr.write(`[with-db] ${m}\n`), migrate = true } = {}) {
  let url = process.env.DATABASE_URL
  let stop = async () => {}
  if (url) {
    const target = new URL(url)
    const name = decodeURIComponent(target.pathname.replace(/^\//, ""))
    const admin = new URL(url)
    admin.pathname = "/postgres"
    await ensureDatabaseExists(admin.toString(), name)
    log(`using DATABASE_URL (database ${name} on ${target.host})`)
  } else {
    log(`DATABASE_URL is unset: starting the embedded PostgreSQL (data in .data/${EMBEDDED_DIR})`)
    const db = await startEmbedded({ dir: EMBEDDED_DIR })
    const base = `postgres://${db.user}:${db.password}@localhost:${db.port}`
    await ensureDatabaseExists(`${base}/postgres`, EMBEDDED_DB)
    url = `${base}/${EMBEDDED_DB}`
    stop = () => db.stop()
  }
  if (migrate) {
    log("migrating")
    const started = Date.now()
    await run(bin("medusa"), ["db:migrate"], { DATABASE_URL: url, MEDUSA_DISABLE_TELEMETRY: "true" }, { quiet: true })
    log(`migrated in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
  return { url, stop }
}

async function main() {
  const [cmd, ...args] = process.argv.slice(2)
  if (!cmd) {
    console.error("usage: node scripts/with-db.js <command> [args…]")
    process.exit(2)
  }
  const db = await prepareDatabase()
  let child = null
  let stopping = false
  const stopAll = async (code) => {
    if (stopping) return
    stopping = true
    await db.stop().catch(() => {})
    process.exit(code)
  }
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      // The child shares the terminal and gets SIGINT itself; SIGTERM is passed on.
      if (child && child.exitCode === null && signal === "SIGTERM") child.kill(signal)
      if (!child) stopAll(130)
    })
  }
  child = spawn(bin(cmd), args, {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: db.url, MEDUSA_DISABLE_TELEMETRY: process.env.MEDUSA_DISABLE_TELEMETRY ?? "true" },
  })
  child.on("error", (e) => {
    console.error(e.message)
    stopAll(1)
  })
  child.on("exit", (code, signal) => stopAll(code ?? (signal ? 1 : 0)))
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e.message ?? e)
    process.exit(1)
  })
}

module.exports = { prepareDatabase, bin }
