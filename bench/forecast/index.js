// bench/forecast (issue 3): the pure forecast + safety-stock core of src/lib.
//
//   flock /tmp/mendian-heavy.lock npm run bench -- forecast            all three, one object each
//   flock /tmp/mendian-heavy.lock npm run bench -- forecast speed      (or accuracy, inventory)
//
// speed      whole pipeline (classification + selection + policy) per series on one core over a
//            seeded retail shop × SKU mix of 365-day series, against a 28-day moving average
//            (+ its residual sd) in the same process, alternating rounds, medians reported.
// accuracy   carparts (bench/data): fit on 39 months, hold out 12; MASE and RMSSE of Mendian's
//            selection against naive, SES and Croston computed in the same run.
// inventory  the same hold-out: periodic review order-up-to (R = 1 month, L = 1 month) with
//            Mendian's policy at a 95 % cycle-service and a 95 % fill-rate target, against a
//            static mean + k·σ policy with k tuned (in hindsight) to the same service.
// inventory-mix (not part of "all") the same comparison on the synthetic daily mix of `speed`:
//            each series' own lead time and review period, re-planned every night of a 70-day
//            hold-out (BENCH_INV_SERIES, default 2000; BENCH_INV_SEED, default 20261125).
//
// Environment: BENCH_SERIES (20000), BENCH_ROUNDS (5), BENCH_SEED (20261124), BENCH_POOL (1; 0 =
// policies from each series' own error sample, without the chunk's error pool), BENCH_SIZES (1;
// 0 = no demand sizes, so fill-rate targets of intermittent series use the error bootstrap),
// BENCH_SCOPE (group; item = every cycle target met by its series alone), BENCH_ITEM_FLOOR (0.8).
const path = require("node:path")
require(path.join(__dirname, "../../node_modules/ts-node")).register({
  transpileOnly: true,
  swc: true,
  project: path.join(__dirname, "../../tsconfig.json"),
})
const { planSeries, Workspace } = require("../../src/lib/forecast")
const { buildErrorPool, buildSizePool, demandSizes, planGroupPolicies, planPolicy } = require("../../src/lib/safety-stock")
// BENCH_SIZES=0: no demand sizes for the policy (fill-rate targets of intermittent series then use
// the error bootstrap, as before the compound model)
const useSizes = () => process.env.BENCH_SIZES !== "0"
// BENCH_SCOPE=item: cycle-service targets met by each series alone, as before group service;
// BENCH_ITEM_FLOOR: the group's least own service of a series (default ITEM_SERVICE_FLOOR)
const groupScope = () => process.env.BENCH_SCOPE !== "item"
/** Policies as the nightly job plans a chunk: cycle targets met per group (planGroupPolicies), or each alone. */
function planBatch(inputs) {
  const floor = process.env.BENCH_ITEM_FLOOR ? Number(process.env.BENCH_ITEM_FLOOR) : undefined
  const out = groupScope() ? planGroupPolicies(inputs, { floor }) : inputs.map((input) => planPolicy(input))
  for (const p of out) if (p instanceof Error) throw p
  return out
}
const { median, round } = require("../lib/stats")
const { generateMix } = require("./mix")
const { loadCarparts } = require("./carparts")

const log = (msg) => process.stderr.write(`[bench forecast] ${msg}\n`)

async function run(args) {
  const which = args[0] ?? "all"
  const out = {}
  if (which === "all" || which === "speed") out.speed = speed()
  if (which === "all" || which === "accuracy") out.accuracy = accuracy()
  if (which === "all" || which === "inventory") out.inventory = inventory()
  if (which === "inventory-mix") out.inventory_mix = inventoryMix()
  if (!Object.keys(out).length) throw new Error(`unknown benchmark "${which}" (speed, accuracy, inventory, inventory-mix)`)
  return which === "all" ? out : out[which === "inventory-mix" ? "inventory_mix" : which]
}

// ---------------------------------------------------------------------------------------------
// speed

