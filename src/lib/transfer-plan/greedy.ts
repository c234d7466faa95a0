import { CostModel, type Problem, variantBlocks } from "./problem"

/** q units of surplus line s sent to shortfall line d. */
export interface Flow {
  s: number
  d: number
  q: number
}

/**
 * The nearest-source plan (Magento MSI's distance-based source selection, applied line by
 * line): shortfall lines in input order, each filled from the nearest shops holding surplus of
 * its variant (ties: cheaper unit cost), never past a source's surplus or capacity, never on a
 * lane dearer than leaving the unit unmet, and never from more than `maxSources` distinct
 * shops per destination. Always feasible; the planner's fallback and baseline.
 */
export function greedyFlows(p: Problem, costs: CostModel = new CostModel(p), maxSources = Infinity): Flow[] {
  const blocks = variantBlocks(p)
  const left = p.supQty.slice()
  const capLeft = p.capacity.slice()
  const used = new Map<number, Set<number>>()
  const flows: Flow[] = []
  const penalty = p.cost.unmet_penalty
  for (let d = 0; d < p.demQty.length; d++) {
    const j = p.demShop[d]
    const sources = blocks[p.demVariant[d]].sources
    const km = costs.kmTo(j)
    const order = sources.slice().sort((a, b) => km[p.supShop[a]] - km[p.supShop[b]] || costs.unit(p.supShop[a], j) - costs.unit(p.supShop[b], j) || a - b)
    let need = p.demQty[d]
    let from = used.get(j)
    if (!from) used.set(j, (from = new Set()))
    for (const s of order) {
      if (need === 0) break
      const i = p.supShop[s]
      if (costs.unit(i, j) >= penalty) continue
      if (!from.has(i) && from.size >= maxSources) continue
      const q = Math.min(need, left[s], capLeft[i])
      if (q <= 0) continue
      flows.push({ s, d, q })
      left[s] -= q
      capLeft[i] -= q
      need -= q
      from.add(i)
    }
  }
  return flows
}
