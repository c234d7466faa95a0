// bench/routes (issue 4): the delivery-route heuristic of src/lib/routing.
//
//   flock /tmp/mendian-heavy.lock npm run bench -- routes            all four parts
//   flock /tmp/mendian-heavy.lock npm run bench -- routes cvrplib    (or scale, demo, planned)
//
// cvrplib  named public CVRPLIB instances (bench/data/cvrplib, EUC_2D rounded distances,
//          unlimited fleet): gap to the best known solution of Clarke–Wright savings alone,
//          savings + local search, and the full search (savings + local search +
//          ruin-and-recreate), all from the same run; every solution re-checked here
//          (each customer once, capacity, cost recomputed from the matrix).
// scale    synthetic uniform shops around Kunming, n = 200 … 2,000 stops, with and without
//          receiving windows: median wall time of BENCH_ROUNDS runs, and where it goes.
// demo     synthetic, demo-like transfers: each region's distribution centre of the demo
//          chain (src/scripts/demo-chain) sends one transfer to every open shop of its region
//          within 150 km; km of the runs against one trip per transfer.
// planned  the measure: the demo chain's shortfalls and surplus (demo-chain/network.ts),
//          planned by src/lib/transfer-plan, grouped into one transfer per source × destination,
//          routed with the demo's depot fleets; km against one trip per transfer (planned.js).
//
// Environment: BENCH_ROUNDS (3), BENCH_SEED (20261124); for planned: BENCH_DATE (2026-11-25),
// BENCH_CHAIN_SHOPS (0: also a larger chain of that many shops, generated the same way).
const path = require("node:path")
const { routeTransfers } = require("./transfers")
const { planRoutes } = require("../../src/lib/routing")
const { planned } = require("./planned")
const { readInstance, readSolution, routesCost } = require("./cvrplib")
const { median, round, mulberry32 } = require("../lib/stats")

const log = (msg) => process.stderr.write(`[bench routes] ${msg}\n`)

const CVRPLIB = [
  "A-n32-k5",
  "A-n55-k9",
  "A-n65-k9",
  "A-n80-k10",
  "B-n63-k10",
  "B-n68-k9",
  "B-n78-k10",
  "M-n200-k17",
  "X-n101-k25",
  "X-n153-k22",
  "X-n200-k36",
  "X-n251-k28",
  "X-n303-k21",
  "X-n401-k29",
  "X-n502-k39",
  "X-n1001-k43",
]

async function run(args) {
  const which = args[0] ?? "all"
  const out = {}
  if (which === "all" || which === "cvrplib") out.cvrplib = cvrplib()
  if (which === "all" || which === "scale") out.scale = scale()
  if (which === "all" || which === "demo") out.demo = demo()
  if (which === "all" || which === "planned") out.planned = await planned()
  if (!Object.keys(out).length) throw new Error(`unknown part "${which}" (cvrplib, scale, demo, planned)`)
  return which === "all" ? out : out[which]
}

// ---------------------------------------------------------------------------------------------
// cvrplib