function speed() {
  const N = Number(process.env.BENCH_SERIES ?? 20000)
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5)
  const seed = Number(process.env.BENCH_SEED ?? 20261124)
  log(`speed: generating ${N} series of 365 days (seed ${seed})`)
  const mix = generateMix(N, seed)
  const ws = new Workspace()
  const classes = {}
  const methods = {}
  const approaches = {}

  // As the nightly job does per chunk (src/workers/forecast-compute.ts): forecast CHUNK series,
  // pool their errors (buildErrorPool), then plan their policies with the pool.
  const CHUNK = 2000
  const pipeline = (collect) => {
    let check = 0
    for (let c0 = 0; c0 < N; c0 += CHUNK) {
      const c1 = Math.min(N, c0 + CHUNK)
      const plans = new Array(c1 - c0)
      for (let i = c0; i < c1; i++) {
        const s = mix.series[i]
        plans[i - c0] = planSeries(
          {
            demand: s.demand,
            censored: s.censored,
            events: s.events,
            futureEvents: s.futureEvents,
            period: 7,
            horizon: 28,
            protection: s.review + Math.round(s.leadMean),
          },
          ws
        )
      }
      const pool = process.env.BENCH_POOL !== "0" ? buildErrorPool(plans) : null
      const sizes = useSizes() ? plans.map((_, k) => demandSizes(mix.series[c0 + k].demand, mix.series[c0 + k].censored, mix.series[c0 + k].events)) : null
      const sizePool = sizes ? buildSizePool(plans.map((p, k) => ({ class: p.class, sizes: sizes[k] }))) : null
      // the chunk as one shop: its cycle targets (one per ABC class) are met per group
      const policies = planBatch(
        plans.map((plan, k) => {
          const s = mix.series[c0 + k]
          return { plan, leadTime: { mean: s.leadMean, sd: s.leadSd }, reviewPeriod: s.review, abc: s.abc, xyz: "Y", casePack: s.casePack, moq: s.moq, pool, sizes: sizes?.[k], sizePool, seed: c0 + k, groupKey: "shop" }
        })
      )
      for (let i = c0; i < c1; i++) {
        const plan = plans[i - c0]
        const policy = policies[i - c0]
        check += policy.orderUpTo
        if (collect) {
          classes[plan.class] = (classes[plan.class] ?? 0) + 1
          methods[plan.method] = (methods[plan.method] ?? 0) + 1
          approaches[policy.approach] = (approaches[policy.approach] ?? 0) + 1
        }
      }
    }
    return check
  }

  const movingAverage = () => {
    // the floor any method pays to touch the data: rolling 28-day mean over the year, its
    // one-step residual sd, and a normal order-up-to level
    let check = 0
    for (let i = 0; i < N; i++) {
      const s = mix.series[i]
      const y = s.demand
      const n = y.length
      let win = 0
      let e1 = 0
      let e2 = 0
      let k = 0
      for (let t = 0; t < n; t++) {
        if (t >= 28) {
          const e = y[t] - win / 28
          e1 += e
          e2 += e * e
          k++
          win -= y[t - 28]
        }
        win += y[t]
      }
      const mean = win / 28
      const sd = k > 1 ? Math.sqrt(Math.max(0, (e2 - (e1 * e1) / k) / (k - 1))) : 0
      const P = s.review + s.leadMean
      check += Math.ceil(mean * P + 1.645 * sd * Math.sqrt(P))
    }
    return check
  }

  pipeline(true) // warm-up, and the class / method counts
  movingAverage()
  const pipeRates = []
  const maRates = []
  for (let r = 0; r < rounds; r++) {
    let t = process.hrtime.bigint()
    pipeline(false)
    pipeRates.push(N / (Number(process.hrtime.bigint() - t) / 1e9))
    t = process.hrtime.bigint()
    movingAverage()
    maRates.push(N / (Number(process.hrtime.bigint() - t) / 1e9))
    log(`speed round ${r + 1}/${rounds}: pipeline ${Math.round(pipeRates[r])} series/s, moving average ${Math.round(maRates[r])} series/s`)
  }
  const pipe = median(pipeRates)
  const ma = median(maRates)
  return {
    benchmark: "forecast-speed",
    series: N,
    days: 365,
    seed,
    rounds,
    mix: mix.kinds,
    classes,
    methods,
    policy_approaches: approaches,
    pipeline_series_per_s: Math.round(pipe),
    pipeline_us_per_series: round(1e6 / pipe, 1),
    moving_average_28_series_per_s: Math.round(ma),
    pipeline_vs_moving_average: round(pipe / ma, 4),
    pipeline_rounds_series_per_s: pipeRates.map((x) => Math.round(x)),
    target_series_per_s: 5000,
    target_met: pipe >= 5000,
    node: process.version,
  }
}

