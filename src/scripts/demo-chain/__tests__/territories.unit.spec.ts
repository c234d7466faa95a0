import { buildTerritories, CITIES } from ".."

describe("buildTerritories", () => {
  const tree = buildTerritories()
  const byCode = new Map(tree.map((t) => [t.code, t]))

  it("has unique codes and a single HQ root in Kunming", () => {
    expect(byCode.size).toBe(tree.length)
    const roots = tree.filter((t) => t.parent_code === null)
    expect(roots).toHaveLength(1)
    expect(roots[0]).toMatchObject({ code: "HQ", level: "hq" })
    expect(roots[0].name).toContain("昆明")
  })

  it("is HQ → at least 5 regions → districts, each parent one level up", () => {
    const regions = tree.filter((t) => t.level === "region")
    expect(regions.length).toBeGreaterThanOrEqual(5)
    expect(regions.map((r) => r.name)).toEqual(expect.arrayContaining(["西南大区", "华东大区", "华南大区", "华北大区", "华中大区", "西北大区"]))
    for (const r of regions) expect(r.parent_code).toBe("HQ")
    for (const d of tree.filter((t) => t.level === "district")) {
      expect(byCode.get(d.parent_code!)?.level).toBe("region")
    }
    for (const r of regions) expect(tree.some((d) => d.parent_code === r.code)).toBe(true)
  })

  it("gives every city one district, or two for a big city", () => {
    const districts = tree.filter((t) => t.level === "district")
    for (const c of CITIES) {
      const own = districts.filter((d) => d.code === `D-${c.code}` || d.code.startsWith(`D-${c.code}-`))
      expect(own).toHaveLength(c.territories ? 2 : 1)
      for (const d of own) expect(d.parent_code).toBe(c.region_code)
    }
    expect(districts.map((d) => d.name)).toEqual(expect.arrayContaining(["上海浦西片区", "上海浦东片区", "曲靖片区"]))
  })
})
