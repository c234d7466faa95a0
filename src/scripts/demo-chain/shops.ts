/**
 * Generates the chain's shops and warehouses from the facts in cities.ts: where each one
 * stands, what it is called, its size, staff, hours, closures and phone number.
 *
 * Each city draws from its own random stream (derived from the seed and the city code), so
 * a city's shops do not change when another city's count does.
 */
import type { Closure, OpeningHours, TimeInterval, Weekday } from "../../lib/opening-hours"
import { CITIES, FORWARD_WAREHOUSES, REGIONS, TIME_ZONE, cityByCode, type City, type CityArea, type Road } from "./cities"
import { avoidZoneAt, distanceKm, offsetKm } from "./geo"
import { createRng, DEFAULT_SEED, deriveSeed, type Rng } from "./rng"
import { districtCodeFor } from "./territories"

export type ShopKind = "flagship" | "standard" | "mini" | "warehouse"
export type ShopStatus = "open" | "planned" | "closed"
export type ChainSize = "small" | "full"

export interface DemoShop {
  /** City initials and a number: KM-001; warehouses are numbered from 901. */
  code: string
  name: string
  name_en: string
  kind: ShopKind
  status: ShopStatus
  latitude: number
  longitude: number
  /** Street address below the city: 五华区南屏街88号. */
  address: string
  /** City name in Chinese: 昆明. */
  city: string
  /** Province in Chinese: 云南省. */
  province: string
  /** Code of the district territory (D-KM-N): a node of buildTerritories(). */
  district_code: string
  floor_area_m2: number
  staff_count: number
  opening_hours: OpeningHours
  closures: Closure[]
  timezone: string
  /** Landline with the city's area code: 0871-63125678. */
  phone: string
  /** Code of the city in CITIES. */
  city_code: string
  /** Code of the region territory (R-SW). */
  region_code: string
}

/** 春节 2027 (the Year of the Goat begins on 6 February 2027). */
export const SPRING_FESTIVAL_2027 = ["2027-02-06", "2027-02-07", "2027-02-08"] as const
const RENOVATION_DAYS = ["2026-11-17", "2026-11-18"] as const
const STOCKTAKE_DAY = "2026-12-31"

/** Retail shops per city in the "small" chain (CI end-to-end runs), plus each region's DC. */
const SMALL_PLAN: Record<string, number> = { KM: 8, CD: 4, SH: 5, GZ: 4 }

const FLOOR_AREA: Record<ShopKind, [number, number, number]> = {
  // [min, max, rounded to]
  flagship: [600, 1500, 10],
  standard: [150, 400, 5],
  mini: [40, 120, 1],
  warehouse: [3000, 12000, 100],
}

type Location = "mall" | "street" | "warehouse"
type HoursProfile = "mall" | "mall-late-weekend" | "street-flagship" | "street" | "street-late-weekend" | "mini-24h" | "mini-late" | "mini" | "warehouse" | "forward-warehouse"

interface Draft {
  city: City
  kind: ShopKind
  location: Location
  hours: HoursProfile
  status: ShopStatus
  springFestival: boolean
  renovation: boolean
  /** For warehouses: the region it serves and whether it is the regional DC. */
  warehouse?: { name: string; name_en: string; timezone: string; stocktake: boolean }
  flagshipRoad?: string
}

// ---------------------------------------------------------------------------------------------
// Public API

export function buildShops(opts: { size: ChainSize; seed?: number }): DemoShop[] {
  const seed = opts.seed ?? DEFAULT_SEED
  if (opts.size === "small") {
    const cities = Object.keys(SMALL_PLAN).map(cityByCode)
    return generate(
      cities.map((c) => ({ city: c, retail: SMALL_PLAN[c.code] })),
      warehousesFor(cities, false),
      seed
    )
  }
  if (opts.size !== "full") throw new Error(`size must be "small" or "full", got ${String(opts.size)}`)
  return generate(
    CITIES.map((c) => ({ city: c, retail: c.full_shops })),
    warehousesFor(CITIES, true),
    seed
  )
}

/**
 * A chain of `count` shops and warehouses over all cities, in proportion to each city's
 * share of the full chain (for the benchmark-scale seed). Same shape as buildShops.
 */
