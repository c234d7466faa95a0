#!/usr/bin/env node
// npm test: every suite (unit, module, HTTP) against the PostgreSQL at localhost:5432 when one
// answers, otherwise an embedded one, so it passes on a fresh machine. Ends with the plain line
// "N passed, N failed" that CI reads.
const fs = require("node:fs")
const path = require("node:path")
const { answers, startEmbedded, ROOT } = require("./lib/database")
const { run } = require("./lib/run")

const SUITES = ["unit", "integration:modules", "integration:http"]

async function main() {
  const only = process.argv.slice(2)
  let db = null
  const env = { MEDUSA_DISABLE_TELEMETRY: "true", NODE_OPTIONS: "--experimental-vm-modules" }
  if (process.env.DB_HOST || (await answers("localhost", 5432))) {
    Object.assign(env, { DB_HOST: process.env.DB_HOST ?? "localhost", DB_PORT: process.env.DB_PORT ?? "5432", DB_USERNAME: process.env.DB_USERNAME ?? "postgres" })
    console.log(`Using PostgreSQL at ${env.DB_HOST}:${env.DB_PORT}`)
  } else {
    console.log("No PostgreSQL at localhost:5432: starting the embedded one")
    db = await startEmbedded({ dir: "pg-test" })
    Object.assign(env, { DB_HOST: db.host, DB_PORT: String(db.port), DB_USERNAME: db.user, DB_PASSWORD: db.password })
  }

  // Suites that need Redis or Mosquitto run only when they answer; otherwise they are skipped
  // and named below with the reason.
  const optional = {
    Redis: { up: await answers("localhost", 6379), flag: "MENDIAN_REDIS_UP", where: "localhost:6379" },
    Mosquitto: { up: await answers("localhost", 1883), flag: "MENDIAN_MQTT_UP", where: "localhost:1883" },
  }
  for (const s of Object.values(optional)) env[s.flag] = s.up ? "1" : "0"
  const down = Object.entries(optional).filter(([, s]) => !s.up)

  const totals = { passed: 0, failed: 0, skipped: 0 }
  const skippedNames = []
  const cacheDir = path.join(ROOT, ".cache")
  fs.mkdirSync(cacheDir, { recursive: true })
  try {
    for (const type of SUITES) {
      const out = path.join(cacheDir, `jest-${type.replace(":", "-")}.json`)
      fs.rmSync(out, { force: true })
      console.log(`\n=== ${type} ===`)
      const jest = path.join(ROOT, "node_modules/.bin/jest")
      const args = ["--runInBand", "--forceExit", "--passWithNoTests", "--json", `--outputFile=${out}`, ...only]
      await run(jest, args, { ...env, TEST_TYPE: type }).catch(() => {})
      if (!fs.existsSync(out)) {
        console.error(`${type}: jest produced no report`)
        totals.failed += 1
        continue
      }
      const report = JSON.parse(fs.readFileSync(out, "utf8"))
      totals.passed += report.numPassedTests
      totals.failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0)
      totals.skipped += report.numPendingTests + report.numTodoTests
      for (const suite of report.testResults) {
        for (const t of suite.assertionResults) {
          if (t.status === "pending") skippedNames.push(t.fullName)
        }
      }
    }
  } finally {
    if (db) await db.stop()
  }
  if (skippedNames.length) {
    const reason = down.length ? down.map(([name, s]) => `${name} does not answer at ${s.where}`).join("; ") : "marked skip"
    console.log(`\nSkipped (${reason}):`)
    for (const name of skippedNames) console.log(`  - ${name}`)
  }
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
  process.exit(totals.failed ? 1 : 0)
}

main().catch((e) => {
  console.error(e)
  console.log("0 passed, 1 failed")
  process.exit(1)
})