// ---------------------------------------------------------------------------------------------
// accuracy

const HOLD = 12

function baselineSes(y) {
  // SES with alpha chosen by in-sample one-step squared error over 0.01 … 0.99, level starts at y[0]
  let bestA = 0.1
  let bestSse = Infinity
  let bestL = y[0]
  for (let ai = 1; ai <= 99; ai++) {
    const a = ai / 100
    let l = y[0]
    let sse = 0
    for (let t = 1; t < y.length; t++) {
      const e = y[t] - l
      sse += e * e
      l += a * (y[t] - l)
    }
    if (sse < bestSse) {
      bestSse = sse
      bestA = a
      bestL = l
    }
  }
  return { level: bestL, alpha: bestA }
}

function baselineCroston(y, alpha = 0.1, sba = false) {
  // classic Croston (1972) with alpha 0.1, initialised at the first demand and its interval
  let z = 0
  let p = 0
  let q = 0
  let started = false
  for (let t = 0; t < y.length; t++) {
    q++
    if (y[t] > 0) {
      if (!started) {
        z = y[t]
        p = q
        started = true
      } else {
        z += alpha * (y[t] - z)
        p += alpha * (q - p)
      }
      q = 0
    }
  }
  if (!started) return 0
  return (z / p) * (sba ? 1 - alpha / 2 : 1)
}

function scales(train) {
  let a = 0
  let s = 0
  for (let t = 1; t < train.length; t++) {
    const d = train[t] - train[t - 1]
    a += Math.abs(d)
    s += d * d
  }
  return { mae: a / (train.length - 1), mse: s / (train.length - 1) }
}

function errors(test, forecast, sc) {
  let a = 0
  let s = 0
  for (let k = 0; k < test.length; k++) {
    const e = test[k] - forecast[k]
    a += Math.abs(e)
    s += e * e
  }
  return { mase: a / test.length / sc.mae, rmsse: Math.sqrt(s / test.length / sc.mse) }
}

const summary = (xs) => ({ mean: round(xs.reduce((s, v) => s + v, 0) / xs.length, 4), median: round(median(xs), 4) })

function isConstant(y) {
  for (let i = 1; i < y.length; i++) if (y[i] !== y[0]) return false
  return true
}

