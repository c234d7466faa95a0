import { parseScaleArgs } from "../args"
import { scaleCatalog } from "../catalog"
import { copyCell, copyLine } from "../copy"
import { entityIdFactory } from "../ulid"

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
const decodeTime = (ulid: string) => [...ulid.slice(0, 10)].reduce((t, c) => t * 32 + CROCKFORD.indexOf(c), 0)

describe("entityIdFactory", () => {
  it("makes ids in generateEntityId's format, with the current time and no repeats", () => {
    const newId = entityIdFactory()
    const before = Date.now()
    const ids = Array.from({ length: 20_000 }, () => newId("ilev"))
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^ilev_[0-9A-HJKMNP-TV-Z]{26}$/)
    const t = decodeTime(ids[0].slice(5))
    expect(t).toBeGreaterThanOrEqual(before)
    expect(t).toBeLessThanOrEqual(Date.now())
    expect(new Set(ids).size).toBe(ids.length)
  })
})

describe("COPY text format", () => {
  it("escapes what COPY would misread and writes null as \\N", () => {
    expect(copyCell(null)).toBe("\\N")
    expect(copyCell("a\tb\nc\\d")).toBe("a\\tb\\nc\\\\d")
    expect(copyCell({ shop_code: "KM-001" })).toBe('{"shop_code":"KM-001"}')
    expect(copyLine(["x", 1.5, null])).toBe("x\t1.5\t\\N\n")
  })
})

describe("parseScaleArgs", () => {
  it("reads medusa exec's args and the words after --", () => {
    expect(parseScaleArgs([], ["node", "medusa", "exec", "f.ts", "--", "--shops", "3000", "--variants=1000"])).toMatchObject({ shops: 3000, variants: 1000 })
    expect(parseScaleArgs(["shops=12"], [])).toMatchObject({ shops: 12, variants: 1000 })
    expect(() => parseScaleArgs(["--shop", "1"])).toThrow("unknown option --shop")
    expect(() => parseScaleArgs(["--shops", "many"])).toThrow("--shops must be a positive integer")
  })
})

describe("scaleCatalog", () => {
  it.each([1000, 37, 2500])("has exactly %i stock-keeping variants with unique SKUs and handles", (n) => {
    const { products } = scaleCatalog(n)
    const variants = products.flatMap((p) => p.variants)
    expect(variants).toHaveLength(n)
    expect(variants.every((v) => v.manage_inventory)).toBe(true)
    expect(new Set(variants.map((v) => v.sku)).size).toBe(n)
    expect(new Set(products.map((p) => p.handle)).size).toBe(products.length)
    for (const p of products) {
      for (const v of p.variants) for (const o of p.options) expect(o.values).toContain(v.options[o.title])
    }
  })

  it("spans every stocked category", () => {
    const tops = new Set(scaleCatalog(1000).products.map((p) => p.top_category))
    expect([...tops].sort()).toEqual(["apparel", "beauty", "electronics", "grocery", "home"])
  })
})
