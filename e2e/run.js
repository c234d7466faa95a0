#!/usr/bin/env node
// npm run test:e2e: brings up the demo (DEMO_SIZE=small unless set) on its own database — a
// fresh `mendian_e2e` on the PostgreSQL at localhost:5432 when one answers, else the embedded
// one — then drives the admin in Debian's Chromium. Ends with "N passed, N failed".
const fs = require("node:fs")
const path = require("node:path")
const { spawn } = require("node:child_process")
const { Client } = require("pg")
const { answers, ROOT } = require("../scripts/lib/database")

const PORT = Number(process.env.E2E_PORT ?? 9500)
const EMAIL = "admin@mendian.local"
const PASSWORD = "mendian-demo"

async function freshLocalDatabase() {
  const admin = new Client({ connectionString: "postgres://postgres@localhost:5432/postgres" })
  await admin.connect()
  try {
    await admin.query("DROP DATABASE IF EXISTS mendian_e2e WITH (FORCE)")
    await admin.query("CREATE DATABASE mendian_e2e")
  } finally {
    await admin.end()
  }
  return "postgres://postgres@localhost:5432/mendian_e2e"
}

function startDemo(env) {
  return new Promise((resolve, reject) => {
    const demo = spawn(process.execPath, [path.join(ROOT, "scripts/demo.js")], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    })
    let ready = false
    demo.stdout.on("data", (chunk) => {
      const text = chunk.toString()
      if (/\[demo\]|Mendian is running/.test(text)) process.stdout.write(text)
      if (!ready && text.includes("Mendian is running")) {
        ready = true
        resolve(demo)
      }
    })
    demo.once("exit", (code) => ready || reject(new Error(`npm run demo exited with ${code} before serving`)))
  })
}

async function main() {
  const env = { DEMO_SIZE: process.env.DEMO_SIZE ?? "small", PORT: String(PORT), MENDIAN_PG_DIR: "pg-e2e" }
  if (!process.env.DATABASE_URL && (await answers("localhost", 5432))) env.DATABASE_URL = await freshLocalDatabase()
  // Without a local PostgreSQL the demo's embedded one gets a data directory of its own, fresh.
  else if (!process.env.DATABASE_URL) fs.rmSync(path.join(ROOT, ".data/pg-e2e"), { recursive: true, force: true })
  console.log(`e2e: starting the demo on port ${PORT} (${env.DATABASE_URL ? "local PostgreSQL" : "embedded PostgreSQL"})`)
  const demo = await startDemo(env)
  const results = []
  const suite = {
    base: `http://localhost:${PORT}`,
    email: EMAIL,
    password: PASSWORD,
    shopCode: process.env.E2E_SHOP_CODE ?? "KM-001",
    outDir: path.join(ROOT, "test-results/e2e"),
    // The replenishment suite ages the shop's stock there to have slow movers (embedded: none).
    databaseUrl: env.DATABASE_URL ?? process.env.DATABASE_URL,
  }
  try {
    // E2E_ONLY=planner (comma-separated suite names) runs only those suites.
    const only = process.env.E2E_ONLY ? process.env.E2E_ONLY.split(",").map((s) => s.trim()) : null
    const suites = [
      ["shops", "./admin-shops.mjs", "runAdminShops"],
      ["replenishment", "./admin-replenishment.mjs", "runAdminReplenishment"],
      ["transfers", "./admin-transfers.mjs", "runAdminTransfers"],
      ["planner", "./admin-planner.mjs", "runAdminPlanner"],
      ["membership", "./admin-membership.mjs", "runAdminMembership"],
      ["presales", "./admin-presales.mjs", "runAdminPresales"],
    ]
    for (const [name, file, fn] of suites) {
      if (only && !only.includes(name)) continue
      console.log(`${name}:`)
      const suiteModule = await import(file)
      results.push(...(await suiteModule[fn](suite).catch((e) => (console.error(e), [{ name: `admin ${name}`, ok: false }]))))
    }
  } catch (e) {
    console.error(e)
    results.push({ name: "e2e run", ok: false })
  } finally {
    demo.kill("SIGINT")
    await new Promise((r) => demo.once("exit", r))
  }
  const failed = results.filter((r) => !r.ok).length
  console.log(`\nScreenshots in test-results/e2e/`)
  console.log(`${results.length - failed} passed, ${failed} failed`)
  process.exit(failed ? 1 : 0)
}

main().catch((e) => {
  console.error(e)
  console.log("0 passed, 1 failed")
  process.exit(1)
})
