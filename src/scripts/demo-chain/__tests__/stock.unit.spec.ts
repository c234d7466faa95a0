import { buildCatalog, buildShops, createRng, stockFor, stockLevel, type DemoShop, type StockEntry } from ".."

const shops = buildShops({ size: "full" })
const catalog = buildCatalog({ size: "full" })
const entries = [...stockFor(shops, catalog)]
const shopByCode = new Map(shops.map((s) => [s.code, s]))
const variantBySku = new Map(catalog.products.flatMap((p) => p.variants.map((v) => [v.sku, { p, v }] as const)))
const managed = catalog.products.filter((p) => p.variants[0].manage_inventory).reduce((n, p) => n + p.variants.length, 0)

const avg = (xs: StockEntry[]) => xs.reduce((a, e) => a + e.stocked_quantity, 0) / xs.length
const openByKind = new Map<DemoShop["kind"], StockEntry[]>()
for (const e of entries) {
  const s = shopByCode.get(e.shop_code)!
  if (s.status !== "open") continue
  if (!openByKind.has(s.kind)) openByKind.set(s.kind, [])
  openByKind.get(s.kind)!.push(e)
}
const ofKind = (kind: DemoShop["kind"]) => openByKind.get(kind) ?? []
const key = (e: StockEntry) => `${e.shop_code}|${e.sku}|${e.stocked_quantity}`

describe("stockFor", () => {
  it("stocks DCs deepest, then flagships, then minis", () => {
    const dc = avg(ofKind("warehouse"))
    const flagship = avg(ofKind("flagship"))
    const standard = avg(ofKind("standard"))
    const mini = avg(ofKind("mini"))
    expect(dc).toBeGreaterThan(flagship)
    expect(flagship).toBeGreaterThan(standard)
    expect(standard).toBeGreaterThan(mini)
    expect(Math.max(...ofKind("warehouse").map((e) => e.stocked_quantity))).toBeLessThanOrEqual(2000)
    const deep = ofKind("warehouse").filter((e) => e.stocked_quantity >= 200).length
    expect(deep / ofKind("warehouse").length).toBeGreaterThan(0.9)
  })

  it("carries everything in warehouses, ~90% in flagships, ~70% in standard shops, ~40% in minis", () => {
    const share = (kind: DemoShop["kind"]) => {
      const n = shops.filter((s) => s.kind === kind && s.status === "open").length
      return ofKind(kind).length / (n * managed)
    }
    expect(share("warehouse")).toBe(1)
    expect(share("flagship")).toBeGreaterThan(0.85)
    expect(share("flagship")).toBeLessThan(0.95)
    expect(share("standard")).toBeGreaterThan(0.62)
    expect(share("standard")).toBeLessThan(0.78)
    expect(share("mini")).toBeGreaterThan(0.33)
    expect(share("mini")).toBeLessThan(0.47)
  })

  it("leaves about 8% of retail pairs at zero and about 15% low", () => {
    const retail = [...ofKind("flagship"), ...ofKind("standard"), ...ofKind("mini")]
    const zero = retail.filter((e) => e.stocked_quantity === 0).length / retail.length
    const low = retail.filter((e) => e.stocked_quantity >= 1 && e.stocked_quantity <= 3).length / retail.length
    expect(zero).toBeGreaterThan(0.06)
    expect(zero).toBeLessThan(0.1)
    expect(low).toBeGreaterThan(0.12)
    expect(low).toBeLessThan(0.18)
  })

  it("stocks sizes M and L deeper than XS and XXL", () => {
    const bySize = (sizes: string[]) =>
      avg(ofKind("flagship").filter((e) => sizes.includes(variantBySku.get(e.sku)!.v.options["尺码"] ?? "")))
    expect(bySize(["M", "L"])).toBeGreaterThan(bySize(["XS", "XXL"]) * 1.5)
  })

  it("leans minis to grocery and beauty", () => {
    const minis = ofKind("mini")
    const top = (t: string) => minis.filter((e) => variantBySku.get(e.sku)!.p.top_category === t)
    expect(avg(top("grocery"))).toBeGreaterThan(avg(top("apparel")))
    expect(avg(top("beauty"))).toBeGreaterThan(avg(top("apparel")))
    expect(top("grocery").length).toBeGreaterThan(top("apparel").length * 0.3)
  })

  it("gives planned shops and the service no stock, and closed shops zero", () => {
    const planned = new Set(shops.filter((s) => s.status === "planned").map((s) => s.code))
    expect(planned.size).toBeGreaterThan(0)
    expect(entries.some((e) => planned.has(e.shop_code))).toBe(false)
    expect(entries.some((e) => e.sku.startsWith("SVC-"))).toBe(false)
    const closed = entries.filter((e) => shopByCode.get(e.shop_code)!.status === "closed")
    expect(closed.length).toBeGreaterThan(0)
    expect(closed.every((e) => e.stocked_quantity === 0)).toBe(true)
    expect(entries.filter((e) => !Number.isInteger(e.stocked_quantity) || e.stocked_quantity < 0)).toEqual([])
  })

  it("is deterministic, and a pair's stock does not depend on the other shops", () => {
    const again = [...stockFor(shops, catalog)]
    expect(again.map(key).join("\n")).toBe(entries.map(key).join("\n"))
    const some = shops.filter((_, i) => i % 9 === 0).reverse()
    const codes = new Set(some.map((s) => s.code))
    const subset = [...stockFor(some, catalog)]
    expect(new Set(subset.map(key))).toEqual(new Set(entries.filter((e) => codes.has(e.shop_code)).map(key)))
    const otherSeed = [...stockFor(some, catalog, 99)]
    expect(otherSeed.map(key)).not.toEqual(subset.map(key))
  })
})

describe("stockLevel", () => {
  it("returns null for a variant that manages no inventory and for a planned shop", () => {
    const variant = { sku: "X", options: {}, manage_inventory: true, top_category: "grocery" as const }
    const rng = createRng(1)
    expect(stockLevel({ code: "A", kind: "warehouse", status: "open" }, { ...variant, manage_inventory: false }, rng)).toBeNull()
    expect(stockLevel({ code: "A", kind: "warehouse", status: "planned" }, variant, rng)).toBeNull()
    expect(stockLevel({ code: "A", kind: "warehouse", status: "open" }, variant, rng)).not.toBeNull()
  })
})