export function buildScaleShops(count: number, seed: number = DEFAULT_SEED): DemoShop[] {
  if (!Number.isInteger(count) || count < 1) throw new Error(`count must be a positive integer, got ${count}`)
  const warehouses = warehousesFor(CITIES, true).slice(0, count)
  const retail = apportion(
    count - warehouses.length,
    CITIES.map((c) => c.full_shops)
  )
  return generate(
    CITIES.map((c, i) => ({ city: c, retail: retail[i] })),
    warehouses,
    seed
  )
}

// ---------------------------------------------------------------------------------------------
// Planning

interface WarehousePlan {
  city: City
  name: string
  name_en: string
  timezone: string
  forward: boolean
}

function warehousesFor(cities: readonly City[], withForward: boolean): WarehousePlan[] {
  const present = new Set(cities.map((c) => c.code))
  const out: WarehousePlan[] = []
  for (const region of REGIONS) {
    if (!present.has(region.main_city)) continue
    const city = cityByCode(region.main_city)
    out.push({
      city,
      name: `${region.name}${city.name}配送中心`,
      name_en: `${city.name_en} Distribution Centre (${region.name_en})`,
      timezone: TIME_ZONE,
      forward: false,
    })
  }
  if (withForward) {
    for (const f of FORWARD_WAREHOUSES) {
      if (!present.has(f.city)) continue
      out.push({ city: cityByCode(f.city), name: f.name, name_en: f.name_en, timezone: f.timezone, forward: true })
    }
  }
  return out
}

/** Largest-remainder split of `total` in proportion to `weights`. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  const exact = weights.map((w) => (total * w) / sum)
  const out = exact.map(Math.floor)
  let left = total - out.reduce((a, b) => a + b, 0)
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1])
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]]++
  return out
}

function flagshipCount(city: City, n: number): number {
  let base: number
  if (city.code === "KM") base = n >= 20 ? 3 : n >= 8 ? 2 : 1
  else if (city.tier === 1) base = n >= 12 ? 2 : 1
  else if (city.tier === 2) base = n >= 6 ? 1 : 0
  else base = 0
  // Large (benchmark-scale) chains: about one shop in twenty is a flagship.
  return Math.min(n, Math.max(base, Math.round(n * 0.05)))
}

const MINI_SHARE: Record<City["tier"], number> = { 1: 0.42, 2: 0.38, 3: 0.35 }

function draftCity(city: City, retail: number, rng: Rng): Draft[] {
  const flagships = flagshipCount(city, retail)
  const minis = Math.round((retail - flagships) * MINI_SHARE[city.tier])
  const standards = retail - flagships - minis
  const rest = rng.shuffle([...Array<ShopKind>(standards).fill("standard"), ...Array<ShopKind>(minis).fill("mini")])
  const kinds: ShopKind[] = [...Array<ShopKind>(flagships).fill("flagship"), ...rest]

  return kinds.map((kind, i) => {
    const d: Draft = { city, kind, location: "street", hours: "street", status: "open", springFestival: false, renovation: false }
    if (kind === "flagship") {
      d.flagshipRoad = i === 0 ? city.flagship_road : undefined
      d.location = d.flagshipRoad ? "street" : rng.chance(0.55) ? "mall" : "street"
    } else if (kind === "standard") {
      d.location = rng.chance(0.5) ? "mall" : "street"
    }

    if (d.location === "mall") d.hours = rng.chance(0.35) ? "mall-late-weekend" : "mall"
    else if (kind === "flagship") d.hours = "street-flagship"
    else if (kind === "standard") d.hours = rng.chance(0.3) ? "street-late-weekend" : "street"
    else d.hours = rng.weighted([["mini-24h", 0.18], ["mini-late", 0.22], ["mini", 0.6]] as const)

    if (kind !== "flagship" && i > 0) {
      d.status = rng.weighted([["open", 0.935], ["planned", 0.04], ["closed", 0.025]] as const)
    }
    // Street shops often close over the Spring Festival; malls, flagships and 24-hour minis stay open.
    d.springFestival =
      d.status === "open" && d.location === "street" && kind !== "flagship" && d.hours !== "mini-24h" && rng.chance(0.4)
    d.renovation = d.status === "open" && rng.chance(0.03)
    return d
  })
}

/** Makes sure even a small chain shows every case a merchant should see once. */
function ensureVariety(drafts: Draft[]): void {
  const retail = drafts.filter((d) => d.kind !== "warehouse")
  const minis = retail.filter((d) => d.kind === "mini")
  const need = <T>(has: boolean, candidates: T[], fix: (d: T) => void) => {
    if (!has && candidates.length > 0) fix(candidates[candidates.length - 1])
  }
  need(minis.some((d) => d.hours === "mini-24h"), minis.filter((d) => d.status === "open"), (d) => {
    d.hours = "mini-24h"
    d.springFestival = false
  })
  need(minis.some((d) => d.hours === "mini-late"), minis.filter((d) => d.status === "open" && d.hours === "mini"), (d) => (d.hours = "mini-late"))
  const plain = () => retail.filter((d) => d.kind !== "flagship" && d.status === "open" && d.hours !== "mini-24h" && !d.flagshipRoad)
  need(retail.some((d) => d.status === "planned"), plain().filter((d) => d.kind === "standard"), (d) => {
    d.status = "planned"
    d.springFestival = d.renovation = false
  })
  need(retail.some((d) => d.status === "closed"), plain().filter((d) => d.kind === "mini"), (d) => {
    d.status = "closed"
    d.springFestival = d.renovation = false
  })
  need(retail.some((d) => d.springFestival), plain().filter((d) => d.location === "street"), (d) => (d.springFestival = true))
}

