import { buildCatalog, CATEGORIES, ean13, PRICE_RANGES, type DemoCatalog } from ".."

const full = buildCatalog({ size: "full" })
const small = buildCatalog({ size: "small" })
const variants = (c: DemoCatalog) => c.products.flatMap((p) => p.variants.map((v) => ({ p, v })))

describe("buildCatalog", () => {
  it("has at least 300 products and 1,000 variants in full, about 40 and 120 in small", () => {
    expect(full.products.length).toBeGreaterThanOrEqual(300)
    expect(variants(full).length).toBeGreaterThanOrEqual(1000)
    expect(small.products.length).toBeGreaterThanOrEqual(30)
    expect(small.products.length).toBeLessThanOrEqual(50)
    expect(variants(small).length).toBeGreaterThanOrEqual(90)
    expect(variants(small).length).toBeLessThanOrEqual(170)
  })

  it.each([
    ["full", full],
    ["small", small],
  ])("%s: handles, SKUs and barcodes are unique and well formed", (_, catalog) => {
    const handles = catalog.products.map((p) => p.handle)
    expect(new Set(handles).size).toBe(handles.length)
    for (const h of handles) expect(h).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    const vs = variants(catalog)
    expect(new Set(vs.map(({ v }) => v.sku)).size).toBe(vs.length)
    expect(new Set(vs.map(({ v }) => v.barcode)).size).toBe(vs.length)
    for (const { v } of vs) {
      expect(v.sku).toMatch(/^(APP|BTY|ELC|GRO|HOM|SVC)-[A-Z]+-\d{3}(-[A-Z0-9]+)+$/)
      expect(v.barcode).toMatch(/^69\d{11}$/)
      expect(ean13(v.barcode.slice(0, 12))).toBe(v.barcode)
    }
  })

  it("files every product under an existing leaf category of a tree with valid parents", () => {
    const handles = new Set(CATEGORIES.map((c) => c.handle))
    for (const c of full.categories) if (c.parent_handle) expect(handles.has(c.parent_handle)).toBe(true)
    const parents = new Set(full.categories.map((c) => c.parent_handle))
    for (const p of full.products) {
      expect(handles.has(p.category_handle)).toBe(true)
      expect(parents.has(p.category_handle)).toBe(false)
      expect(p.category_handle.startsWith(p.top_category)).toBe(true)
    }
    for (const top of ["apparel", "beauty", "electronics", "grocery"]) {
      expect(full.products.filter((p) => p.top_category === top).length).toBeGreaterThanOrEqual(30)
    }
  })

  it("gives every product a Chinese title, an English title, a description, options and consistent variants", () => {
    for (const p of full.products) {
      expect(p.title).toMatch(/[\u4e00-\u9fff]/)
      expect(p.metadata.title_en).toMatch(/^[A-Za-z0-9]/)
      expect(p.metadata.title_en).not.toMatch(/[\u3000-\u9fff\uff00-\uffef]/)
      expect(p.description.length).toBeGreaterThan(p.title.length)
      expect(p.options.length).toBeGreaterThanOrEqual(1)
      expect(p.variants.length).toBe(p.options.reduce((n, o) => n * o.values.length, 1))
      const combos = new Set<string>()
      for (const v of p.variants) {
        expect(Object.keys(v.options).sort()).toEqual(p.options.map((o) => o.title).sort())
        for (const o of p.options) expect(o.values).toContain(v.options[o.title])
        expect(v.title).toBe(p.options.map((o) => v.options[o.title]).join(" / "))
        combos.add(JSON.stringify(v.options))
      }
      expect(combos.size).toBe(p.variants.length)
    }
  })

  it("sizes apparel S–XXL (women's lines XS–XL) in colours", () => {
    const tee = full.products.find((p) => p.handle === "cotton-crew-neck-t-shirt")!
    expect(tee.options.find((o) => o.title === "尺码")!.values).toEqual(["S", "M", "L", "XL", "XXL"])
    expect(tee.options.find((o) => o.title === "颜色")!.values.length).toBeGreaterThanOrEqual(1)
    expect(tee.variants[0].sku).toMatch(/^APP-TEE-001-[A-Z]{3}-S$/)
    const womens = full.products.find((p) => p.title.startsWith("女款") && p.category_handle === "apparel-tops")!
    expect(womens.options.find((o) => o.title === "尺码")!.values).toEqual(["XS", "S", "M", "L", "XL"])
  })

  it("prices in yuan at shelf levels within each category's range, with at most 2 decimals", () => {
    for (const { p, v } of variants(full)) {
      const [min, max] = PRICE_RANGES[p.top_category]
      expect(v.price_cny).toBeGreaterThanOrEqual(min)
      expect(v.price_cny).toBeLessThanOrEqual(max)
      expect(Math.round(v.price_cny * 100) / 100).toBe(v.price_cny)
      expect(v.weight_g).toBeGreaterThan(0)
      expect(Number.isInteger(v.weight_g)).toBe(true)
    }
    // A larger pack costs more than a smaller one of the same product.
    const puer = full.products.find((p) => p.variants.some((v) => v.sku.endsWith("-357G")) && p.variants.some((v) => v.sku.endsWith("-100G")))
    if (puer) {
      const price = (suffix: string) => puer.variants.find((v) => v.sku.endsWith(suffix))!.price_cny
      expect(price("-357G")).toBeGreaterThan(price("-100G"))
    }
  })

  it("manages inventory for everything but the gift-wrapping service, and backorders only pre-order electronics", () => {
    const unmanaged = full.products.filter((p) => p.variants.some((v) => !v.manage_inventory))
    expect(unmanaged.map((p) => p.title)).toEqual(["礼品包装服务"])
    const backorder = full.products.filter((p) => p.variants.some((v) => v.allow_backorder))
    expect(backorder.length).toBeGreaterThanOrEqual(2)
    for (const p of backorder) {
      expect(p.top_category).toBe("electronics")
      expect(p.metadata.preorder).toBe(true)
      expect(p.variants.every((v) => v.allow_backorder && v.manage_inventory)).toBe(true)
    }
    expect(small.products.some((p) => p.metadata.preorder)).toBe(true)
    expect(small.products.some((p) => p.variants.some((v) => !v.manage_inventory))).toBe(true)
  })

  it("has a Yunnan accent in grocery", () => {
    const titles = full.products.filter((p) => p.top_category === "grocery").map((p) => p.title).join(" ")
    for (const word of ["普洱", "滇红", "鲜花饼", "咖啡", "米线", "菌"]) expect(titles).toContain(word)
  })

  it("makes the small catalogue a subset of the full one, identical product for product", () => {
    const bySku = new Map(variants(full).map(({ v }) => [v.sku, v]))
    for (const { v } of variants(small)) expect(bySku.get(v.sku)).toEqual(v)
  })

  it("is deterministic for a seed", () => {
    expect(buildCatalog({ size: "full" })).toEqual(full)
    const other = buildCatalog({ size: "full", seed: 5 })
    expect(variants(other).map(({ v }) => v.price_cny)).not.toEqual(variants(full).map(({ v }) => v.price_cny))
  })
})
