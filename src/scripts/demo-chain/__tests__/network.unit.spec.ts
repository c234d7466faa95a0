import { buildCatalog, buildShops, demoNetwork, demoTransfers, fleetVehicles, DEMO_DEPOT_FLEET, stockTargets, WAREHOUSE_SAFETY_STOCK } from ".."

describe("demo network", () => {
  for (const size of ["small", "full"] as const) {
    const shops = buildShops({ size })
    const catalog = buildCatalog({ size })
    const network = demoNetwork(shops, catalog)
    const shopByCode = new Map(shops.map((s) => [s.code, s]))
    const topOf = new Map(catalog.products.flatMap((p) => p.variants.map((v) => [v.sku, { top: p.top_category, size: v.options["尺码"] }] as const)))

    it(`${size}: a shortfall is an open retail shop under its safety stock, short by par − stock`, () => {
      expect(network.shortfall.length).toBeGreaterThan(0)
      // Collected, not asserted line by line: the full chain has tens of thousands of lines.
      const bad = network.shortfall.filter((l) => {
        const shop = shopByCode.get(l.shop_code)!
        const stock = network.stock.get(`${l.shop_code}|${l.sku}`)!
        const { par, safety } = stockTargets(shop.kind, topOf.get(l.sku)!.top, topOf.get(l.sku)!.size)
        return shop.status !== "open" || shop.kind === "warehouse" || !(stock < safety) || l.quantity !== par - stock || !(l.quantity > 0)
      })
      expect(bad).toEqual([])
    })

    it(`${size}: surplus is what an open location holds above its safety stock, never at a short pair`, () => {
      const short = new Set(network.shortfall.map((l) => `${l.shop_code}|${l.sku}`))
      expect(network.surplus.length).toBeGreaterThan(0)
      const bad = network.surplus.filter((l) => {
        const shop = shopByCode.get(l.shop_code)!
        const { safety } = stockTargets(shop.kind, topOf.get(l.sku)!.top, topOf.get(l.sku)!.size)
        return (
          shop.status !== "open" ||
          short.has(`${l.shop_code}|${l.sku}`) ||
          (shop.kind === "warehouse" && safety !== WAREHOUSE_SAFETY_STOCK) ||
          l.quantity !== network.stock.get(`${l.shop_code}|${l.sku}`)! - safety ||
          !(l.quantity > 0)
        )
      })
      expect(bad).toEqual([])
    })

    it(`${size}: the demo transfers leave the city's DC in every state, each shortfall on one transfer at most, within the DC's stock`, () => {
      const { transfers, remaining } = demoTransfers(shops, network)
      expect(transfers.map((t) => t.state)).toEqual(["draft", "requested", "approved", "approved", "in_transit", "partially_received", "received", "cancelled"])
      const seen = new Set<string>()
      const shortfall = new Map(network.shortfall.map((l) => [`${l.shop_code}|${l.sku}`, l.quantity]))
      for (const t of transfers) {
        expect(shopByCode.get(t.source_code)!.kind).toBe("warehouse")
        expect(t.lines.length).toBeGreaterThan(0)
        for (const l of t.lines) {
          const k = `${l.shop_code}|${l.sku}`
          expect(seen.has(k)).toBe(false)
          seen.add(k)
          expect(shortfall.get(k)).toBe(l.quantity)
          expect(network.stock.get(`${t.source_code}|${l.sku}`)!).toBeGreaterThanOrEqual(l.quantity + WAREHOUSE_SAFETY_STOCK)
        }
        if (t.receipt) {
          expect(t.receipt).toHaveLength(t.lines.length)
          const short = t.receipt.some((r, i) => r.received + (r.damaged ?? 0) < t.lines[i].quantity)
          expect(short).toBe(t.state === "partially_received")
          t.receipt.forEach((r, i) => expect(r.received + (r.damaged ?? 0)).toBeLessThanOrEqual(t.lines[i].quantity))
        }
      }
      for (const l of remaining) expect(seen.has(`${l.shop_code}|${l.sku}`)).toBe(false)
      expect(remaining.length).toBeGreaterThan(0)
    })
  }

  it("maps a fleet row as the delivery-runs workflow does", () => {
    expect(fleetVehicles(DEMO_DEPOT_FLEET)).toEqual({
      count: 6,
      capacityUnits: 800,
      maxRouteKm: 500,
      maxDurationMinutes: 720,
      speedKmh: 45,
      serviceMinutes: 15,
      availableFrom: 300,
      availableUntil: 1260,
    })
  })
})
