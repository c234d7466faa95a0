import { validateClosures, validateOpeningHours } from "../../../lib/opening-hours"
import {
  avoidZoneAt,
  buildScaleShops,
  buildShops,
  buildTerritories,
  chineseNumber,
  CITY_BY_CODE,
  distanceKm,
  nearestArea,
  REGIONS,
  type DemoShop,
} from ".."

const full = buildShops({ size: "full" })
const small = buildShops({ size: "small" })
const scale = buildScaleShops(3000, 7)
const territories = new Map(buildTerritories().map((t) => [t.code, t]))

const count = <T>(xs: T[], f: (x: T) => boolean) => xs.filter(f).length

function expectWellFormed(shops: DemoShop[]) {
  expect(new Set(shops.map((s) => s.code)).size).toBe(shops.length)
  expect(new Set(shops.map((s) => s.phone)).size).toBe(shops.length)
  const namesPerCity = new Set(shops.map((s) => `${s.city}|${s.name}`))
  expect(namesPerCity.size).toBe(shops.length)
  for (const s of shops) {
    const city = CITY_BY_CODE.get(s.city_code)!
    expect(city).toBeDefined()
    expect(s.code).toMatch(new RegExp(`^${s.city_code}-\\d{3,}$`))
    expect(s.city).toBe(city.name)
    expect(s.province).toBe(city.province)
    expect(s.region_code).toBe(city.region_code)

    // Inside the urban area, out of lakes, sea, rivers and Hong Kong.
    expect(distanceKm({ lat: s.latitude, lng: s.longitude }, city)).toBeLessThanOrEqual(city.radius_km)
    expect(avoidZoneAt(s.latitude, s.longitude, city.avoid)).toBeUndefined()

    // The address district is the one the coordinates are nearest to, and its territory is a district node.
    const area = nearestArea(city, s.latitude, s.longitude)
    expect(s.address.startsWith(area.name)).toBe(true)
    expect(area.roads.some((r) => s.address.startsWith(`${area.name}${r.zh}`))).toBe(true)
    const territory = territories.get(s.district_code)
    expect(territory?.level).toBe("district")
    expect(territory?.parent_code).toBe(city.region_code)
    expect(territories.get(territory!.parent_code!)?.parent_code).toBe("HQ")

    expect(s.phone).toMatch(new RegExp(`^${city.area_code}-[2-9]\\d{${city.phone_digits - 1}}$`))
    expect(validateOpeningHours(s.opening_hours).ok).toBe(true)
    expect(validateClosures(s.closures).ok).toBe(true)
  }
}

