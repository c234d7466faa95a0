import { avoidZoneAt, buildTerritories, CITIES, distanceKm, REGIONS } from ".."

describe("CITIES", () => {
  it("has at least 22 cities with unique codes and names", () => {
    expect(CITIES.length).toBeGreaterThanOrEqual(22)
    expect(new Set(CITIES.map((c) => c.code)).size).toBe(CITIES.length)
    expect(new Set(CITIES.map((c) => c.name)).size).toBe(CITIES.length)
  })

  it("puts every centre inside China, with a real-looking area code and a province", () => {
    for (const c of CITIES) {
      expect(c.lat).toBeGreaterThan(18)
      expect(c.lat).toBeLessThan(54)
      expect(c.lng).toBeGreaterThan(73)
      expect(c.lng).toBeLessThan(135)
      expect(c.area_code).toMatch(/^0\d{2,3}$/)
      expect(c.province).toMatch(/(省|市|自治区)$/)
      expect(c.radius_km).toBeGreaterThanOrEqual(3)
      expect(c.radius_km).toBeLessThanOrEqual(15)
      expect(c.code).toMatch(/^[A-Z]{2,4}$/)
    }
  })

  it("knows a few facts exactly", () => {
    const km = CITIES.find((c) => c.code === "KM")!
    expect(km).toMatchObject({ name: "昆明", name_en: "Kunming", province: "云南省", area_code: "0871", region_code: "R-SW" })
    expect(km.districts).toEqual(expect.arrayContaining(["五华区", "盘龙区", "官渡区", "西山区"]))
    expect(CITIES.find((c) => c.code === "BJ")!.area_code).toBe("010")
    expect(CITIES.find((c) => c.code === "SZ")!.area_code).toBe("0755")
    // Kunming's centre is ~2,090 km from Beijing's.
    const d = distanceKm(km, CITIES.find((c) => c.code === "BJ")!)
    expect(d).toBeGreaterThan(2050)
    expect(d).toBeLessThan(2130)
  })

  it("keeps each centre and each district point out of water, and districts near their city", () => {
    for (const c of CITIES) {
      expect(avoidZoneAt(c.lat, c.lng, c.avoid)).toBeUndefined()
      expect(c.districts).toEqual(c.areas.map((a) => a.name))
      expect(c.areas.length).toBeGreaterThanOrEqual(1)
      for (const a of c.areas) {
        expect(a.name).toMatch(/区$/)
        expect(a.roads.length).toBeGreaterThanOrEqual(2)
        expect(avoidZoneAt(a.lat, a.lng, c.avoid)).toBeUndefined()
        // A district's middle lies within the urban radius, or just beyond it.
        expect(distanceKm(a, c)).toBeLessThan(c.radius_km * 1.4)
      }
      const roads = c.areas.flatMap((a) => a.roads.map((r) => r.zh))
      expect(new Set(roads).size).toBe(roads.length)
    }
  })

  it("splits a big city's districts between its two territories exactly once", () => {
    for (const c of CITIES.filter((c) => c.territories)) {
      expect(c.territories).toHaveLength(2)
      const covered = c.territories!.flatMap((t) => t.areas).sort()
      expect(covered).toEqual([...c.districts].sort())
    }
  })

  it("places every city in a region and every region's DC city in that region", () => {
    const regionCodes = new Set(REGIONS.map((r) => r.code))
    for (const c of CITIES) expect(regionCodes.has(c.region_code)).toBe(true)
    for (const r of REGIONS) {
      expect(CITIES.find((c) => c.code === r.main_city)?.region_code).toBe(r.code)
    }
    expect(buildTerritories().length).toBeGreaterThan(CITIES.length)
  })
})
