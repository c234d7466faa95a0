/**
 * Service-level targets configured per territory and per product category (issue 3 §4), and the
 * order in which they apply to one series:
 *
 *   merchant override on the policy (handled by the caller)
 *   > a target on the series' category and its territory (nearest category, then territory)
 *   > a category target (nearest category: the product's own category, then its parent, …)
 *   > a territory target (nearest territory: the shop's district, then region, then HQ)
 *   > the ABC–XYZ default table.
 *
 * A target may be limited to an ABC class and/or an XYZ class; at the same place a limited
 * target comes before an unlimited one. XYZ is only known once the series is forecast, so the
 * run hands the worker the ordered candidates and `pickTarget` takes the first that fits.
 */
export type TargetType = "cycle" | "fill_rate"

export type ServiceTargetRow = {
  id: string
  territory_id: string | null
  category_id: string | null
  abc_class: string | null
  xyz_class: string | null
  level: number
  type: TargetType
}

export type TargetCandidate = {
  id: string
  level: number
  type: TargetType
  abc: string | null
  xyz: string | null
  /** "category:<id>", "territory:<id>" or "category:<id>|territory:<id>". */
  source: string
}

const specificity = (t: ServiceTargetRow) => (t.abc_class ? 1 : 0) + (t.xyz_class ? 1 : 0)

/**
 * The targets that reach a series, most specific first. `categoryDistance` maps each category
 * that is the product's own or an ancestor of it to its distance (0 = the product's own);
 * `territoryDistance` the same for the shop's territory and its ancestors.
 */
export function orderCandidates(
  targets: readonly ServiceTargetRow[],
  categoryDistance: ReadonlyMap<string, number>,
  territoryDistance: ReadonlyMap<string, number>
): TargetCandidate[] {
  const ranked: { t: ServiceTargetRow; key: number[] }[] = []
  for (const t of targets) {
    const c = t.category_id ? categoryDistance.get(t.category_id) : undefined
    const r = t.territory_id ? territoryDistance.get(t.territory_id) : undefined
    if (t.category_id && c === undefined) continue
    if (t.territory_id && r === undefined) continue
    if (!t.category_id && !t.territory_id) continue
    const tier = t.category_id && t.territory_id ? 0 : t.category_id ? 1 : 2
    ranked.push({ t, key: [tier, c ?? 0, r ?? 0, -specificity(t)] })
  }
  ranked.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i] - b.key[i]
    return a.t.id < b.t.id ? -1 : a.t.id > b.t.id ? 1 : 0
  })
  return ranked.map(({ t }) => ({
    id: t.id,
    level: t.level,
    type: t.type,
    abc: t.abc_class,
    xyz: t.xyz_class,
    source:
      t.category_id && t.territory_id
        ? `category:${t.category_id}|territory:${t.territory_id}`
        : t.category_id
          ? `category:${t.category_id}`
          : `territory:${t.territory_id}`,
  }))
}

/** The first candidate whose class limits fit the series' ABC and XYZ classes. */
export function pickTarget(candidates: readonly TargetCandidate[] | null | undefined, abc: string, xyz: string): TargetCandidate | null {
  if (!candidates) return null
  for (const c of candidates) {
    if (c.abc && c.abc !== abc) continue
    if (c.xyz && c.xyz !== xyz) continue
    return c
  }
  return null
}

/**
 * Distances from a set of start nodes up a parent tree: each start at 0, its parent at 1, …;
 * a node reached along several paths keeps the shortest. Cycles stop the walk.
 */
export function ancestorDistances(starts: Iterable<string>, parentOf: ReadonlyMap<string, string | null | undefined>): Map<string, number> {
  const out = new Map<string, number>()
  for (const start of starts) {
    let node: string | null | undefined = start
    let d = 0
    const seen = new Set<string>()
    while (node && !seen.has(node)) {
      seen.add(node)
      const known = out.get(node)
      if (known === undefined || d < known) out.set(node, d)
      node = parentOf.get(node)
      d++
    }
  }
  return out
}