// ---------------------------------------------------------------------------------------------
// Generation

interface CityPlan {
  city: City
  retail: number
}

function generate(plans: CityPlan[], warehouses: WarehousePlan[], seed: number): DemoShop[] {
  const perCity = new Map<string, { rng: Rng; drafts: Draft[] }>()
  for (const { city, retail } of plans) {
    const rng = createRng(deriveSeed(seed, `city:${city.code}`))
    perCity.set(city.code, { rng, drafts: draftCity(city, retail, rng) })
  }
  for (const w of warehouses) {
    const entry = perCity.get(w.city.code)
    if (!entry) throw new Error(`warehouse city ${w.city.code} has no plan`)
    entry.drafts.push({
      city: w.city,
      kind: "warehouse",
      location: "warehouse",
      hours: w.forward ? "forward-warehouse" : "warehouse",
      status: "open",
      springFestival: true,
      renovation: false,
      warehouse: { name: w.name, name_en: w.name_en, timezone: w.timezone, stocktake: !w.forward },
    })
  }
  ensureVariety([...perCity.values()].flatMap((e) => e.drafts))

  const phones = new Set<string>()
  const out: DemoShop[] = []
  for (const { city } of plans) {
    const { rng, drafts } = perCity.get(city.code)!
    const names = new Map<string, number>()
    const usedRoads = new Set<string>()
    const retailCount = drafts.filter((d) => d.kind !== "warehouse").length
    let retailNo = 0
    let warehouseNo = retailCount < 900 ? 900 : retailCount
    for (const d of drafts) {
      const number = d.kind === "warehouse" ? ++warehouseNo : ++retailNo
      out.push(render(d, `${city.code}-${String(number).padStart(3, "0")}`, rng, names, usedRoads, phones))
    }
  }
  return out
}

function render(d: Draft, code: string, rng: Rng, names: Map<string, number>, usedRoads: Set<string>, phones: Set<string>): DemoShop {
  const city = d.city
  const { lat, lng, area } = place(d, rng)
  const road = chooseRoad(d, area, rng, usedRoads)

  let name: string
  let name_en: string
  if (d.warehouse) {
    name = d.warehouse.name
    name_en = d.warehouse.name_en
  } else {
    const word = { flagship: ["旗舰", " Flagship"], standard: ["", " Store"], mini: ["迷你", " Mini"] }[d.kind as Exclude<ShopKind, "warehouse">]
    const key = `${road.zh}${word[0]}`
    const n = (names.get(key) ?? 0) + 1
    names.set(key, n)
    name = `${city.name}${road.zh}${word[0]}${n > 1 ? chineseNumber(n) : ""}店`
    name_en = `${city.name_en} ${road.en}${word[1]}${n > 1 ? ` No. ${n}` : ""}`
  }

  const [minArea, maxArea, step] = FLOOR_AREA[d.kind]
  const floor_area_m2 = Math.round(rng.int(minArea, maxArea) / step) * step

  return {
    code,
    name,
    name_en,
    kind: d.kind,
    status: d.status,
    latitude: round6(lat),
    longitude: round6(lng),
    address: address(d, area, road, rng),
    city: city.name,
    province: city.province,
    district_code: districtCodeFor(city, area.name),
    floor_area_m2,
    staff_count: d.status === "closed" ? 0 : staffCount(d.kind, floor_area_m2, rng),
    opening_hours: openingHours(d.hours, d.hours.endsWith("warehouse") ? 0 : city.hours_offset_min ?? 0),
    closures: closures(d),
    timezone: d.warehouse?.timezone ?? TIME_ZONE,
    phone: phone(city, rng, phones),
    city_code: city.code,
    region_code: city.region_code,
  }
}

