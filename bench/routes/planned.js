// bench/routes, part "planned": km saved against one trip per transfer on the transfers the
// planner produces for the demo chain (issue 4 §7).
//
// 1. The chain: shops, coordinates, opening hours, closures and opening stock from
//    src/scripts/demo-chain (pure generators; Medusa is not booted) — the chain `npm run demo`
//    loads (DEMO_SIZE full), the CI chain (small), and optionally a larger chain generated the
//    same way (buildScaleShops, BENCH_CHAIN_SHOPS).
// 2. The instance: shortfalls and surplus by the demo network rule (demoNetwork in
//    src/scripts/demo-chain/network.ts: par, safety stock = ⌈par / 2⌉ at shops and 100 at
//    warehouses; a shop under its safety stock is short by par − stock; everything above safety
//    stock is surplus), the app's cost defaults (DEFAULT_PLAN_COST of the plan workflow).
// 3. The plan: src/lib/transfer-plan's solveInstance (column generation on HiGHS, the same code
//    the app's worker runs), with a time budget large enough that it never falls back to greedy.
// 4. The transfers: the plan's lines grouped per source × destination, one transfer each (a
//    transfer's units = its lines' units); all leave on one day (BENCH_DATE, a Wednesday).
// 5. The routes: routeTransfers (bench/routes/transfers.js → src/lib/routing's planRoutes), one
//    depot per source, haversine × 1.3, each destination's receiving windows that day (its
//    opening hours, as the app uses when a shop has no receiving hours; none on a closure day),
//    the demo's depot fleet (DEMO_DEPOT_FLEET) at warehouses and the app's DEFAULT_FLEET (two vans
//    of 300 units from 06:00) at shops — what POST /admin/delivery-runs would use after the seed.
//
// Reported: km of the runs, km of one depot → shop → depot trip per transfer over the same
// (served) transfers, saving %, and what could not be served that day (no vehicle left, or a
// shop closed) — nothing is dropped silently.
const path = require("node:path")
require(path.join(__dirname, "../../node_modules/ts-node")).register({
  transpileOnly: true,
  swc: true,
  project: path.join(__dirname, "../../tsconfig.json"),
})
const loadHighs = require("highs")
const { routeTransfers } = require("./transfers")
const { solveInstance } = require("../../src/lib/transfer-plan")
const { receivingWindows } = require("../../src/lib/transfer-state/delivery")
const { parseCalendarDate } = require("../../src/lib/opening-hours")
const chain = require("../../src/scripts/demo-chain")
const { round } = require("../lib/stats")

const log = (msg) => process.stderr.write(`[bench routes planned] ${msg}\n`)

async function planned() {
  // The app's defaults, from the workflows themselves (loading them does not boot Medusa).
  const { DEFAULT_PLAN_COST } = require("../../src/workflows/transfers/planning/build-plan-instance")
  const { DEFAULT_FLEET } = require("../../src/workflows/transfers/delivery/build-delivery-runs")
  const date = process.env.BENCH_DATE ?? "2026-11-25"
  const day = parseCalendarDate(date)
  if (day === null) throw new Error(`BENCH_DATE must be YYYY-MM-DD, got ${date}`)
  const highs = await loadHighs()
  const chains = [
    { name: "demo (full)", shops: chain.buildShops({ size: "full" }), catalog: chain.buildCatalog({ size: "full" }) },
    { name: "demo (small, CI)", shops: chain.buildShops({ size: "small" }), catalog: chain.buildCatalog({ size: "small" }) },
  ]
  const larger = Number(process.env.BENCH_CHAIN_SHOPS ?? 0)
  if (larger > 0) chains.push({ name: `scale (${larger} shops)`, shops: chain.buildScaleShops(larger), catalog: chain.buildCatalog({ size: "full" }) })
  const out = { date, cost: DEFAULT_PLAN_COST, depotFleet: chain.DEMO_DEPOT_FLEET, shopFleet: DEFAULT_FLEET, chains: [] }
  for (const c of chains) out.chains.push(measure(c, { highs, day, cost: DEFAULT_PLAN_COST, shopFleet: DEFAULT_FLEET }))
  const main = out.chains[0]
  out.target = "km saved against one trip per transfer on the planner's transfers for the demo chain >= 35 %"
  out.pass = main.routes.savedPercent >= 35
  return out
}

