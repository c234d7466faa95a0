// bench/transfer-plan (issue 4 §7): the transfer planner of src/lib/transfer-plan.
//
//   flock /tmp/mendian-heavy.lock npm run bench -- transfer-plan          both cases
//   flock /tmp/mendian-heavy.lock npm run bench -- transfer-plan chain    (or one-variant)
//
// chain         (a) 3,000 shops over China's populated east, 20 variants, 200 short shop ×
//               variant lines; a shop holds surplus of a variant with probability 1/4 (1–6
//               units); tight: the lines need 80 % of the surplus; target solve ≤ 0.5 s.
// one-variant   (b) one variant short at 200 shops, 3,000 other shops holding 1–10 units each;
//               tight (80 %); target solve ≤ 2 s and ≥ 10 % cheaper than greedy.
//
// For every seed, in this process: the planner (column generation, the default), the full LP
// (every lane in one HiGHS model, HiGHS defaults) — costs must be equal — and the greedy
// nearest-source baseline, at tight and at loose (20 %) supply; also one round trip through
// the worker-thread planner. HiGHS is loaded once and warmed up on a seed not reported.
// Times are the planner's own stats.solve_ms (model building, solves, pricing; not parsing).
//
// Environment: BENCH_SEEDS (5), BENCH_SEED (20261124, the first seed), BENCH_FULL (1: solve the
// full LP too; 0 skips it, e.g. for a quick look).
const path = require("node:path")
require(path.join(__dirname, "../../node_modules/ts-node")).register({
  transpileOnly: true,
  swc: true,
  project: path.join(__dirname, "../../tsconfig.json"),
})
const loadHighs = require("highs")
const { solveInstance, TransferPlanner } = require("../../src/lib/transfer-plan")
const { median, round } = require("../lib/stats")
const { chainInstance, oneVariantInstance } = require("./instances")

const log = (msg) => process.stderr.write(`[bench transfer-plan] ${msg}\n`)

const CASES = {
  chain: {
    label: "(a) 3,000 shops, 200 short lines over 20 variants",
    make: (seed, tightness) => chainInstance({ seed, tightness }),
    targetMs: 500,
    targetSaving: null,
  },
  "one-variant": {
    label: "(b) one variant short at 200 shops, 3,000 candidate sources",
    make: (seed, tightness) => oneVariantInstance({ seed, tightness }),
    targetMs: 2000,
    targetSaving: 0.1,
  },
}
const TIGHT = 0.8
const LOOSE = 0.2
const BUDGET = { time_budget_ms: 600_000 }

async function run(args) {
  const which = args[0] ?? "all"
  const names = which === "all" ? Object.keys(CASES) : [which]
  for (const n of names) if (!CASES[n]) throw new Error(`unknown case "${n}" (chain, one-variant)`)
  const seeds = Number(process.env.BENCH_SEEDS ?? 5)
  const first = Number(process.env.BENCH_SEED ?? 20261124)
  const full = process.env.BENCH_FULL !== "0"
  let t = performance.now()
  const highs = await loadHighs()
  const loadMs = performance.now() - t
  const out = {}
  for (const name of names) out[name] = await runCase(name, CASES[name], highs, { seeds, first, full })
  out.highs = { version: highs.version.string, wasm_load_ms: round(loadMs, 1) }
  out.node = process.version
  return which === "all" ? out : { ...out[which], highs: out.highs, node: out.node }
}