// ---------------------------------------------------------------------------------------------
// Where a shop stands

/** The city's district whose point is nearest. */
export function nearestArea(city: City, lat: number, lng: number): CityArea {
  let best = city.areas[0]
  let bestD = Infinity
  for (const a of city.areas) {
    const d = distanceKm({ lat, lng }, a)
    if (d < bestD) {
      bestD = d
      best = a
    }
  }
  return best
}

/** Why a point is not a valid shop location in the city, or null if it is. */
export function placementProblem(city: City, lat: number, lng: number): string | null {
  if (distanceKm({ lat, lng }, city) > city.radius_km) return `more than ${city.radius_km} km from the centre of ${city.name}`
  const zone = avoidZoneAt(lat, lng, city.avoid)
  return zone ? `in ${zone.label}` : null
}

function place(d: Draft, rng: Rng): { lat: number; lng: number; area: CityArea } {
  const city = d.city
  const R = city.radius_km * 0.99
  const flagshipArea = d.flagshipRoad ? city.areas.find((a) => a.roads.some((r) => r.zh === d.flagshipRoad)) : undefined
  for (let attempt = 0; attempt < 1000; attempt++) {
    let lat: number
    let lng: number
    if (flagshipArea) {
      // On the famous street: close to the middle of its district.
      const r = 1.2 * Math.sqrt(rng.next())
      const a = rng.float(0, 2 * Math.PI)
      ;({ lat, lng } = offsetKm(flagshipArea.lat, flagshipArea.lng, r * Math.cos(a), r * Math.sin(a)))
    } else {
      // Flagships near the centre, warehouses at the edge (logistics parks), others spread
      // with more shops towards the centre than a uniform disc would put there.
      const u = rng.next()
      const r =
        d.kind === "flagship" ? R * 0.45 * Math.sqrt(u)
        : d.kind === "warehouse" ? R * (0.6 + 0.35 * u)
        : d.kind === "mini" ? R * Math.pow(u, 0.6)
        : R * Math.pow(u, 0.7)
      const a = rng.float(0, 2 * Math.PI)
      ;({ lat, lng } = offsetKm(city.lat, city.lng, r * Math.cos(a), r * Math.sin(a)))
    }
    if (placementProblem(city, lat, lng)) continue
    const area = nearestArea(city, lat, lng)
    if (flagshipArea && area !== flagshipArea) continue
    return { lat, lng, area }
  }
  throw new Error(`${city.name}: found no place for a ${d.kind} shop; check radius_km and the keep-out zones`)
}

function chooseRoad(d: Draft, area: CityArea, rng: Rng, usedRoads: Set<string>): Road {
  let road: Road | undefined
  if (d.flagshipRoad) road = area.roads.find((r) => r.zh === d.flagshipRoad)
  if (!road && d.kind !== "warehouse") {
    const fresh = area.roads.filter((r) => !usedRoads.has(r.zh))
    if (fresh.length > 0) road = rng.pick(fresh)
  }
  road ??= rng.pick(area.roads)
  if (d.kind !== "warehouse") usedRoads.add(road.zh)
  return road
}

function address(d: Draft, area: CityArea, road: Road, rng: Rng): string {
  const street = `${area.name}${road.zh}`
  if (d.location === "warehouse") return `${street}${rng.int(1000, 3999)}号物流园${rng.int(1, 8)}号库`
  const no = rng.int(1, 520)
  if (d.location === "street") return `${street}${no}号`
  const floor = rng.weighted([["B1", 0.2], ["1", 0.4], ["2", 0.25], ["3", 0.15]] as const)
  const unit = `${floor === "B1" ? "B1" : `L${floor}`}-${String(rng.int(1, 48)).padStart(2, "0")}`
  return `${street}${no}号${floor === "B1" ? "负一层" : `${floor}层`}${unit}号铺`
}