describe("buildShops full", () => {
  it("has at least 200 shops in at least 20 cities", () => {
    expect(full.length).toBeGreaterThanOrEqual(200)
    expect(new Set(full.map((s) => s.city)).size).toBeGreaterThanOrEqual(20)
  })

  it("is well formed: unique codes, coordinates within each city's radius, districts in the tree", () => {
    expectWellFormed(full)
  })

  it("has one distribution centre per region at the region's main city, open 06:00–18:00 Monday to Saturday", () => {
    for (const region of REGIONS) {
      const dcs = full.filter((s) => s.kind === "warehouse" && s.region_code === region.code && s.timezone === "Asia/Shanghai")
      expect(dcs).toHaveLength(1)
      expect(dcs[0].city_code).toBe(region.main_city)
      expect(dcs[0].name).toContain("配送中心")
      expect(dcs[0].opening_hours.mon).toEqual([{ open: "06:00", close: "18:00" }])
      expect(dcs[0].opening_hours.sat).toEqual([{ open: "06:00", close: "18:00" }])
      expect(dcs[0].opening_hours.sun).toBeUndefined()
    }
  })

  it("keeps floor area and staff within each kind's range", () => {
    const area = { flagship: [600, 1500], standard: [150, 400], mini: [40, 120], warehouse: [3000, 12000] } as const
    for (const s of full) {
      expect(s.floor_area_m2).toBeGreaterThanOrEqual(area[s.kind][0])
      expect(s.floor_area_m2).toBeLessThanOrEqual(area[s.kind][1])
      if (s.status !== "closed") expect(s.staff_count).toBeGreaterThan(0)
    }
    const avgStaff = (kind: DemoShop["kind"]) => {
      const xs = full.filter((s) => s.kind === kind && s.status === "open")
      return xs.reduce((a, s) => a + s.staff_count, 0) / xs.length
    }
    expect(avgStaff("warehouse")).toBeGreaterThan(avgStaff("flagship"))
    expect(avgStaff("flagship")).toBeGreaterThan(avgStaff("standard"))
    expect(avgStaff("standard")).toBeGreaterThan(avgStaff("mini"))
  })

  it("mixes kinds and statuses as a real chain does", () => {
    const retail = full.filter((s) => s.kind !== "warehouse")
    expect(count(retail, (s) => s.kind === "flagship") / retail.length).toBeLessThan(0.15)
    expect(count(retail, (s) => s.kind === "mini")).toBeGreaterThan(0.25 * retail.length)
    expect(count(full, (s) => s.status === "open") / full.length).toBeGreaterThan(0.9)
    expect(count(full, (s) => s.status === "planned")).toBeGreaterThan(0)
    expect(count(full, (s) => s.status === "closed")).toBeGreaterThan(0)
    expect(full.find((s) => s.code === "KM-001")).toMatchObject({ name: "昆明南屏街旗舰店", name_en: "Kunming Nanping Street Flagship", kind: "flagship", status: "open" })
  })

  it("has realistic hours: mall 10:00–22:00, street 09:00–21:30, 24-hour and past-midnight minis", () => {
    const mon = (s: DemoShop) => JSON.stringify(s.opening_hours.mon)
    expect(full.some((s) => mon(s) === JSON.stringify([{ open: "10:00", close: "22:00" }]))).toBe(true)
    expect(full.some((s) => mon(s) === JSON.stringify([{ open: "09:00", close: "21:30" }]))).toBe(true)
    const allDay = full.filter((s) => s.kind === "mini" && mon(s) === JSON.stringify([{ open: "00:00", close: "24:00" }]))
    expect(allDay.length).toBeGreaterThan(0)
    const overnight = full.filter((s) => s.opening_hours.sat?.[0].close === "02:00")
    expect(overnight.length).toBeGreaterThan(0)
    for (const s of overnight) expect(s.opening_hours.fri?.[0].close).toBe("02:00")
  })

  it("closes some street shops over 春节 2027, never a 24-hour mini", () => {
    const festive = full.filter((s) => s.closures.some((c) => c.reason === "春节"))
    expect(festive.length).toBeGreaterThan(10)
    for (const s of festive) {
      expect(s.closures.filter((c) => c.reason === "春节").map((c) => c.date)).toEqual(["2027-02-06", "2027-02-07", "2027-02-08"])
      expect(s.opening_hours.mon?.[0]).not.toEqual({ open: "00:00", close: "24:00" })
    }
  })

  it("uses Asia/Shanghai everywhere except Urumqi's forward warehouse", () => {
    const other = full.filter((s) => s.timezone !== "Asia/Shanghai")
    expect(other).toHaveLength(1)
    expect(other[0]).toMatchObject({ timezone: "Asia/Urumqi", kind: "warehouse", city: "乌鲁木齐" })
    // Urumqi's shops keep Beijing time with later hours.
    expect(full.some((s) => s.city_code === "WLMQ" && s.kind !== "warehouse" && s.timezone === "Asia/Shanghai")).toBe(true)
  })

  it("is deterministic for a seed and differs for another seed", () => {
    expect(buildShops({ size: "full" })).toEqual(full)
    const other = buildShops({ size: "full", seed: 2 })
    expect(other.map((s) => s.code)).toEqual(full.map((s) => s.code))
    expect(other.map((s) => s.latitude)).not.toEqual(full.map((s) => s.latitude))
  })
})

describe("buildShops small", () => {
  it("has about 24 shops in 4 cities, well formed, with every case once", () => {
    expect(small.length).toBeGreaterThanOrEqual(20)
    expect(small.length).toBeLessThanOrEqual(28)
    expect(new Set(small.map((s) => s.city)).size).toBe(4)
    expectWellFormed(small)
    for (const kind of ["flagship", "standard", "mini", "warehouse"]) expect(small.some((s) => s.kind === kind)).toBe(true)
    for (const status of ["open", "planned", "closed"]) expect(small.some((s) => s.status === status)).toBe(true)
    expect(small.some((s) => s.opening_hours.mon?.[0].close === "24:00" && s.opening_hours.mon?.[0].open === "00:00")).toBe(true)
    expect(small.some((s) => s.opening_hours.sat?.[0].close === "02:00")).toBe(true)
    expect(small.some((s) => s.closures.some((c) => c.reason === "春节"))).toBe(true)
    expect(buildShops({ size: "small" })).toEqual(small)
  })
})

describe("buildScaleShops", () => {
  it("builds exactly the requested count, well formed, over every city", () => {
    expect(scale).toHaveLength(3000)
    expectWellFormed(scale)
    expect(new Set(scale.map((s) => s.city_code)).size).toBe(CITY_BY_CODE.size)
    expect(count(scale, (s) => s.kind === "warehouse")).toBe(REGIONS.length + 1)
  })

  it("handles tiny counts", () => {
    expect(buildScaleShops(1)).toHaveLength(1)
    expect(buildScaleShops(50)).toHaveLength(50)
    expect(() => buildScaleShops(0)).toThrow()
  })
})

describe("chineseNumber", () => {
  it("writes shop ordinals the Chinese way", () => {
    expect([2, 10, 14, 20, 23, 100, 105, 110, 1001].map(chineseNumber)).toEqual(["二", "十", "十四", "二十", "二十三", "一百", "一百零五", "一百一十", "一千零一"])
  })
})
