import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { SHOPS_MODULE } from ".."
import ShopsModuleService, { hashPosToken } from "../service"

jest.setTimeout(60_000)

const shop = (code: string, lat: number, lng: number, extra: Record<string, unknown> = {}) => ({
  code,
  name: code,
  city: "昆明",
  status: "open" as const,
  latitude: lat,
  longitude: lng,
  stock_location_id: `sloc_${code}`,
  ...extra,
})

moduleIntegrationTestRunner<ShopsModuleService>({
  moduleName: SHOPS_MODULE,
  resolve: "./src/modules/shops",
  testSuite: ({ service }) => {
    describe("listShopsNear", () => {
      it("keeps open shops within the radius, with their great-circle distance", async () => {
        await service.createShops([
          shop("IN", 25.04, 102.72),
          shop("EDGE-OUT", 25.04, 102.92), // ~20 km east: inside the box, outside a 15 km circle
          shop("FAR", 26.87, 100.23),
          shop("SHUT", 25.04, 102.72, { status: "closed" }),
        ])
        const near = await service.listShopsNear({ origin: { lat: 25.0389, lng: 102.7183 }, radiusKm: 15 })
        expect(near.map((s) => s.code)).toEqual(["IN"])
        expect(near[0].distance_km).toBeGreaterThan(0.1)
        expect(near[0].distance_km).toBeLessThan(0.3)
      })

      it("limits to the given stock locations", async () => {
        await service.createShops([shop("A", 25.04, 102.72), shop("B", 25.04, 102.72)])
        const near = await service.listShopsNear({
          origin: { lat: 25.04, lng: 102.72 },
          radiusKm: 5,
          stockLocationIds: ["sloc_B"],
        })
        expect(near.map((s) => s.code)).toEqual(["B"])
      })
    })

    describe("territory tree", () => {
      it("lists a subtree and refuses a parent inside it", async () => {
        const hq = await service.createTerritories({ code: "HQ", name: "总部", level: "hq" })
        const region = await service.createTerritories({ code: "R", name: "西南", level: "region", parent_id: hq.id })
        const district = await service.createTerritories({ code: "D", name: "昆明", level: "district", parent_id: region.id })
        const other = await service.createTerritories({ code: "R2", name: "华东", level: "region", parent_id: hq.id })

        expect((await service.listTerritorySubtreeIds(region.id)).sort()).toEqual([region.id, district.id].sort())
        await expect(service.assertValidParent(region.id, district.id)).rejects.toThrow("cycle")
        await expect(service.assertValidParent(region.id, region.id)).rejects.toThrow("cycle")
        await expect(service.assertValidParent(district.id, other.id)).resolves.toBeUndefined()
        await expect(service.listTerritorySubtreeIds("terr_missing")).rejects.toThrow("not found")
      })
    })

    describe("POS tokens", () => {
      it("stores only a hash and finds live tokens only", async () => {
        const s = await service.createShops(shop("T", 25, 102))
        const issued = await service.issuePosToken(s.id, "Till 1", "user_1")
        expect(issued.token).toMatch(/^pos_/)
        const [stored] = await service.listPosTokens({ id: issued.id }, { select: ["token_hash", "token_hint"] })
        expect(stored.token_hash).toBe(hashPosToken(issued.token))
        expect(stored.token_hash).not.toContain(issued.token)
        expect(stored.token_hint).toBe(issued.token.slice(-4))

        expect((await service.findActivePosToken(issued.token))?.shop_id).toBe(s.id)
        expect(await service.findActivePosToken(issued.token + "x")).toBeNull()
        expect(await service.findActivePosToken("sk_not_a_pos_token")).toBeNull()
        await service.updatePosTokens({ id: issued.id, revoked_at: new Date() })
        expect(await service.findActivePosToken(issued.token)).toBeNull()
      })

      it("refuses a token for a shop that does not exist", async () => {
        await expect(service.issuePosToken("shop_missing", "Till")).rejects.toThrow()
      })
    })
  },
})