function accuracy() {
  const data = loadCarparts()
  const complete = data.parts.filter((p) => p.complete)
  const included = complete.filter((p) => !isConstant(p.values.subarray(0, p.values.length - HOLD)))
  log(`accuracy: ${data.parts.length} parts, ${complete.length} complete, ${complete.length - included.length} with a constant training part excluded`)
  // "holdout_mean" is clairvoyant (each part's flat forecast is the mean of its own 12 hold-out
  // months): what a flat forecast of the mean scores when it is exactly right. A mean forecast
  // scores lower MASE than this only by erring low (MASE is minimised by the median, 0 for most
  // of these parts). For information only, never a rival.
  const names = ["mendian", "naive", "ses", "croston", "sba_0.1", "zero", "holdout_mean"]
  const mase = Object.fromEntries(names.map((n) => [n, []]))
  const rmsse = Object.fromEntries(names.map((n) => [n, []]))
  const classes = {}
  const methods = {}
  const ws = new Workspace()
  let naiveZero = 0
  const t0 = process.hrtime.bigint()
  for (const part of included) {
    const y = part.values
    const train = y.subarray(0, y.length - HOLD)
    const test = y.subarray(y.length - HOLD)
    const sc = scales(train)
    const plan = planSeries({ demand: train, period: 12, horizon: HOLD, protection: 2, selectionHorizon: HOLD }, ws)
    classes[plan.class] = (classes[plan.class] ?? 0) + 1
    methods[plan.method] = (methods[plan.method] ?? 0) + 1
    const flat = (v) => new Array(HOLD).fill(v)
    const fc = {
      mendian: plan.forecast,
      naive: flat(train[train.length - 1]),
      ses: flat(baselineSes(train).level),
      croston: flat(baselineCroston(train)),
      "sba_0.1": flat(baselineCroston(train, 0.1, true)),
      zero: flat(0),
      holdout_mean: flat(test.reduce((s, v) => s + v, 0) / HOLD),
    }
    if (train[train.length - 1] === 0) naiveZero++
    for (const n of names) {
      const e = errors(test, fc[n], sc)
      mase[n].push(e.mase)
      rmsse[n].push(e.rmsse)
    }
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  const result = { mase: {}, rmsse: {} }
  for (const n of names) {
    result.mase[n] = summary(mase[n])
    result.rmsse[n] = summary(rmsse[n])
  }
  const rivals = ["naive", "ses", "croston"]
  const beats = (metric, stat) => result[metric].mendian[stat] < Math.min(...rivals.map((r) => result[metric][r][stat]))
  return {
    benchmark: "forecast-accuracy-carparts",
    data: "bench/data/carparts.csv",
    parts: data.parts.length,
    complete: complete.length,
    excluded_constant_training: complete.length - included.length,
    evaluated: included.length,
    train_months: 51 - HOLD,
    holdout_months: HOLD,
    scale: "in-sample mean absolute (MASE) / squared (RMSSE) lag-1 naive difference of the training part",
    baselines: {
      naive: "last training month",
      ses: "alpha by in-sample one-step SSE over 0.01..0.99, level starts at the first month",
      croston: "alpha 0.1 (the classic default), initialised at the first demand",
    },
    reference_rows: {
      "sba_0.1": "Croston with the Syntetos-Boylan correction, alpha 0.1",
      zero: "a forecast of 0 (the median of most parts' future; not a mean forecast)",
      holdout_mean:
        "clairvoyant: each part's own hold-out mean as a flat forecast, i.e. a forecast of the mean that is exactly right (unreachable, not a method)",
    },
    naive_forecasts_zero: naiveZero,
    mendian_settings: "planSeries({ period: 12, horizon: 12, protection: 2, selectionHorizon: 12 })",
    ...result,
    mendian_classes: classes,
    mendian_methods: methods,
    beats_best_rival: {
      mase_mean: beats("mase", "mean"),
      mase_median: beats("mase", "median"),
      rmsse_mean: beats("rmsse", "mean"),
      rmsse_median: beats("rmsse", "median"),
    },
    seconds: round(seconds, 2),
  }
}

// ---------------------------------------------------------------------------------------------
// inventory

/**
 * Periodic review, order every month, lead time one month, unmet demand backordered. At the
 * start of month t the order placed at t − 1 arrives, then an order brings the inventory
 * position (= net inventory: nothing else is outstanding) up to level(t); month t's demand
 * follows. A cycle is one month; it has a stock-out when net inventory ends below zero.
 * Average on-hand is the mean of on-hand at the start (after receipt) and end of each month.
 */
function simulate(test, levelAt, firstMonthDemand) {
  const S0 = levelAt(0)
  let net = S0 - firstMonthDemand
  let arriving = firstMonthDemand
  let stockouts = 0
  let demand = 0
  let served = 0
  let onHand = 0
  for (let t = 0; t < test.length; t++) {
    net += arriving
    const S = levelAt(t)
    arriving = Math.max(0, S - net)
    const start = Math.max(0, net)
    const d = test[t]
    served += Math.min(d, start)
    demand += d
    net -= d
    if (net < 0) stockouts++
    onHand += (start + Math.max(0, net)) / 2
  }
  return { stockouts, demand, served, onHand, months: test.length }
}

function aggregate(results) {
  let s = 0
  let d = 0
  let f = 0
  let h = 0
  let m = 0
  for (const r of results) {
    s += r.stockouts
    d += r.demand
    f += r.served
    h += r.onHand
    m += r.months
  }
  return { cycle_service: 1 - s / m, fill_rate: f / d, avg_on_hand: h / m }
}

/**
 * The static policy's k, tuned in hindsight: the smallest k in [−3, 8] (bisection, `iterations`
 * halvings) whose simulated `metric` reaches `goal`, with that simulation's outcome.
 */
function tuneStatic(staticAt, metric, goal, iterations) {
  let lo = -3
  let hi = 8
  for (let it = 0; it < iterations; it++) {
    const mid = (lo + hi) / 2
    if (staticAt(mid)[metric] >= goal) hi = mid
    else lo = mid
  }
  return { k: round(hi, 4), ...rounded(staticAt(hi)) }
}

/** How cycle targets were met: per group (the groups' expected service and λ over the planning rounds, the spread of item levels) or per series. */
function groupSummary(rounds) {
  if (!groupScope()) return "item: every series planned at the target on its own (BENCH_SCOPE=item)"
  // one entry per group and round (every member carries its group's share)
  const shares = rounds.flatMap((r) => [...new Map(r.filter((p) => p.group).map((p) => [`${p.group.lambda}:${p.group.expected}:${p.group.size}`, p.group])).values()])
  const items = rounds.flatMap((r) => r.filter((p) => p.group).map((p) => p.group.itemLevel))
  const below = (x) => round(items.filter((v) => v < x).length / Math.max(1, items.length), 4)
  const range = (f) => [round(shares.reduce((m, g) => Math.min(m, f(g)), Infinity), 5), round(shares.reduce((m, g) => Math.max(m, f(g)), -Infinity), 5)]
  return {
    scope: "group: each planning round's series meet the target together (planGroupPolicies)",
    groups_planned: shares.length,
    expected_service_min_max: range((g) => g.expected),
    lambda_min_max: range((g) => g.lambda),
    series_planned_in_groups: items.length,
    own_service_below: { "0.85": below(0.85), "0.9": below(0.9), "0.95": below(0.95) },
  }
}

/**
 * Mendian's outcome against the static policy tuned to the same cycle service and to the same
 * fill rate, and whether the two targets for `metric` (the targeted service) are met.
 */
function againstStatic(metric, target, mendian, tune) {
  const sameCsl = tune("cycle_service", mendian.cycle_service)
  const sameFill = tune("fill_rate", mendian.fill_rate)
  const saving = (s) => round(1 - mendian.avg_on_hand / s.avg_on_hand, 4)
  return {
    static_same_cycle_service: sameCsl,
    static_same_fill_rate: sameFill,
    stock_saving_vs_static_same_cycle_service: saving(sameCsl),
    stock_saving_vs_static_same_fill_rate: saving(sameFill),
    [`achieved_${metric}_within_1_point`]: Math.abs(mendian[metric] - target) <= 0.01,
    stock_saving_at_least_15pct_same_targeted_service: saving(metric === "cycle_service" ? sameCsl : sameFill) >= 0.15,
  }
}

function inventory() {
  const data = loadCarparts()
  const parts = data.parts.filter((p) => p.complete && !isConstant(p.values.subarray(0, p.values.length - HOLD)))
  const target = 0.95
  const kinds = ["cycle", "fill"]
  // BENCH_POOL=0: each part's own error sample only (the policy before the error pool)
  const usePool = process.env.BENCH_POOL !== "0"
  log(`inventory: ${parts.length} parts, re-planning every month of the ${HOLD}-month hold-out${usePool ? ", error pool per month" : ", no error pool"}`)
  const ws = new Workspace()
  const t0 = process.hrtime.bigint()
  const runs = Object.fromEntries(kinds.map((k) => [k, { rolling: [], frozen: [], approaches: {} }]))
  const statics = []
  // Plan every part for every month first: the policies of month t use the error pool of all
  // parts planned at month t (as the nightly job pools the series of one chunk).
  const plans = []
  const policies = []
  for (let t = 0; t < HOLD; t++) {
    const row = parts.map((p) => planSeries({ demand: p.values.subarray(0, p.values.length - HOLD + t), period: 12, horizon: 3, protection: 2, selectionHorizon: HOLD }, ws))
    plans.push(row)
    const pool = usePool ? buildErrorPool(row) : null
    const sz = useSizes() ? parts.map((p) => demandSizes(p.values.subarray(0, p.values.length - HOLD + t))) : null
    const sizePool = sz ? buildSizePool(row.map((plan, i) => ({ class: plan.class, sizes: sz[i] }))) : null
    // every part of the month is one group (one shop's chunk in the nightly job)
    const inputs = (kind) =>
      row.map((plan, i) => ({ plan, leadTime: { mean: 1 }, reviewPeriod: 1, target: { kind, level: target }, pool, sizes: sz?.[i], sizePool, seed: i * 100 + t, groupKey: "carparts" }))
    policies.push(Object.fromEntries(kinds.map((kind) => [kind, planBatch(inputs(kind))])))
  }
  for (let i = 0; i < parts.length; i++) {
    const y = parts[i].values
    const nTrain = y.length - HOLD
    const test = y.subarray(nTrain)
    const levels = { cycle: new Array(HOLD), fill: new Array(HOLD) }
    const firstMonth = Math.round(plans[0][i].forecast[0])
    for (let t = 0; t < HOLD; t++) {
      for (const kind of kinds) {
        const policy = policies[t][kind][i]
        levels[kind][t] = policy.orderUpTo
        if (t === 0) runs[kind].approaches[policy.approach] = (runs[kind].approaches[policy.approach] ?? 0) + 1
      }
    }
    for (const kind of kinds) {
      runs[kind].rolling.push(simulate(test, (t) => levels[kind][t], firstMonth))
      runs[kind].frozen.push(simulate(test, () => levels[kind][0], firstMonth))
    }
    const train = y.subarray(0, nTrain)
    let mean = 0
    for (const v of train) mean += v
    mean /= nTrain
    let v2 = 0
    for (const v of train) v2 += (v - mean) * (v - mean)
    statics.push({ test, mean, sd: Math.sqrt(v2 / (nTrain - 1)) })
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  const staticAt = (k) =>
    aggregate(statics.map((s) => simulate(s.test, () => Math.max(0, Math.ceil(2 * s.mean + k * s.sd * Math.SQRT2 - 1e-9)), Math.round(s.mean))))
  const tune = (metric, goal) => tuneStatic(staticAt, metric, goal, 50)
  const out = {}
  for (const kind of kinds) {
    const metric = kind === "cycle" ? "cycle_service" : "fill_rate"
    const mendian = aggregate(runs[kind].rolling)
    out[`${kind}_target`] = {
      target: { kind, level: target },
      mendian: rounded(mendian),
      mendian_policy_approaches_first_month: runs[kind].approaches,
      mendian_frozen_at_holdout_start: rounded(aggregate(runs[kind].frozen)),
      ...againstStatic(metric, target, mendian, tune),
      ...(kind === "cycle" ? { service_scope: groupSummary(policies.map((p) => p.cycle)) } : {}),
    }
  }
  return {
    benchmark: "forecast-inventory-carparts",
    parts: parts.length,
    months: HOLD,
    error_pool: usePool ? "per month, over all parts planned that month (buildErrorPool)" : "none (BENCH_POOL=0)",
    demand_sizes: useSizes() ? "each part's non-zero months, pooled per month over all parts (buildSizePool)" : "none (BENCH_SIZES=0)",
    policy:
      "periodic review order-up-to, review 1 month, lead time 1 month, unmet demand backordered; Mendian re-plans every month with the months seen so far; static S = ceil(2·mean + k·sd·√2) from the training months, k tuned in hindsight to Mendian's achieved service",
    cycle_service: "share of part-months ending without a backorder",
    fill_rate: "units served from stock on hand / units demanded",
    avg_on_hand: "mean over part-months of (on hand after receipt + on hand at month end) / 2",
    ...out,
    static_at_target_cycle_service: tune("cycle_service", target),
    seconds: round(seconds, 2),
  }
}

// ---------------------------------------------------------------------------------------------
// inventory-mix

/**
 * The inventory outcome on the synthetic retail mix of `speed` (generateMix), at the nightly
 * job's granularity: days, each series' own lead time (mean 2–10 days, sd 0 or 0.5–2.5) and
 * review period (1 or 7 days). A second data set for the same policy, so that a setting can be
 * judged on one and checked on the other.
 *
 * Each series is split at day 365 − MIX_HOLD: the policy is re-planned every night of the
 * hold-out from the days seen so far (planSeries as the nightly job calls it, the error pool
 * over all series of that night, like one chunk), and an order-up-to policy is simulated: on a
 * review day an order brings the inventory position (net + on order) up to the level; it
 * arrives after a lead time drawn from N(mean, sd), rounded, at least 0 (the same draws for
 * every policy); demand that finds no stock is backordered; a censored day of the generator
 * counts as demand 0. No case packs or MOQ (both policies order exact units). Each series starts
 * the hold-out with its first level on hand and nothing on order; the first lead time + review
 * period is a warm-up that is simulated but not measured. Cycle service = share of review
 * cycles ending without a backorder; fill rate = units served from stock / units demanded;
 * on-hand = mean of (start of day after receipts + end of day) / 2. Static: S = ⌈T·mean +
 * k·sd·√T⌉ over the training days (T = review + mean lead time; censored days left out), k tuned
 * in hindsight to the same service.
 */
const MIX_HOLD = 70

function inventoryMix() {
  const N = Number(process.env.BENCH_INV_SERIES ?? 2000)
  const seed = Number(process.env.BENCH_INV_SEED ?? 20261125)
  const usePool = process.env.BENCH_POOL !== "0"
  const target = 0.95
  const kinds = ["cycle", "fill"]
  log(`inventory-mix: ${N} series, ${MIX_HOLD}-day hold-out re-planned every night (seed ${seed})${usePool ? ", error pool per night" : ", no error pool"}`)
  const mix = generateMix(N, seed)
  const DAYS = mix.series[0].demand.length
  const T0 = DAYS - MIX_HOLD
  const rng = require("../lib/stats").mulberry32(seed ^ 0x5eed)
  // lead time of an order placed on hold-out day t, per series (shared by every policy)
  const leads = mix.series.map((s) => {
    const a = new Int16Array(MIX_HOLD)
    for (let t = 0; t < MIX_HOLD; t++) {
      const u = rng() || 1e-12
      const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng())
      a[t] = Math.max(0, Math.round(s.leadMean + s.leadSd * z))
    }
    return a
  })
  const ws = new Workspace()
  const levels = Object.fromEntries(kinds.map((k) => [k, mix.series.map(() => new Int32Array(MIX_HOLD))]))
  const approaches = {}
  const firstClass = new Array(N)
  const rounds = []
  const t0 = process.hrtime.bigint()
  for (let t = 0; t < MIX_HOLD; t++) {
    const day = T0 + t
    const plans = mix.series.map((s) => {
      const future = new Uint8Array(28)
      for (let k = 0; k < 28; k++) future[k] = day + k < DAYS ? s.events[day + k] : s.futureEvents[day + k - DAYS] ?? 0
      return planSeries(
        {
          demand: s.demand.subarray(0, day),
          censored: s.censored.subarray(0, day),
          events: s.events.subarray(0, day),
          futureEvents: future,
          period: 7,
          horizon: 28,
          protection: s.review + Math.round(s.leadMean),
        },
        ws
      )
    })
    const pool = usePool ? buildErrorPool(plans) : null
    const sizes = useSizes() ? mix.series.map((s) => demandSizes(s.demand.subarray(0, day), s.censored.subarray(0, day), s.events.subarray(0, day))) : null
    const sizePool = sizes ? buildSizePool(plans.map((p, i) => ({ class: p.class, sizes: sizes[i] }))) : null
    // a group per review period: cycle service counts review cycles, which a weekly series has a
    // seventh as many of, so each kind of cycle meets the target among its own
    const batch = Object.fromEntries(
      kinds.map((kind) => [
        kind,
        planBatch(
          mix.series.map((s, i) => ({
            plan: plans[i],
            leadTime: { mean: s.leadMean, sd: s.leadSd },
            reviewPeriod: s.review,
            target: { kind, level: target },
            pool,
            sizes: sizes?.[i],
            sizePool,
            seed: i * 1000 + t,
            groupKey: `review ${s.review}`,
          }))
        ),
      ])
    )
    rounds.push(batch.cycle)
    for (let i = 0; i < N; i++) {
      for (const kind of kinds) {
        const policy = batch[kind][i]
        levels[kind][i][t] = policy.orderUpTo
        if (t === 0 && kind === "cycle") firstClass[i] = plans[i].class
        if (t === 0 && kind === "cycle") approaches[`${plans[i].class}/${policy.approach}`] = (approaches[`${plans[i].class}/${policy.approach}`] ?? 0) + 1
      }
    }
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  const simulateDaily = (i, levelAt) => {
    const s = mix.series[i]
    const R = s.review
    const warm = R + Math.ceil(s.leadMean)
    const arrivals = new Float64Array(MIX_HOLD + 64)
    let net = levelAt(0)
    let onOrder = 0
    let cycles = 0
    let stockouts = 0
    let demand = 0
    let served = 0
    let onHand = 0
    let days = 0
    for (let t = 0; t < MIX_HOLD; t++) {
      net += arrivals[t]
      onOrder -= arrivals[t]
      if (t % R === 0) {
        const q = Math.max(0, levelAt(t) - (net + onOrder))
        if (q > 0) {
          const L = leads[i][t]
          if (L === 0) net += q
          else {
            arrivals[t + L] += q
            onOrder += q
          }
        }
      }
      const d = s.demand[T0 + t]
      const start = Math.max(0, net)
      net -= d
      if (t >= warm) {
        served += Math.min(d, start)
        demand += d
        onHand += (start + Math.max(0, net)) / 2
        days++
        // end of a review cycle: the day before the next review
        if ((t + 1) % R === 0) {
          cycles++
          if (net < 0) stockouts++
        }
      }
    }
    return { stockouts, demand, served, onHand, months: cycles, days }
  }
  const agg = (results) => {
    const a = aggregate(results)
    let h = 0
    let days = 0
    for (const r of results) {
      h += r.onHand
      days += r.days
    }
    return { cycle_service: a.cycle_service, fill_rate: a.fill_rate, avg_on_hand: h / days }
  }
  const statics = mix.series.map((s) => {
    let n = 0
    let m = 0
    for (let d = 0; d < T0; d++) if (!s.censored[d]) (n++, (m += s.demand[d]))
    m = n ? m / n : 0
    let v = 0
    for (let d = 0; d < T0; d++) if (!s.censored[d]) v += (s.demand[d] - m) ** 2
    return { mean: m, sd: n > 1 ? Math.sqrt(v / (n - 1)) : 0, T: s.review + s.leadMean }
  })
  const staticAt = (k) => agg(statics.map((st, i) => simulateDaily(i, () => Math.max(0, Math.ceil(st.T * st.mean + k * st.sd * Math.sqrt(st.T) - 1e-9)))))
  const tune = (metric, goal) => tuneStatic(staticAt, metric, goal, 40)
  const out = {}
  for (const kind of kinds) {
    const metric = kind === "cycle" ? "cycle_service" : "fill_rate"
    const sims = mix.series.map((_, i) => simulateDaily(i, (t) => levels[kind][i][t]))
    const mendian = agg(sims)
    const byClass = {}
    for (const cls of new Set(firstClass)) byClass[cls] = rounded(agg(sims.filter((_, i) => firstClass[i] === cls)))
    out[`${kind}_target`] = {
      target: { kind, level: target },
      mendian: rounded(mendian),
      mendian_by_class_first_night: byClass,
      ...againstStatic(metric, target, mendian, tune),
      ...(kind === "cycle" ? { service_scope: groupSummary(rounds) } : {}),
    }
  }
  return {
    benchmark: "forecast-inventory-mix",
    series: N,
    seed,
    mix: mix.kinds,
    holdout_days: MIX_HOLD,
    error_pool: usePool ? "per night, over all series planned that night (buildErrorPool)" : "none (BENCH_POOL=0)",
    demand_sizes: useSizes() ? "each series' non-zero baseline days, pooled per night (buildSizePool)" : "none (BENCH_SIZES=0)",
    class_and_approach_first_night: approaches,
    ...out,
    static_at_target_cycle_service: tune("cycle_service", target),
    planning_seconds: round(seconds, 2),
  }
}

function rounded(r) {
  return { cycle_service: round(r.cycle_service, 4), fill_rate: round(r.fill_rate, 4), avg_on_hand: round(r.avg_on_hand, 4) }
}

module.exports = { run }
