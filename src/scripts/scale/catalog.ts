import { buildCatalog, type DemoCatalog, type DemoProduct } from "../demo-chain"

/**
 * A catalogue of exactly `variants` stock-keeping variants for the benchmark scale, taken
 * from the demo chain's full catalogue: products whose variants all keep inventory, the
 * families interleaved so every category is present, the last product cut to fit. Past the
 * size of the full catalogue it repeats it with numbered handles and SKUs (…-2, …-3).
 */
export function scaleCatalog(variants: number, seed?: number): DemoCatalog {
  const full = buildCatalog({ size: "full", seed })
  const stocked = full.products.filter((p) => p.variants.every((v) => v.manage_inventory))
  const byTop = new Map<string, DemoProduct[]>()
  for (const p of stocked) byTop.set(p.top_category, [...(byTop.get(p.top_category) ?? []), p])
  const interleaved: DemoProduct[] = []
  for (let i = 0; interleaved.length < stocked.length; i++) {
    for (const list of byTop.values()) if (i < list.length) interleaved.push(list[i])
  }

  const products: DemoProduct[] = []
  let left = variants
  for (let round = 1; left > 0; round++) {
    for (const p of interleaved) {
      if (left === 0) break
      const copy = round === 1 ? p : renumber(p, round)
      if (copy.variants.length <= left) {
        products.push(copy)
        left -= copy.variants.length
      } else {
        products.push(cut(copy, left))
        left = 0
      }
    }
  }
  return { categories: full.categories, products }
}

function renumber(p: DemoProduct, n: number): DemoProduct {
  return {
    ...p,
    handle: `${p.handle}-${n}`,
    title: `${p.title} ${n}`,
    metadata: { ...p.metadata, title_en: `${p.metadata.title_en} ${n}` },
    variants: p.variants.map((v) => ({ ...v, sku: `${v.sku}-${n}` })),
  }
}

/** The product with its first `count` variants, its options narrowed to the values used. */
function cut(p: DemoProduct, count: number): DemoProduct {
  const variants = p.variants.slice(0, count)
  const options = p.options.map((o) => ({
    ...o,
    values: o.values.filter((value) => variants.some((v) => v.options[o.title] === value)),
  }))
  return { ...p, options, variants }
}
