#!/usr/bin/env node
// npm run plan -- <instance.json | -> [--method colgen|full|greedy] [--max-sources N]
//                [--time-budget MS] [--candidates K]
//
// Solves a transfer-planning instance (issue 4 §3 format; docs/transfers.md, "Planner") with
// the planner in src/lib/transfer-plan — HiGHS in a worker thread — and prints the plan as JSON
// on stdout. Bad input: the field and the problem on stderr, exit 2. Example:
//   npm run plan -- docs/examples/transfer-plan-kunming.json
const fs = require("node:fs")
const path = require("node:path")

const USAGE = "usage: npm run plan -- <instance.json | -> [--method colgen|full|greedy] [--max-sources N] [--time-budget MS] [--candidates K]"

function parseArgs(argv) {
  const options = {}
  let file = null
  const flags = {
    "--method": ["method", String],
    "--max-sources": ["max_sources_per_destination", Number],
    "--time-budget": ["time_budget_ms", Number],
    "--candidates": ["candidates", Number],
  }
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]
    if (a === "-h" || a === "--help") return { help: true }
    const [flag, inline] = a.split("=", 2)
    if (flags[flag]) {
      const value = inline ?? argv[++k]
      if (value === undefined) throw new Error(`${flag} needs a value`)
      const [key, cast] = flags[flag]
      options[key] = cast(value)
    } else if (a.startsWith("--")) throw new Error(`unknown option ${a}`)
    else if (file === null) file = a
    else throw new Error(`one instance file only (got ${file} and ${a})`)
  }
  return { file, options }
}

async function main() {
  let args
  try {
    args = parseArgs(process.argv.slice(2))
  } catch (e) {
    console.error(`${e.message}\n${USAGE}`)
    return 2
  }
  if (args.help || !args.file) {
    console.error(USAGE)
    return args.help ? 0 : 2
  }
  let instance
  try {
    const text = args.file === "-" ? fs.readFileSync(0, "utf8") : fs.readFileSync(path.resolve(args.file), "utf8")
    instance = JSON.parse(text)
  } catch (e) {
    console.error(`cannot read ${args.file}: ${e.message}`)
    return 2
  }
  require(path.join(__dirname, "../node_modules/ts-node")).register({
    transpileOnly: true,
    swc: true,
    project: path.join(__dirname, "../tsconfig.json"),
  })
  const { TransferPlanner, TransferPlanInputError } = require("../src/lib/transfer-plan")
  const planner = new TransferPlanner()
  try {
    const plan = await planner.plan(instance, args.options)
    process.stdout.write(JSON.stringify(plan, null, 2) + "\n")
    return 0
  } catch (e) {
    if (e instanceof TransferPlanInputError) {
      console.error(`invalid instance: ${e.message}`)
      return 2
    }
    throw e
  } finally {
    await planner.close()
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e.stack ?? e)
    process.exit(1)
  }
)
