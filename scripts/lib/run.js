const { spawn } = require("node:child_process")
const { ROOT } = require("./database")

/** Runs a command from node_modules/.bin, inheriting the terminal; rejects on failure. */
const run = (cmd, args, env = {}, { quiet = false } = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    })
    let output = ""
    if (quiet) {
      child.stdout.on("data", (d) => (output += d))
      child.stderr.on("data", (d) => (output += d))
    }
    child.on("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${cmd} ${args.join(" ")} exited with ${code}\n${output.slice(-4000)}`))
    )
    child.on("error", reject)
  })

module.exports = { run }
