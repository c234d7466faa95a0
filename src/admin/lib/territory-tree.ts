import type { Territory, TerritoryLevel } from "./types"

export type TerritoryNode = Territory & { children: TerritoryNode[]; depth: number }

export const LEVEL_DEPTH: Record<TerritoryLevel, number> = { hq: 0, region: 1, district: 2 }

/** HQ → region → district, siblings by code; a node whose parent is missing becomes a root. */
export const buildTerritoryTree = (territories: Territory[]): TerritoryNode[] => {
  const nodes = new Map<string, TerritoryNode>(
    territories.map((t) => [t.id, { ...t, children: [], depth: 0 }])
  )
  const roots: TerritoryNode[] = []
  for (const node of nodes.values()) {
    const parent = node.parent_id ? nodes.get(node.parent_id) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  const sort = (list: TerritoryNode[], depth: number) => {
    list.sort((a, b) => a.code.localeCompare(b.code))
    for (const n of list) {
      n.depth = depth
      sort(n.children, depth + 1)
    }
  }
  sort(roots, 0)
  return roots
}

/** A node and everything below it. */
export const subtreeIds = (node: TerritoryNode): string[] => [
  node.id,
  ...node.children.flatMap(subtreeIds),
]

export const flattenTree = (roots: TerritoryNode[]): TerritoryNode[] =>
  roots.flatMap((n) => [n, ...flattenTree(n.children)])

export const findNode = (roots: TerritoryNode[], id: string): TerritoryNode | undefined =>
  flattenTree(roots).find((n) => n.id === id)

/** The ids from a root down to `id` (to open the tree at a selected node). */
export const pathTo = (territories: Territory[], id: string): string[] => {
  const byId = new Map(territories.map((t) => [t.id, t]))
  const path: string[] = []
  let current = byId.get(id)
  while (current && !path.includes(current.id)) {
    path.unshift(current.id)
    current = current.parent_id ? byId.get(current.parent_id) : undefined
  }
  return path
}

/** Shops per territory including every territory below it. */
export const countShopsBySubtree = (
  roots: TerritoryNode[],
  shops: { territory_id: string | null }[]
): Map<string, number> => {
  const direct = new Map<string, number>()
  for (const s of shops) {
    if (s.territory_id) direct.set(s.territory_id, (direct.get(s.territory_id) ?? 0) + 1)
  }
  const total = new Map<string, number>()
  const visit = (n: TerritoryNode): number => {
    const sum = (direct.get(n.id) ?? 0) + n.children.reduce((s, c) => s + visit(c), 0)
    total.set(n.id, sum)
    return sum
  }
  roots.forEach(visit)
  return total
}

/** The level a new child of `parent` gets (none under a district). */
export const childLevel = (parent: TerritoryLevel | null): TerritoryLevel | null =>
  parent === null ? "hq" : parent === "hq" ? "region" : parent === "region" ? "district" : null

/**
 * Where a territory may move: a shallower level (the API's rule) and never itself or
 * anything below it (which would make a cycle).
 */
export const allowedParents = (roots: TerritoryNode[], node: TerritoryNode): TerritoryNode[] => {
  const own = new Set(subtreeIds(node))
  return flattenTree(roots).filter(
    (n) => !own.has(n.id) && LEVEL_DEPTH[n.level] < LEVEL_DEPTH[node.level]
  )
}
