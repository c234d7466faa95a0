import {
  allowedParents,
  buildTerritoryTree,
  childLevel,
  countShopsBySubtree,
  findNode,
  pathTo,
  subtreeIds,
} from "../territory-tree"
import type { Territory } from "../types"

const t = (id: string, level: Territory["level"], parent_id: string | null): Territory => ({
  id,
  code: id.toUpperCase(),
  name: id,
  level,
  parent_id,
})

const territories = [
  t("d-km-s", "district", "r-sw"),
  t("hq", "hq", null),
  t("r-sw", "region", "hq"),
  t("r-ec", "region", "hq"),
  t("d-km-n", "district", "r-sw"),
  t("d-sh", "district", "r-ec"),
]

describe("territory tree", () => {
  const roots = buildTerritoryTree(territories)

  it("nests HQ → region → district, siblings by code, with depths", () => {
    expect(roots.map((r) => r.id)).toEqual(["hq"])
    expect(roots[0].children.map((c) => c.id)).toEqual(["r-ec", "r-sw"])
    expect(findNode(roots, "r-sw")!.children.map((c) => [c.id, c.depth])).toEqual([
      ["d-km-n", 2],
      ["d-km-s", 2],
    ])
  })

  it("filters a subtree: a node and everything below it", () => {
    expect(subtreeIds(findNode(roots, "r-sw")!).sort()).toEqual(["d-km-n", "d-km-s", "r-sw"])
    expect(pathTo(territories, "d-km-s")).toEqual(["hq", "r-sw", "d-km-s"])
  })

  it("counts shops of a node with those of every node below it", () => {
    const counts = countShopsBySubtree(roots, [
      { territory_id: "d-km-s" },
      { territory_id: "d-km-s" },
      { territory_id: "d-sh" },
      { territory_id: "r-sw" },
      { territory_id: null },
    ])
    expect(counts.get("d-km-s")).toBe(2)
    expect(counts.get("r-sw")).toBe(3)
    expect(counts.get("hq")).toBe(4)
    expect(counts.get("d-km-n")).toBe(0)
  })

  it("offers only shallower parents outside the node's own subtree", () => {
    expect(allowedParents(roots, findNode(roots, "d-km-n")!).map((n) => n.id)).toEqual(["hq", "r-ec", "r-sw"])
    // A region may sit under HQ only; never under itself or a district.
    expect(allowedParents(roots, findNode(roots, "r-sw")!).map((n) => n.id)).toEqual(["hq"])
    expect(childLevel("hq")).toBe("region")
    expect(childLevel("region")).toBe("district")
    expect(childLevel("district")).toBeNull()
    expect(childLevel(null)).toBe("hq")
  })

  it("keeps a node whose parent is missing visible as a root", () => {
    const orphan = buildTerritoryTree([t("x", "district", "gone")])
    expect(orphan.map((r) => r.id)).toEqual(["x"])
  })
})
