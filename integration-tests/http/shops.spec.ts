import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Medusa from "@medusajs/js-sdk"
import { asValue } from "@medusajs/framework/awilix"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createInventoryLevelsWorkflow, createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { createShopsWorkflow } from "../../src/workflows/shops/create-shops"
import { adminHeaders, storefront } from "../helpers/admin"

// A plugin's hook on shop creation: it sees the shops and additional_data, and a failure in it
// must undo everything the workflow did before.
const hookCalls: Array<{ codes: string[]; additional_data: unknown }> = []
createShopsWorkflow.hooks.shopsCreated(async ({ shops, additional_data }) => {
  hookCalls.push({ codes: shops.map((s: any) => s.code), additional_data })
  // Holds the "slow import" below in flight long enough for its retry to meet it.
  if (shops.some((s: any) => s.code.startsWith("IP-"))) await new Promise((r) => setTimeout(r, 1500))
  if ((additional_data as any)?.refuse) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "refused by a plugin")
  }
  return new StepResponse(undefined)
})

jest.setTimeout(180_000)

// Kunming: the HQ city. Shops at known distances from the origin below.
const ORIGIN = { lat: 25.0389, lng: 102.7183 }
const shopInput = (code: string, lat: number, lng: number, extra: Record<string, unknown> = {}) => ({
  code,
  name: `昆明${code}店`,
  kind: "standard",
  status: "open",
  latitude: lat,
  longitude: lng,
  address: "五华区南屏街 1 号",
  city: "昆明",
  province: "云南省",
  opening_hours: { mon: [{ open: "00:00", close: "24:00" }], tue: [{ open: "00:00", close: "24:00" }], wed: [{ open: "00:00", close: "24:00" }], thu: [{ open: "00:00", close: "24:00" }], fri: [{ open: "00:00", close: "24:00" }], sat: [{ open: "00:00", close: "24:00" }], sun: [{ open: "00:00", close: "24:00" }] },
  ...extra,
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let online: { salesChannelId: string; publishableKey: string }
    let other: { salesChannelId: string; publishableKey: string }

    beforeAll(async () => {
      const container = getContainer()
      headers = await adminHeaders(container)
      online = await storefront(container, "Online")
      other = await storefront(container, "Elsewhere")
    })

    describe("admin shops", () => {
      it("creates a shop with its stock location, POS channel and pickup option", async () => {
        const res = await api.post(
          "/admin/shops",
          shopInput("KM-001", 25.04, 102.72, { sales_channel_ids: [online.salesChannelId] }),
          { headers }
        )
        expect(res.status).toBe(201)
        const shop = res.data.shop
        expect(shop.id).toMatch(/^shop_/)
        expect(shop.stock_location_id).toMatch(/^sloc_/)

        const detail = await api.get(`/admin/shops/${shop.id}`, { headers })
        expect(detail.data.shop.stock_location.name).toBe("昆明KM-001店 (KM-001)")
        expect(detail.data.shop.stock_location.address.city).toBe("昆明")
        const channelNames = detail.data.shop.sales_channels.map((c: any) => c.name).sort()
        expect(channelNames).toEqual(["Online", "POS · 昆明KM-001店"])
        expect(detail.data.shop.stock).toEqual(
          expect.objectContaining({ skus: 0, units_on_hand: 0, retail_value: 0 })
        )
      })

      it("rejects bad input naming the field and writes nothing", async () => {
        const bad = await api
          .post("/admin/shops", shopInput("KM-BAD", 95, 102.7), { headers })
          .catch((e: any) => e.response)
        expect(bad.status).toBe(400)
        expect(bad.data.message).toContain("latitude")

        const badTz = await api
          .post("/admin/shops", shopInput("KM-BAD", 25, 102.7, { timezone: "Mars/Base" }), { headers })
          .catch((e: any) => e.response)
        expect(badTz.status).toBe(400)
        expect(badTz.data.message).toContain("timezone")

        const badHours = await api
          .post(
            "/admin/shops",
            shopInput("KM-BAD", 25, 102.7, { opening_hours: { mon: [{ open: "25:00", close: "21:00" }] } }),
            { headers }
          )
          .catch((e: any) => e.response)
        expect(badHours.status).toBe(400)
        expect(badHours.data.message).toContain("opening_hours.mon[0].open")

        const list = await api.get("/admin/shops?q=KM-BAD", { headers })
        expect(list.data.count).toBe(0)
      })

      it("refuses a duplicate code", async () => {
        await api.post("/admin/shops", shopInput("KM-DUP", 25, 102.7), { headers })
        const dup = await api.post("/admin/shops", shopInput("KM-DUP", 25, 102.7), { headers }).catch((e: any) => e.response)
        expect(dup.status).toBe(400)
        expect(dup.data.message).toContain("code: KM-DUP already exists")
      })

      it("filters by territory subtree, kind and text, and paginates", async () => {
        const hq = (await api.post("/admin/territories", { code: "HQ", name: "总部", level: "hq" }, { headers })).data.territory
        const sw = (await api.post("/admin/territories", { code: "SW", name: "西南大区", level: "region", parent_id: hq.id }, { headers })).data.territory
        const km = (await api.post("/admin/territories", { code: "KM", name: "昆明片区", level: "district", parent_id: sw.id }, { headers })).data.territory
        for (const [code, kind] of [["KM-101", "mini"], ["KM-102", "flagship"], ["KM-103", "mini"]]) {
          await api.post("/admin/shops", shopInput(code, 25.03, 102.71, { kind, territory_id: km.id }), { headers })
        }
        await api.post("/admin/shops", shopInput("KM-104", 25.03, 102.71), { headers })

        const byRegion = await api.get(`/admin/shops?territory_id=${sw.id}&limit=2`, { headers })
        expect(byRegion.data.count).toBe(3)
        expect(byRegion.data.shops).toHaveLength(2)
        expect(byRegion.data.limit).toBe(2)
        const minis = await api.get(`/admin/shops?territory_id=${hq.id}&kind=mini`, { headers })
        expect(minis.data.shops.map((s: any) => s.code)).toEqual(["KM-101", "KM-103"])
      })
    })

    describe("extension and rollback", () => {
      it("passes additional_data to the shopsCreated hook and undoes everything when it fails", async () => {
        const ok = await api.post("/admin/shops", { ...shopInput("HK-OK", 25, 102.7), additional_data: { erp_id: "E-1" } }, { headers })
        expect(ok.status).toBe(201)
        expect(hookCalls).toContainEqual({ codes: ["HK-OK"], additional_data: { erp_id: "E-1" } })

        const container = getContainer()
        const before = {
          locations: (await container.resolve(Modules.STOCK_LOCATION).listStockLocations({})).length,
          channels: (await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({})).length,
          sets: (await container.resolve(Modules.FULFILLMENT).listFulfillmentSets({})).length,
        }
        const refused = await api
          .post("/admin/shops", { ...shopInput("HK-NO", 25, 102.7), additional_data: { refuse: true } }, { headers })
          .catch((e: any) => e.response)
        expect(refused.status).toBe(400)
        expect(refused.data.message).toBe("refused by a plugin")
        expect((await api.get("/admin/shops?q=HK-NO", { headers })).data.count).toBe(0)
        expect({
          locations: (await container.resolve(Modules.STOCK_LOCATION).listStockLocations({})).length,
          channels: (await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({})).length,
          sets: (await container.resolve(Modules.FULFILLMENT).listFulfillmentSets({})).length,
        }).toEqual(before)
      })

      it("edits a shop and its stock location follows the new name", async () => {
        const shop = (await api.post("/admin/shops", shopInput("ED-1", 25, 102.7), { headers })).data.shop
        const hours = { mon: [{ open: "08:00", close: "02:00" }] }
        const edited = await api.post(`/admin/shops/${shop.id}`, { name: "昆明翠湖店", opening_hours: hours, staff_count: 12 }, { headers })
        expect(edited.data.shop).toEqual(expect.objectContaining({ name: "昆明翠湖店", opening_hours: hours, staff_count: 12 }))
        const detail = (await api.get(`/admin/shops/${shop.id}`, { headers })).data.shop
        expect(detail.stock_location.name).toBe("昆明翠湖店 (ED-1)")
        const bad = await api.post(`/admin/shops/${shop.id}`, { staff_count: -1 }, { headers }).catch((e: any) => e.response)
        expect(bad.status).toBe(400)
        expect(bad.data.message).toContain("staff_count")
      })

      it("answers 409 idempotency_in_progress to a retry while the first request still runs", async () => {
        const header = "code,name,kind,status,latitude,longitude,city"
        const csv = [header, ...Array.from({ length: 25 }, (_, i) => `IP-${i},店${i},mini,open,25.0${i % 10},102.7,昆明`)].join("\n")
        const h = { ...headers, "idempotency-key": "slow-import-1" }
        const first = api.post("/admin/shops/import", { csv }, { headers: h })
        const keys = getContainer().resolve<any>("idempotency")
        for (let i = 0; i < 100 && !(await keys.listIdempotencyKeys({ key: "slow-import-1" })).length; i++) {
          await new Promise((r) => setTimeout(r, 10))
        }
        const second = await api.post("/admin/shops/import", { csv }, { headers: h }).catch((e: any) => e.response)
        expect(second.status).toBe(409)
        expect(second.data.code).toBe("idempotency_in_progress")
        expect((await first).data.imported).toBe(25)
        const replay = await api.post("/admin/shops/import", { csv }, { headers: h })
        expect(replay.headers["idempotent-replayed"]).toBe("true")
      })
    })

    describe("territories", () => {
      it("refuses cycles and deleting a territory that still has children", async () => {
        const hq = (await api.post("/admin/territories", { code: "HQ2", name: "总部", level: "hq" }, { headers })).data.territory
        const region = (await api.post("/admin/territories", { code: "R2", name: "华东大区", level: "region", parent_id: hq.id }, { headers })).data.territory
        const district = (await api.post("/admin/territories", { code: "D2", name: "上海片区", level: "district", parent_id: region.id }, { headers })).data.territory

        const cycle = await api.post(`/admin/territories/${hq.id}`, { parent_id: district.id }, { headers }).catch((e: any) => e.response)
        expect(cycle.status).toBe(400)
        expect(cycle.data.message).toContain("parent_id")

        const del = await api.delete(`/admin/territories/${region.id}`, { headers }).catch((e: any) => e.response)
        expect(del.status).toBe(409)
        expect(del.data.code).toBe("territory_not_empty")
        expect(del.data.message).toContain("R2 (华东大区)")

        const renamed = await api.post(`/admin/territories/${district.id}`, { name: "浦东片区" }, { headers })
        expect(renamed.data.territory.name).toBe("浦东片区")

        const [manager] = await getContainer().resolve(Modules.USER).createUsers([{ email: "region.manager@mendian.local" }])
        await api.post(`/admin/territories/${region.id}`, { manager_ids: [manager.id] }, { headers })
        const withManager = (await api.get(`/admin/territories/${region.id}`, { headers })).data.territory
        expect(withManager.managers.map((m: any) => m.email)).toEqual(["region.manager@mendian.local"])
        const unknown = await api.post(`/admin/territories/${region.id}`, { manager_ids: ["user_nobody"] }, { headers }).catch((e: any) => e.response)
        expect(unknown.status).toBe(400)
        expect(unknown.data.message).toContain("manager_ids")
        await api.post(`/admin/territories/${region.id}`, { manager_ids: [] }, { headers })
        expect((await api.get(`/admin/territories/${region.id}`, { headers })).data.territory.managers).toEqual([])
      })
    })

    describe("stock-holding shops", () => {
      it("refuses to close or delete a shop that holds stock, with the unit count", async () => {
        const container = getContainer()
        const shop = (await api.post("/admin/shops", shopInput("KM-STK", 25.05, 102.7), { headers })).data.shop
        const { result: products } = await createProductsWorkflow(container).run({
          input: { products: [{ title: "普洱茶 357g", options: [{ title: "规格", values: ["357g"] }], variants: [{ title: "357g", sku: "TEA-357", options: { 规格: "357g" }, manage_inventory: true, prices: [{ currency_code: "cny", amount: 128 }] }] }] },
        })
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const { data: [variant] } = await query.graph({ entity: "variant", fields: ["inventory_items.inventory_item_id"], filters: { id: products[0].variants[0].id } })
        await createInventoryLevelsWorkflow(container).run({
          input: { inventory_levels: [{ inventory_item_id: variant.inventory_items![0]!.inventory_item_id, location_id: shop.stock_location_id, stocked_quantity: 12 }] },
        })

        const close = await api.post(`/admin/shops/${shop.id}`, { status: "closed" }, { headers }).catch((e: any) => e.response)
        expect(close.status).toBe(409)
        expect(close.data).toEqual({ type: "conflict", code: "shop_holds_stock", message: expect.stringContaining("12 units") })
        const del = await api.delete(`/admin/shops/${shop.id}`, { headers }).catch((e: any) => e.response)
        expect(del.status).toBe(409)
        expect((await api.get(`/admin/shops/${shop.id}`, { headers })).data.shop.status).toBe("open")

        const detail = await api.get(`/admin/shops/${shop.id}`, { headers })
        expect(detail.data.shop.stock).toEqual(expect.objectContaining({ skus: 1, units_on_hand: 12, retail_value: 1536 }))
      })

      it("deletes an empty shop with its location, disables its POS channel and stops its tills", async () => {
        const shop = (await api.post("/admin/shops", shopInput("KM-EMPTY", 25.05, 102.7), { headers })).data.shop
        const channels = (await api.get(`/admin/shops/${shop.id}`, { headers })).data.shop.sales_channels
        const token = (await api.post(`/admin/shops/${shop.id}/pos-tokens`, { label: "Till" }, { headers })).data.pos_token.token
        const del = await api.delete(`/admin/shops/${shop.id}`, { headers })
        expect(del.data).toEqual({ id: shop.id, object: "shop", deleted: true })
        const locations = await getContainer().resolve(Modules.STOCK_LOCATION).listStockLocations({ id: shop.stock_location_id })
        expect(locations).toHaveLength(0)
        const [pos] = await getContainer().resolve(Modules.SALES_CHANNEL).listSalesChannels({ id: channels.map((c: any) => c.id) })
        expect(pos.is_disabled).toBe(true)
        const till = await api.get(`/pos/shops/${shop.id}`, { headers: { authorization: `Bearer ${token}` } }).catch((e: any) => e.response)
        expect(till.status).toBe(401)
      })
    })

    describe("Idempotency-Key", () => {
      it("replays the first answer, refuses another body under the same key", async () => {
        const h = { ...headers, "idempotency-key": "create-km-idem-1" }
        const first = await api.post("/admin/shops", shopInput("KM-IDEM", 25, 102.7), { headers: h })
        const again = await api.post("/admin/shops", shopInput("KM-IDEM", 25, 102.7), { headers: h })
        expect(again.status).toBe(201)
        expect(again.headers["idempotent-replayed"]).toBe("true")
        expect(again.data.shop.id).toBe(first.data.shop.id)
        const list = await api.get("/admin/shops?q=KM-IDEM", { headers })
        expect(list.data.count).toBe(1)

        const other = await api.post("/admin/shops", shopInput("KM-IDEM2", 25, 102.7), { headers: h }).catch((e: any) => e.response)
        expect(other.status).toBe(422)
        expect(other.data.code).toBe("idempotency_key_reused")
      })
    })

    describe("CSV import", () => {
      const header = "code,name,kind,status,latitude,longitude,address,city,province,territory_code,floor_area_m2,staff_count,timezone,phone,opening_hours,closures"
      it("reports every row error and imports nothing", async () => {
        const csv = [
          header,
          "DL-001,大理古城店,standard,open,25.69,100.16,古城复兴路 1 号,大理,云南省,,200,8,,0872-1234567,daily 09:00-22:00,",
          "DL-002,大理下关店,huge,open,125.6,100.2,下关 1 号,大理,云南省,NOPE,200,8,,,daily 09:00-22:00,",
        ].join("\n")
        const res = await api.post("/admin/shops/import", { csv }, { headers }).catch((e: any) => e.response)
        expect(res.status).toBe(400)
        const fields = res.data.errors.map((e: any) => `${e.row}:${e.field}`)
        expect(fields).toEqual(expect.arrayContaining(["2:kind", "2:latitude"]))
        expect((await api.get("/admin/shops?q=DL-", { headers })).data.count).toBe(0)
      })

      it("imports a valid file whole", async () => {
        const csv = [
          header,
          "LJ-001,丽江古城店,flagship,open,26.87,100.23,古城区七一街 8 号,丽江,云南省,,800,20,Asia/Shanghai,0888-5123456,mon-fri 09:00-21:30; sat-sun 10:00-22:00,2027-02-06:春节",
          "LJ-002,丽江束河店,mini,planned,26.92,100.21,束河古镇 2 号,丽江,云南省,,60,3,,,daily 10:00-22:00,",
        ].join("\n")
        const res = await api.post("/admin/shops/import", { csv }, { headers })
        expect(res.status).toBe(201)
        expect(res.data.imported).toBe(2)
        const lj = await api.get("/admin/shops?q=LJ-&order=code", { headers })
        expect(lj.data.shops.map((s: any) => s.code)).toEqual(["LJ-001", "LJ-002"])
        expect(lj.data.shops[0].closures).toEqual([{ date: "2027-02-06", reason: "春节" }])
      })
    })

    describe("store: nearest shops with availability", () => {
      it("lists open shops of the key's channels nearest first, with stock, through the js-sdk", async () => {
        const container = getContainer()
        const near = (await api.post("/admin/shops", shopInput("ST-NEAR", 25.045, 102.72, { sales_channel_ids: [online.salesChannelId] }), { headers })).data.shop
        const far = (await api.post("/admin/shops", shopInput("ST-FAR", 25.10, 102.80, { sales_channel_ids: [online.salesChannelId] }), { headers })).data.shop
        await api.post("/admin/shops", shopInput("ST-OTHER", 25.04, 102.72, { sales_channel_ids: [other.salesChannelId] }), { headers })
        await api.post("/admin/shops", shopInput("ST-PLANNED", 25.04, 102.72, { status: "planned", sales_channel_ids: [online.salesChannelId] }), { headers })

        const { result: products } = await createProductsWorkflow(container).run({
          input: { products: [{ title: "鲜花饼礼盒", sales_channels: [{ id: online.salesChannelId }], options: [{ title: "规格", values: ["6枚"] }], variants: [{ title: "6枚", sku: "FLOWER-6", options: { 规格: "6枚" }, manage_inventory: true, prices: [{ currency_code: "cny", amount: 58 }] }] }] },
        })
        const variantId = products[0].variants[0].id
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const { data: [variant] } = await query.graph({ entity: "variant", fields: ["inventory_items.inventory_item_id"], filters: { id: variantId } })
        const itemId = variant.inventory_items![0]!.inventory_item_id
        await createInventoryLevelsWorkflow(container).run({
          input: { inventory_levels: [
            { inventory_item_id: itemId, location_id: near.stock_location_id, stocked_quantity: 2 },
            { inventory_item_id: itemId, location_id: far.stock_location_id, stocked_quantity: 30 },
          ] },
        })

        const sdk = new Medusa({ baseUrl: api.defaults.baseURL!, publishableKey: online.publishableKey })
        const all = await sdk.client.fetch<any>("/store/shops", {
          query: { lat: ORIGIN.lat, lng: ORIGIN.lng, radius_km: 30, variant_id: [variantId] },
        })
        const codes = all.shops.map((s: any) => s.code)
        expect(codes.indexOf("ST-NEAR")).toBeLessThan(codes.indexOf("ST-FAR"))
        expect(codes).not.toContain("ST-OTHER")
        expect(codes).not.toContain("ST-PLANNED")
        const nearRow = all.shops.find((s: any) => s.code === "ST-NEAR")
        expect(nearRow.distance_km).toBeGreaterThan(0.5)
        expect(nearRow.distance_km).toBeLessThan(1)
        expect(nearRow.open_now).toBe(true)
        expect(nearRow.availability).toEqual([{ variant_id: variantId, available_quantity: 2, allow_backorder: false }])

        const enough = await sdk.client.fetch<any>("/store/shops", {
          query: { lat: ORIGIN.lat, lng: ORIGIN.lng, radius_km: 30, variant_id: [variantId], quantity: 5 },
        })
        expect(enough.shops.map((s: any) => s.code)).toEqual(["ST-FAR"])

        // Another storefront doesn't sell this product: it may not ask about its stock.
        const foreign = await api
          .get(`/store/shops?lat=${ORIGIN.lat}&lng=${ORIGIN.lng}&variant_id=${variantId}`, { headers: { "x-publishable-api-key": other.publishableKey } })
          .catch((e: any) => e.response)
        expect(foreign.status).toBe(400)
        expect(foreign.data.message).toContain("variant_id")

        const one = await sdk.client.fetch<any>(`/store/shops/${far.id}`)
        expect(one.shop.code).toBe("ST-FAR")
        const hidden = await api
          .get(`/store/shops/${far.id}`, { headers: { "x-publishable-api-key": other.publishableKey } })
          .catch((e: any) => e.response)
        expect(hidden.status).toBe(404)
      })

      it("reports untracked variants as always available and lets a plugin replace the ranking", async () => {
        const container = getContainer()
        await api.post("/admin/shops", shopInput("RK-NEAR", 25.045, 102.72, { sales_channel_ids: [online.salesChannelId] }), { headers })
        await api.post("/admin/shops", shopInput("RK-FAR", 25.10, 102.80, { sales_channel_ids: [online.salesChannelId] }), { headers })
        const { result: products } = await createProductsWorkflow(container).run({
          input: { products: [{ title: "包装服务", sales_channels: [{ id: online.salesChannelId }], options: [{ title: "种类", values: ["礼盒"] }], variants: [{ title: "礼盒", sku: "WRAP-1", options: { 种类: "礼盒" }, manage_inventory: false, prices: [{ currency_code: "cny", amount: 5 }] }] }] },
        })
        const wrapId = products[0].variants[0].id
        const key = { "x-publishable-api-key": online.publishableKey }
        const url = `/store/shops?lat=${ORIGIN.lat}&lng=${ORIGIN.lng}&radius_km=30&variant_id=${wrapId}&quantity=500`
        const res = await api.get(url, { headers: key })
        expect(res.data.shops.map((s: any) => s.code)).toEqual(["RK-NEAR", "RK-FAR"])
        expect(res.data.shops[0].availability).toEqual([{ variant_id: wrapId, available_quantity: null, allow_backorder: false }])

        const farthestFirst = { rank: (c: any[]) => [...c].sort((a, b) => b.distance_km - a.distance_km) }
        container.register("shopRankingStrategy", asValue(farthestFirst))
        try {
          const ranked = await api.get(url, { headers: key })
          expect(ranked.data.shops.map((s: any) => s.code)).toEqual(["RK-FAR", "RK-NEAR"])
        } finally {
          container.register("shopRankingStrategy", asValue(null))
        }
      })

      it("needs a publishable key and valid coordinates", async () => {
        const noKey = await api.get("/store/shops?lat=25&lng=102").catch((e: any) => e.response)
        expect(noKey.status).toBe(400)
        const bad = await api
          .get("/store/shops?lat=abc&lng=102", { headers: { "x-publishable-api-key": online.publishableKey } })
          .catch((e: any) => e.response)
        expect(bad.status).toBe(400)
        expect(bad.data.message).toContain("lat")
      })
    })

    describe("POS tokens", () => {
      it("reach only their own shop and stop working when revoked", async () => {
        const a = (await api.post("/admin/shops", shopInput("POS-A", 25, 102.7), { headers })).data.shop
        const b = (await api.post("/admin/shops", shopInput("POS-B", 25, 102.7), { headers })).data.shop
        const issued = await api.post(`/admin/shops/${a.id}/pos-tokens`, { label: "Till 1" }, { headers })
        const token = issued.data.pos_token.token
        expect(token).toMatch(/^pos_/)
        // A retry with the same key must not hand the token out again: it is never kept at rest.
        const keyed = { ...headers, "idempotency-key": "issue-till-2" }
        const once = await api.post(`/admin/shops/${a.id}/pos-tokens`, { label: "Till 2" }, { headers: keyed })
        expect(once.data.pos_token.token).toMatch(/^pos_/)
        const replay = await api.post(`/admin/shops/${a.id}/pos-tokens`, { label: "Till 2" }, { headers: keyed })
        expect(replay.headers["idempotent-replayed"]).toBe("true")
        expect(replay.data.pos_token).toEqual(expect.objectContaining({ id: once.data.pos_token.id, token: null }))

        const listed = await api.get(`/admin/shops/${a.id}/pos-tokens`, { headers })
        expect(listed.data.pos_tokens).toHaveLength(2)
        expect(listed.data.pos_tokens[0]).not.toHaveProperty("token")
        expect(listed.data.pos_tokens[0]).not.toHaveProperty("token_hash")

        const pos = { authorization: `Bearer ${token}` }
        expect((await api.get(`/pos/shops/${a.id}`, { headers: pos })).data.shop.code).toBe("POS-A")
        const foreign = await api.get(`/pos/shops/${b.id}`, { headers: pos }).catch((e: any) => e.response)
        expect(foreign.status).toBe(403)
        const adminRoute = await api.get("/admin/shops", { headers: pos }).catch((e: any) => e.response)
        expect(adminRoute.status).toBe(401)

        await api.delete(`/admin/shops/${a.id}/pos-tokens/${issued.data.pos_token.id}`, { headers })
        const revoked = await api.get(`/pos/shops/${a.id}`, { headers: pos }).catch((e: any) => e.response)
        expect(revoked.status).toBe(401)
      })
    })
  },
})
