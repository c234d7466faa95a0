#!/usr/bin/env node
// npm run bench -- <name> [args…]: runs bench/<name>/index.js, whose run(args) resolves to one
// result object, printed as JSON on stdout (progress goes to stderr). Heavy: run it under
// `flock /tmp/mendian-heavy.lock` on shared machines.
const fs = require("node:fs")
const path = require("node:path")

const available = () =>
  fs.readdirSync(__dirname).filter((d) => fs.existsSync(path.join(__dirname, d, "index.js"))).sort()

async function main() {
  const [name, ...args] = process.argv.slice(2)
  if (!name || !available().includes(name)) {
    console.error(`usage: npm run bench -- <name>\navailable: ${available().join(", ")}`)
    process.exit(2)
  }
  const result = await require(path.join(__dirname, name, "index.js")).run(args)
  process.stdout.write(JSON.stringify(result, null, 2) + "\n")
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e.stack ?? e)
    process.exit(1)
  }
)
