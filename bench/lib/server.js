// Starts one `medusa start` process (production mode) for a benchmark and stops it again.
const fs = require("node:fs")
const path = require("node:path")
const { spawn } = require("node:child_process")
const { freePort, ROOT } = require("../../scripts/lib/database")
const { bin } = require("../../scripts/with-db")

async function startServer({ databaseUrl, log, logFile }) {
  const port = await freePort()
  fs.mkdirSync(path.dirname(logFile), { recursive: true })
  const out = fs.openSync(logFile, "w")
  const env = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    JWT_SECRET: process.env.JWT_SECRET ?? "bench-jwt-secret",
    COOKIE_SECRET: process.env.COOKIE_SECRET ?? "bench-cookie-secret",
    ADMIN_DISABLED: "true",
    MEDUSA_DISABLE_TELEMETRY: "true",
  }
  delete env.REDIS_URL
  const started = Date.now()
  const child = spawn(bin("medusa"), ["start"], { cwd: ROOT, env, stdio: ["ignore", out, out] })
  let exited = null
  child.once("exit", (code, signal) => (exited = code ?? signal))
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 180_000
  for (;;) {
    if (exited !== null) throw new Error(`medusa start exited (${exited}); see ${logFile}`)
    if (Date.now() > deadline) throw new Error(`medusa start did not answer /health in 180 s; see ${logFile}`)
    try {
      if ((await fetch(`${base}/health`)).ok) break
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  log(`medusa start (pid ${child.pid}) answers on ${base} after ${((Date.now() - started) / 1000).toFixed(1)} s; log in ${path.relative(ROOT, logFile)}`)
  return {
    base,
    pid: child.pid,
    stop: async () => {
      if (exited !== null) return
      // Let the answers still in flight from the last load finish before the pool closes.
      await new Promise((r) => setTimeout(r, 2000))
      const gone = new Promise((r) => child.once("exit", r))
      child.kill("SIGTERM")
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000)
      await gone
      clearTimeout(timer)
    },
  }
}

module.exports = { startServer }