function measure({ name, shops, catalog }, { highs, day, cost, shopFleet }) {
  let t = performance.now()
  const network = chain.demoNetwork(shops, catalog)
  const byCode = new Map(shops.map((s) => [s.code, s]))
  const used = new Set([...network.shortfall, ...network.surplus].map((l) => l.shop_code))
  const instance = {
    cost,
    shops: shops.filter((s) => used.has(s.code)).map((s) => ({ id: s.code, lat: s.latitude, lng: s.longitude })),
    surplus: network.surplus.map((l) => ({ shop: l.shop_code, variant: l.sku, quantity: l.quantity })),
    shortfall: network.shortfall.map((l) => ({ shop: l.shop_code, variant: l.sku, quantity: l.quantity })),
  }
  const buildMs = performance.now() - t
  log(`${name}: ${shops.length} shops, ${instance.shortfall.length} short lines (${sum(instance.shortfall)} units), ${instance.surplus.length} surplus lines (${sum(instance.surplus)} units)`)
  const plan = solveInstance(highs, instance, { time_budget_ms: 600_000 })
  const s = plan.stats
  if (s.fallback) throw new Error(`${name}: the planner fell back to greedy (${s.fallback})`)
  log(`${name}: plan ${round(plan.total_cost, 2)} (greedy ${round(s.greedy_cost, 2)}), ${plan.lines.length} lines, ${s.units_moved} units moved, ${s.units_unmet} unmet, ${s.solve_ms} ms, proven optimal ${s.certificate?.proven_optimal}`)

  // How far the plan sends its units (road km of each line's lane).
  const reach = {}
  for (const l of plan.lines) {
    const km = l.breakdown.distance_km
    const k = km < 20 ? "<20 km" : km < 60 ? "20-60 km" : km < 150 ? "60-150 km" : km < 400 ? "150-400 km" : ">=400 km"
    reach[k] = (reach[k] ?? 0) + l.quantity
  }

  // One transfer per source × destination.
  const grouped = new Map()
  for (const l of plan.lines) {
    const k = `${l.from}|${l.to}`
    const g = grouped.get(k) ?? { from: l.from, to: l.to, units: 0, lines: 0 }
    g.units += l.quantity
    g.lines++
    grouped.set(k, g)
  }
  const transfers = [...grouped.values()].map((g) => {
    const src = byCode.get(g.from)
    const dst = byCode.get(g.to)
    return {
      id: `${g.from}>${g.to}`,
      source: { id: g.from, lat: src.latitude, lng: src.longitude },
      destination: { id: g.to, lat: dst.latitude, lng: dst.longitude, windows: receivingWindows({ opening_hours: dst.opening_hours, receiving_hours: null, closures: dst.closures }, day) },
      units: g.units,
    }
  })
  const depotFleet = chain.fleetVehicles(chain.DEMO_DEPOT_FLEET)
  const defaultFleet = chain.fleetVehicles(shopFleet)
  const isDepot = new Set(chain.demoDepots(shops).map((s) => s.code))
  t = performance.now()
  const { depots, total } = routeTransfers(transfers, { vehicles: (id) => (isDepot.has(id) ? depotFleet : defaultFleet) })
  const routeMs = performance.now() - t
  // The same with as many vehicles as stops: what consolidation saves when the fleet's size
  // does not leave stops for the next day (capacity, route length and windows still bind).
  const big = (f) => ({ ...f, count: transfers.length })
  const unbounded = routeTransfers(transfers, { vehicles: (id) => (isDepot.has(id) ? big(depotFleet) : big(defaultFleet)) })

  const summarise = (list) => {
    const km = list.reduce((a, d) => a + d.result.totals.km, 0)
    const baselineKm = list.reduce((a, d) => a + d.result.baseline.km, 0)
    return {
      sources: list.length,
      transfers: list.reduce((a, d) => a + d.result.baseline.trips, 0),
      runs: list.reduce((a, d) => a + d.result.totals.runs, 0),
      km: round(km, 1),
      baselineKm: round(baselineKm, 1),
      savedPercent: baselineKm > 0 ? round((100 * (baselineKm - km)) / baselineKm, 1) : 0,
    }
  }
  const unassigned = {}
  let unassignedUnits = 0
  for (const d of depots) for (const u of d.result.unassigned) {
    unassigned[u.reason] = (unassigned[u.reason] ?? 0) + 1
    unassignedUnits += transfers.find((x) => x.source.id === d.source && x.destination.id === u.id)?.units ?? 0
  }
  const perDepot = depots
    .filter((d) => isDepot.has(d.source))
    .map(({ source, result }) => ({ depot: source, stops: result.totals.stops, runs: result.totals.runs, km: round(result.totals.km, 1), baselineKm: round(result.baseline.km, 1), savedPercent: round(result.baseline.savedPercent, 1), unassigned: result.unassigned.length }))
  const destinationsPerSource = depots.map((d) => d.result.totals.stops + d.result.unassigned.length).sort((a, b) => a - b)
  const row = {
    chain: name,
    shops: shops.length,
    instance: {
      shortLines: instance.shortfall.length,
      shortUnits: sum(instance.shortfall),
      surplusLines: instance.surplus.length,
      surplusUnits: sum(instance.surplus),
      buildMs: round(buildMs, 1),
    },
    plan: {
      totalCost: round(plan.total_cost, 2),
      greedyCost: round(s.greedy_cost, 2),
      savingVsGreedyPercent: round(100 * s.saving_vs_greedy, 2),
      lines: plan.lines.length,
      unitsMoved: s.units_moved,
      unitsUnmet: s.units_unmet,
      provenOptimal: !!s.certificate?.proven_optimal,
      solveMs: round(s.solve_ms, 1),
      fromWarehouses: plan.lines.filter((l) => isDepot.has(l.from)).reduce((a, l) => a + l.quantity, 0),
      unitsByLaneKm: reach,
    },
    transfers: {
      count: transfers.length,
      fromWarehouses: transfers.filter((x) => isDepot.has(x.source.id)).length,
      sources: depots.length,
      destinationsPerSourceMedian: destinationsPerSource[Math.floor(destinationsPerSource.length / 2)] ?? 0,
      destinationsPerSourceMax: destinationsPerSource[destinationsPerSource.length - 1] ?? 0,
      units: transfers.reduce((a, x) => a + x.units, 0),
    },
    routes: {
      ...summarise(depots),
      unassignedStops: total.unassigned,
      unassignedUnits,
      unassignedReasons: unassigned,
      ms: round(routeMs, 1),
    },
    routesAnyFleetSize: { ...summarise(unbounded.depots), unassignedStops: unbounded.total.unassigned, unassignedReasons: reasons(unbounded.depots) },
    fromWarehouses: summarise(depots.filter((d) => isDepot.has(d.source))),
    fromShops: summarise(depots.filter((d) => !isDepot.has(d.source))),
    perDepot,
  }
  log(
    `${name}: ${row.transfers.count} transfers from ${row.transfers.sources} sources → ${row.routes.runs} runs, ${row.routes.km} km vs ${row.routes.baselineKm} km one trip per transfer (${row.routes.savedPercent} % saved); ` +
      `warehouses ${row.fromWarehouses.savedPercent} %, shops ${row.fromShops.savedPercent} %; unassigned ${row.routes.unassignedStops} stops (${JSON.stringify(unassigned)}); ` +
      `any fleet size: ${row.routesAnyFleetSize.km} km vs ${row.routesAnyFleetSize.baselineKm} km (${row.routesAnyFleetSize.savedPercent} %), unassigned ${row.routesAnyFleetSize.unassignedStops}`
  )
  return row
}

const reasons = (depots) => {
  const out = {}
  for (const d of depots) for (const u of d.result.unassigned) out[u.reason] = (out[u.reason] ?? 0) + 1
  return out
}
const sum = (lines) => lines.reduce((a, l) => a + l.quantity, 0)

module.exports = { planned }