function cvrplib() {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3)
  const rows = []
  for (const name of CVRPLIB) {
    const inst = readInstance(name)
    const bks = readSolution(name).cost
    const problem = {
      depot: { id: "depot", index: 0 },
      stops: inst.customers.map((c) => ({ id: c.id, index: c.index, units: c.demand })),
      vehicles: { count: inst.customers.length, capacityUnits: inst.capacity },
      distance: { kind: "matrix", matrix: inst.matrix },
    }
    const times = []
    let result
    for (let r = 0; r < rounds; r++) {
      result = planRoutes(problem)
      times.push(result.stats.ms)
    }
    const routes = result.runs.map((run) => run.stops.map((s) => Number(inst.customers.findIndex((c) => c.id === s.id) + 1)))
    check(name, inst, routes, result)
    const km = routesCost(inst.matrix, routes)
    const gap = (x) => round((100 * (x - bks)) / bks, 2)
    const row = {
      instance: name,
      customers: inst.customers.length,
      bks,
      km,
      gapPercent: gap(km),
      savingsGapPercent: gap(result.stats.savingsKm),
      localSearchGapPercent: gap(result.stats.localSearchKm),
      runs: result.runs.length,
      iterations: result.stats.iterations,
      ms: round(median(times), 1),
    }
    log(`${name}: ${km} vs ${bks} (${row.gapPercent} %; savings ${row.savingsGapPercent} %, + local search ${row.localSearchGapPercent} %) in ${row.ms} ms`)
    rows.push(row)
  }
  const mean = (xs) => round(xs.reduce((a, b) => a + b, 0) / xs.length, 2)
  const worst = rows.reduce((a, b) => (b.gapPercent > a.gapPercent ? b : a))
  const classic = rows.filter((r) => !r.instance.startsWith("X-"))
  const x = rows.filter((r) => r.instance.startsWith("X-"))
  return {
    instances: rows,
    meanGapPercent: mean(rows.map((r) => r.gapPercent)),
    worst: { instance: worst.instance, gapPercent: worst.gapPercent },
    meanGapPercentABM: mean(classic.map((r) => r.gapPercent)),
    meanGapPercentX: mean(x.map((r) => r.gapPercent)),
    before: {
      savings: mean(rows.map((r) => r.savingsGapPercent)),
      savingsPlusLocalSearch: mean(rows.map((r) => r.localSearchGapPercent)),
    },
    target: "mean gap <= 5 %",
    pass: mean(rows.map((r) => r.gapPercent)) <= 5,
    totalMedianMs: round(rows.reduce((a, r) => a + r.ms, 0), 1),
  }
}

// Independent of the library: each customer exactly once, capacity, and the cost the library
// reports equal to the cost recomputed from the instance's matrix.
function check(name, inst, routes, result) {
  const seen = new Uint8Array(inst.customers.length + 1)
  for (const r of routes) {
    let load = 0
    for (const x of r) {
      if (x < 1 || seen[x]) throw new Error(`${name}: customer ${x} missing or visited twice`)
      seen[x] = 1
      load += inst.customers[x - 1].demand
    }
    if (load > inst.capacity) throw new Error(`${name}: a run carries ${load} > ${inst.capacity}`)
  }
  if (seen.reduce((a, b) => a + b, 0) !== inst.customers.length) throw new Error(`${name}: not every customer served`)
  if (result.unassigned.length) throw new Error(`${name}: ${result.unassigned.length} unassigned`)
  const km = routesCost(inst.matrix, routes)
  if (Math.abs(km - result.totals.km) > 1e-6) throw new Error(`${name}: reported ${result.totals.km} ≠ recomputed ${km}`)
}

// ---------------------------------------------------------------------------------------------
// scale

function syntheticProblem(n, seed, withWindows) {
  const rnd = mulberry32(seed)
  const stops = []
  for (let i = 0; i < n; i++) {
    const open = 420 + 30 * Math.floor(rnd() * 6)
    stops.push({
      id: `s${i}`,
      units: 5 + Math.floor(rnd() * 60),
      volume: round(0.05 + rnd() * 0.6, 3),
      location: { lat: 25.04 + (rnd() - 0.5) * 0.6, lng: 102.71 + (rnd() - 0.5) * 0.6 },
      windows: withWindows ? [{ start: open, end: open + 150 }, { start: 840, end: 1020 }] : undefined,
    })
  }
  return {
    depot: { id: "DC", location: { lat: 25.04, lng: 102.71 } },
    stops,
    vehicles: withWindows
      ? { count: n, capacityUnits: 600, capacityVolume: 8, speedKmh: 35, serviceMinutes: 10, availableFrom: 360, availableUntil: 1200, maxDurationMinutes: 600 }
      : { count: n, capacityUnits: 600, capacityVolume: 8, maxRouteKm: 400 },
    distance: { kind: "haversine", detourFactor: 1.3 },
  }
}

