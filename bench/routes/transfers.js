// Transfers → delivery runs: the shape the app will call with the planner's transfers.
//
//   routeTransfers(transfers, { vehicles, distance, options })
//
// transfers: [{ id, source: { id, lat, lng }, destination: { id, lat, lng, windows? },
//               units, volume? }]
// Transfers leaving the same source are routed together (one depot per source); transfers to
// the same destination become one stop (its `transfers` count feeds the one-trip-per-transfer
// baseline). `vehicles` is one fleet for every source, or a function source id → fleet.
const path = require("node:path")
require(path.join(__dirname, "../../node_modules/ts-node")).register({
  transpileOnly: true,
  swc: true,
  project: path.join(__dirname, "../../tsconfig.json"),
})
const { planRoutes } = require("../../src/lib/routing")

function routeTransfers(transfers, { vehicles, distance = { kind: "haversine", detourFactor: 1.3 }, options } = {}) {
  const bySource = new Map()
  for (const t of transfers) {
    const src = bySource.get(t.source.id) ?? { source: t.source, stops: new Map() }
    const stop = src.stops.get(t.destination.id) ?? {
      id: t.destination.id,
      location: { lat: t.destination.lat, lng: t.destination.lng },
      windows: t.destination.windows,
      units: 0,
      volume: 0,
      transfers: 0,
    }
    stop.units += t.units
    stop.volume += t.volume ?? 0
    stop.transfers++
    src.stops.set(t.destination.id, stop)
    bySource.set(t.source.id, src)
  }
  const depots = []
  const total = { transfers: transfers.length, stops: 0, runs: 0, km: 0, baselineKm: 0, unassigned: 0, ms: 0 }
  for (const [id, { source, stops }] of [...bySource].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const result = planRoutes({
      depot: { id, location: { lat: source.lat, lng: source.lng } },
      stops: [...stops.values()],
      vehicles: typeof vehicles === "function" ? vehicles(id) : vehicles,
      distance,
      options,
    })
    depots.push({ source: id, result })
    total.stops += result.totals.stops
    total.runs += result.totals.runs
    total.km += result.totals.km
    total.baselineKm += result.baseline.km
    total.unassigned += result.unassigned.length
    total.ms += result.stats.ms
  }
  total.savedKm = total.baselineKm - total.km
  total.savedPercent = total.baselineKm > 0 ? (100 * total.savedKm) / total.baselineKm : 0
  return { depots, total }
}

module.exports = { routeTransfers }