async function runCase(name, c, highs, { seeds, first, full }) {
  log(`${c.label}: warm-up`)
  solveInstance(highs, c.make(first - 1, TIGHT), BUDGET)
  const res = { tight: [], loose: [] }
  const workerMs = []
  const planner = new TransferPlanner()
  try {
    for (let k = 0; k < seeds; k++) {
      const seed = first + k
      for (const [label, tightness] of [["tight", TIGHT], ["loose", LOOSE]]) {
        const inst = c.make(seed, tightness)
        const cg = solveInstance(highs, inst, BUDGET)
        const s = cg.stats
        const row = {
          seed,
          shops: inst.shops.length,
          short_lines: inst.shortfall.length,
          units_short: s.units_short,
          units_unmet: s.units_unmet,
          solve_ms: s.solve_ms,
          highs_ms: s.highs_ms,
          pricing_ms: s.pricing_ms,
          iterations: s.iterations,
          columns: s.columns,
          lanes_total: s.lanes_total,
          simplex_iterations: s.simplex_iterations,
          proven_optimal: s.certificate.proven_optimal,
          min_reduced_cost: s.certificate.min_reduced_cost,
          cost: cg.total_cost,
          greedy_cost: s.greedy_cost,
          saving_vs_greedy: s.saving_vs_greedy,
        }
        if (full) {
          const f = solveInstance(highs, inst, { ...BUDGET, method: "full", baseline: false })
          row.full_lp_ms = f.stats.solve_ms
          row.full_lp_cost = f.total_cost
          row.equal_to_full_lp = Math.abs(f.total_cost - cg.total_cost) <= 1e-6 * Math.max(1, f.total_cost)
        }
        if (label === "tight") {
          t = performance.now()
          const w = await planner.plan(inst, BUDGET)
          workerMs.push(performance.now() - t)
          if (Math.abs(w.total_cost - cg.total_cost) > 1e-6 * cg.total_cost) throw new Error(`worker plan differs on seed ${seed}`)
        }
        res[label].push(row)
        log(
          `${name} seed ${seed} ${label}: ${round(s.solve_ms, 0)} ms, ${s.iterations} rounds, ${s.columns}/${s.lanes_total} lanes, ` +
            `cost ${round(cg.total_cost, 2)} vs greedy ${round(s.greedy_cost, 2)} (${round(100 * s.saving_vs_greedy, 2)} % cheaper)` +
            (full ? `, full LP ${round(row.full_lp_ms, 0)} ms ${row.equal_to_full_lp ? "=" : "≠"} ${round(row.full_lp_cost, 2)}` : "")
        )
      }
    }
  } finally {
    await planner.close()
  }
  const sum = (rows) => ({
    solve_ms_median: round(median(rows.map((r) => r.solve_ms)), 1),
    solve_ms_max: round(Math.max(...rows.map((r) => r.solve_ms)), 1),
    highs_ms_median: round(median(rows.map((r) => r.highs_ms)), 1),
    pricing_ms_median: round(median(rows.map((r) => r.pricing_ms)), 1),
    iterations_median: median(rows.map((r) => r.iterations)),
    columns_median: median(rows.map((r) => r.columns)),
    lanes_total_median: median(rows.map((r) => r.lanes_total)),
    saving_vs_greedy_median: round(median(rows.map((r) => r.saving_vs_greedy)), 4),
    saving_vs_greedy_min: round(Math.min(...rows.map((r) => r.saving_vs_greedy)), 4),
    all_proven_optimal: rows.every((r) => r.proven_optimal),
    ...(full
      ? {
          full_lp_ms_median: round(median(rows.map((r) => r.full_lp_ms)), 1),
          full_lp_vs_planner_time: round(median(rows.map((r) => r.full_lp_ms / r.solve_ms)), 2),
          all_equal_to_full_lp: rows.every((r) => r.equal_to_full_lp),
        }
      : {}),
  })
  const tight = sum(res.tight)
  return {
    benchmark: `transfer-plan-${name}`,
    case: c.label,
    seeds: res.tight.map((r) => r.seed),
    tightness: { tight: TIGHT, loose: LOOSE },
    tight,
    loose: sum(res.loose),
    worker_round_trip_ms_median: round(median(workerMs), 1),
    target_solve_ms: c.targetMs,
    target_met: tight.solve_ms_median <= c.targetMs && tight.all_proven_optimal && (!full || tight.all_equal_to_full_lp),
    ...(c.targetSaving !== null
      ? { target_saving_vs_greedy_tight: c.targetSaving, saving_target_met: tight.saving_vs_greedy_median >= c.targetSaving }
      : {}),
    runs: res,
  }
}

module.exports = { run }