function scale() {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3)
  const seed = Number(process.env.BENCH_SEED ?? 20261124)
  const rows = []
  for (const withWindows of [false, true]) {
    for (const n of [200, 500, 1000, 2000]) {
      const problem = syntheticProblem(n, seed + n, withWindows)
      const times = []
      let result
      for (let r = 0; r < rounds; r++) {
        result = planRoutes(problem)
        times.push(result.stats.ms)
      }
      const row = {
        stops: n,
        windows: withWindows,
        medianMs: round(median(times), 1),
        phaseMs: result.stats.phaseMs,
        iterations: result.stats.iterations,
        runs: result.totals.runs,
        unassigned: result.unassigned.length,
        km: result.totals.km,
        savingsKm: result.stats.savingsKm,
        improvementOverSavingsPercent: round((100 * (result.stats.savingsKm - result.totals.km)) / result.stats.savingsKm, 2),
        savedVsOneTripPerTransferPercent: round(result.baseline.savedPercent, 1),
      }
      log(`n=${n} windows=${withWindows}: ${row.medianMs} ms, ${row.runs} runs, ${row.improvementOverSavingsPercent} % below savings`)
      rows.push(row)
    }
  }
  const at1000 = rows.filter((r) => r.stops === 1000)
  return { rows, target: "n = 1,000 stops under ~1 s", pass: at1000.every((r) => r.medianMs <= 1000) }
}

// ---------------------------------------------------------------------------------------------
// demo (synthetic)

function demo() {
  const { buildShops } = require("../../src/scripts/demo-chain")
  const { haversineKm } = require("../../src/lib/geo")
  const seed = Number(process.env.BENCH_SEED ?? 20261124)
  const rnd = mulberry32(seed)
  const shops = buildShops({ size: "full" })
  const dcs = shops.filter((s) => s.kind === "warehouse" && s.code.endsWith("-901") && !s.name_en.includes("Forward"))
  const transfers = []
  const hhmm = (t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))
  for (const dc of dcs) {
    const dest = shops.filter(
      (s) => s.kind !== "warehouse" && s.status === "open" && s.region_code === dc.region_code && haversineKm({ lat: dc.latitude, lng: dc.longitude }, { lat: s.latitude, lng: s.longitude }) <= 150
    )
    for (const s of dest) {
      // Receiving hours: the 2.5 hours before Monday's opening and the mid-afternoon lull.
      const open = hhmm((s.opening_hours.mon ?? [{ open: "09:30" }])[0].open)
      const units = 20 + Math.floor(rnd() * 130)
      transfers.push({
        id: `trf_${dc.code}_${s.code}`,
        source: { id: dc.code, lat: dc.latitude, lng: dc.longitude },
        destination: { id: s.code, lat: s.latitude, lng: s.longitude, windows: [{ start: open - 150, end: open }, { start: 840, end: 1020 }] },
        units,
        volume: round(units * 0.012, 3),
      })
    }
  }
  const vehicles = { count: 8, capacityUnits: 800, capacityVolume: 10, maxRouteKm: 500, speedKmh: 45, serviceMinutes: 15, availableFrom: 300, availableUntil: 1260, maxDurationMinutes: 720 }
  const { depots, total } = routeTransfers(transfers, { vehicles })
  const perDepot = depots.map(({ source, result }) => ({
    depot: source,
    shops: result.totals.stops,
    runs: result.totals.runs,
    km: result.totals.km,
    baselineKm: result.baseline.km,
    savedPercent: round(result.baseline.savedPercent, 1),
    unassigned: result.unassigned.map((u) => `${u.id}: ${u.reason}`),
    ms: result.stats.ms,
  }))
  for (const d of perDepot) log(`${d.depot}: ${d.shops} shops, ${d.runs} runs, ${d.km} km vs ${d.baselineKm} km one trip per transfer (${d.savedPercent} % saved)`)
  return {
    synthetic: true,
    note: "demo-chain shop coordinates; one synthetic transfer per open shop within 150 km of its region's DC, not the planner's transfers",
    vehicles,
    perDepot,
    total: { ...total, km: round(total.km, 1), baselineKm: round(total.baselineKm, 1), savedKm: round(total.savedKm, 1), savedPercent: round(total.savedPercent, 1), ms: round(total.ms, 1) },
    target: "km saved against one trip per transfer >= 35 %",
    pass: total.savedPercent >= 35,
  }
}

module.exports = { run, routeTransfers }
