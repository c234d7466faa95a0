// Reader for CVRPLIB instance (.vrp, TSPLIB format) and solution (.sol) files, EUC_2D only:
// the distance between two customers is their Euclidean distance rounded to the nearest
// integer (TSPLIB's nint), the convention every CVRPLIB best known solution is computed with.
const fs = require("node:fs")
const path = require("node:path")

const DATA = path.join(__dirname, "../data/cvrplib")

function readInstance(name) {
  const text = fs.readFileSync(path.join(DATA, `${name}.vrp`), "utf8")
  const lines = text.split(/\r?\n/)
  const header = {}
  const coords = new Map()
  const demand = new Map()
  let depot = 1
  let section = null
  for (const raw of lines) {
    const line = raw.trim()
    if (!line) continue
    const m = /^([A-Z_]+)\s*:\s*(.*)$/.exec(line)
    if (m && !/^\d/.test(line)) {
      header[m[1]] = m[2].trim().replace(/^"|"$/g, "")
      section = null
      continue
    }
    if (/^[A-Z_]+$/.test(line)) {
      section = line
      if (line === "EOF") break
      continue
    }
    const f = line.split(/\s+/).map(Number)
    if (section === "NODE_COORD_SECTION") coords.set(f[0], [f[1], f[2]])
    else if (section === "DEMAND_SECTION") demand.set(f[0], f[1])
    else if (section === "DEPOT_SECTION" && f[0] > 0) depot = f[0]
  }
  if ((header.EDGE_WEIGHT_TYPE ?? "").trim() !== "EUC_2D") throw new Error(`${name}: only EUC_2D is supported`)
  const ids = [...coords.keys()].sort((a, b) => a - b)
  // Matrix order: the depot first, then customers in file order.
  const order = [depot, ...ids.filter((i) => i !== depot)]
  const n = order.length
  const matrix = Array.from({ length: n }, (_, a) =>
    Array.from({ length: n }, (_, b) => {
      const [xa, ya] = coords.get(order[a])
      const [xb, yb] = coords.get(order[b])
      return Math.round(Math.hypot(xa - xb, ya - yb))
    })
  )
  return {
    name,
    capacity: Number(header.CAPACITY),
    distanceLimit: header.DISTANCE ? Number(header.DISTANCE) : undefined,
    order,
    matrix,
    customers: order.slice(1).map((id, k) => ({ id: String(id), index: k + 1, demand: demand.get(id) ?? 0 })),
  }
}

/** Routes and cost of a .sol file; customers are numbered 1… in the order after the depot. */
function readSolution(name) {
  const text = fs.readFileSync(path.join(DATA, `${name}.sol`), "utf8")
  const routes = []
  let cost = NaN
  for (const line of text.split(/\r?\n/)) {
    const r = /^Route\s*#\d+\s*:\s*(.*)$/i.exec(line.trim())
    if (r) routes.push(r[1].trim().split(/\s+/).filter(Boolean).map(Number))
    const c = /^Cost\s+([\d.]+)/i.exec(line.trim())
    if (c) cost = Number(c[1])
  }
  return { routes, cost }
}

/** Cost of routes given as lists of matrix indexes (depot = 0). */
function routesCost(matrix, routes) {
  let s = 0
  for (const r of routes) {
    let prev = 0
    for (const x of r) {
      s += matrix[prev][x]
      prev = x
    }
    s += matrix[prev][0]
  }
  return s
}

module.exports = { readInstance, readSolution, routesCost, DATA }