// ---------------------------------------------------------------------------------------------
// Size, staff, hours, closures, phone

function staffCount(kind: ShopKind, area: number, rng: Rng): number {
  switch (kind) {
    case "flagship":
      return Math.round(area / 28) + rng.int(-3, 3)
    case "standard":
      return Math.round(area / 30) + rng.int(1, 3)
    case "mini":
      return 2 + Math.round(area / 40) + rng.int(0, 1)
    case "warehouse":
      return Math.round(area / 110) + rng.int(-4, 6)
  }
}

const ALL_DAYS: Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

function week(normal: [string, string], overrides: Partial<Record<Weekday, [string, string] | null>> = {}): Record<Weekday, [string, string] | null> {
  const out = {} as Record<Weekday, [string, string] | null>
  for (const day of ALL_DAYS) out[day] = day in overrides ? overrides[day]! : normal
  return out
}

const HOURS: Record<HoursProfile, Record<Weekday, [string, string] | null>> = {
  mall: week(["10:00", "22:00"]),
  "mall-late-weekend": week(["10:00", "22:00"], { fri: ["10:00", "22:30"], sat: ["10:00", "22:30"] }),
  "street-flagship": week(["09:30", "22:00"]),
  street: week(["09:00", "21:30"]),
  "street-late-weekend": week(["09:00", "21:30"], { fri: ["09:00", "22:00"], sat: ["09:00", "22:00"], sun: ["09:00", "22:00"] }),
  "mini-24h": week(["00:00", "24:00"]),
  // Open past midnight on Friday and Saturday nights.
  "mini-late": week(["08:00", "24:00"], { fri: ["08:00", "02:00"], sat: ["08:00", "02:00"] }),
  mini: week(["07:30", "22:30"]),
  warehouse: week(["06:00", "18:00"], { sun: null }),
  // Local (Asia/Urumqi) time.
  "forward-warehouse": week(["08:00", "20:00"], { sun: null }),
}

function shiftTime(t: string, minutes: number, isClose: boolean): string {
  const [h, m] = t.split(":").map(Number)
  let total = (h * 60 + m + minutes) % 1440
  if (total === 0 && isClose) total = 1440
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`
}

function openingHours(profile: HoursProfile, offsetMin: number): OpeningHours {
  const out: OpeningHours = {}
  for (const day of ALL_DAYS) {
    const span = HOURS[profile][day]
    if (!span) continue
    const interval: TimeInterval =
      profile === "mini-24h" || offsetMin === 0
        ? { open: span[0], close: span[1] }
        : { open: shiftTime(span[0], offsetMin, false), close: shiftTime(span[1], offsetMin, true) }
    out[day] = [interval]
  }
  return out
}

function closures(d: Draft): Closure[] {
  const out: Closure[] = []
  if (d.warehouse?.stocktake) out.push({ date: STOCKTAKE_DAY, reason: "年终盘点" })
  if (d.renovation) out.push(...RENOVATION_DAYS.map((date) => ({ date, reason: "店面翻新" })))
  if (d.springFestival) out.push(...SPRING_FESTIVAL_2027.map((date) => ({ date, reason: "春节" })))
  return out.sort((a, b) => a.date.localeCompare(b.date))
}

function phone(city: City, rng: Rng, taken: Set<string>): string {
  for (;;) {
    const first = city.phone_digits === 8 ? rng.pick(["5", "6", "8"]) : rng.pick(["2", "3", "5", "6"])
    let rest = ""
    for (let i = 1; i < city.phone_digits; i++) rest += String(rng.int(0, 9))
    const p = `${city.area_code}-${first}${rest}`
    if (!taken.has(p)) {
      taken.add(p)
      return p
    }
  }
}

// ---------------------------------------------------------------------------------------------

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

/** 2 → 二, 10 → 十, 14 → 十四, 23 → 二十三, 105 → 一百零五 (for 二店, 十四店 …). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n)
  if (n < 10) return DIGITS[n]
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ""}`
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ""}`
  const units: Array<[number, string]> = [[1000, "千"], [100, "百"], [10, "十"], [1, ""]]
  let out = ""
  let zero = false
  for (const [u, word] of units) {
    const digit = Math.floor(n / u) % 10
    if (digit === 0) {
      if (out) zero = true
      continue
    }
    if (zero) out += "零"
    zero = false
    out += DIGITS[digit] + word
  }
  return out
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6
}
