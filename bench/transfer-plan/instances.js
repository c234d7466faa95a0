// Seeded transfer-planner instances for bench/transfer-plan (and its unit tests' larger cases).
//
// Shops are uniform over a simplified outline of China's populated east: the polygon runs
// along the Heihe–Tengchong (Hu) line, which splits the country's land about 57 : 43 but its
// people about 94 : 6, then down the coast. Not a survey line; a fair stand-in for where a
// national chain's shops stand. Costs: 1.5 handling per unit, 0.8 per km, detour 1.3, a unit
// left short costs 100,000 (issue 4 §3's example).
const path = require("node:path")
const { mulberry32 } = require(path.join(__dirname, "../../src/lib/random"))

// [lat, lng], clockwise from Tengchong
const POPULATED_CHINA = [
  [25.0, 98.5], [28.5, 102.0], [33.0, 104.5], [36.5, 108.0], [40.0, 112.0], [43.0, 117.5],
  [47.0, 123.0], [50.2, 127.5], [47.5, 131.0], [45.0, 131.5], [42.5, 130.5], [40.0, 124.5],
  [39.0, 121.5], [40.0, 119.5], [39.0, 117.8], [37.5, 119.0], [37.4, 122.4], [35.0, 119.5],
  [32.0, 121.8], [30.0, 122.0], [26.0, 119.5], [23.5, 116.5], [22.3, 113.5], [21.5, 110.5],
  [21.6, 108.0], [22.5, 106.5], [22.8, 103.5], [21.5, 101.5], [23.5, 98.8],
]

function inPolygon(lat, lng, ring) {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [a, b] = ring[i]
    const [c, d] = ring[j]
    if (a > lat !== c > lat && lng < ((d - b) * (lat - a)) / (c - a) + b) inside = !inside
  }
  return inside
}

const COST = { per_unit: 1.5, per_km: 0.8, detour_factor: 1.3, unmet_penalty: 100000 }

function randomShops(random, n, prefix = "S") {
  const shops = []
  while (shops.length < n) {
    const lat = 21 + random() * 30
    const lng = 98 + random() * 34
    if (inPolygon(lat, lng, POPULATED_CHINA)) {
      shops.push({ id: `${prefix}${shops.length + 1}`, lat: Math.round(lat * 1e5) / 1e5, lng: Math.round(lng * 1e5) / 1e5 })
    }
  }
  return shops
}

/** Splits `total` units over n lines in proportion to random weights in [1, 3). */
function spread(random, total, n) {
  const w = Array.from({ length: n }, () => 1 + 2 * random())
  const sum = w.reduce((a, b) => a + b, 0)
  const q = w.map((x) => Math.floor((x / sum) * total))
  let left = total - q.reduce((a, b) => a + b, 0)
  for (let k = 0; left > 0; k = (k + 1) % n, left--) q[k]++
  return q.map((x) => Math.max(1, x))
}

/**
 * (a) `shops` shops, `variants` variants, `lines` shortfall lines (distinct shop × variant).
 * Each shop holds surplus of each variant with probability `surplusShare` (1–6 units); the
 * shortfall of a variant is `tightness` × its total surplus, spread over its lines.
 */
function chainInstance({ seed, shops = 3000, variants = 20, lines = 200, surplusShare = 0.25, tightness = 0.8 }) {
  const random = mulberry32(seed)
  const list = randomShops(random, shops)
  const variantIds = Array.from({ length: variants }, (_, k) => `V${String(k + 1).padStart(2, "0")}`)
  // the short lines first, so a shop short of a variant holds no surplus of it
  const short = new Map()
  while (short.size < lines) {
    const key = `${Math.floor(random() * shops)}:${short.size < variants ? short.size : Math.floor(random() * variants)}`
    if (!short.has(key)) short.set(key, true)
  }
  const surplus = []
  const totals = new Array(variants).fill(0)
  for (let i = 0; i < shops; i++) {
    for (let v = 0; v < variants; v++) {
      if (random() >= surplusShare || short.has(`${i}:${v}`)) continue
      const q = 1 + Math.floor(random() * 6)
      surplus.push({ shop: list[i].id, variant: variantIds[v], quantity: q })
      totals[v] += q
    }
  }
  const byVariant = variantIds.map(() => [])
  for (const key of short.keys()) {
    const [i, v] = key.split(":").map(Number)
    byVariant[v].push(i)
  }
  const shortfall = []
  byVariant.forEach((shopsShort, v) => {
    if (!shopsShort.length) return
    const q = spread(random, Math.round(tightness * totals[v]), shopsShort.length)
    shopsShort.forEach((i, k) => shortfall.push({ shop: list[i].id, variant: variantIds[v], quantity: q[k] }))
  })
  return { cost: COST, shops: list, surplus, shortfall }
}

/**
 * (b) One variant short at `dests` shops, `sources` other shops holding 1–10 units each; the
 * shortfall is `tightness` × the total surplus.
 */
function oneVariantInstance({ seed, sources = 3000, dests = 200, tightness = 0.8 }) {
  const random = mulberry32(seed)
  const src = randomShops(random, sources, "S")
  const dst = randomShops(random, dests, "D")
  const surplus = src.map((s) => ({ shop: s.id, variant: "V1", quantity: 1 + Math.floor(random() * 10) }))
  const total = surplus.reduce((a, l) => a + l.quantity, 0)
  const q = spread(random, Math.round(tightness * total), dests)
  const shortfall = dst.map((s, k) => ({ shop: s.id, variant: "V1", quantity: q[k] }))
  return { cost: COST, shops: [...src, ...dst], surplus, shortfall }
}

module.exports = { chainInstance, oneVariantInstance, randomShops, POPULATED_CHINA, COST }
