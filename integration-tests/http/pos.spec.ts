import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { adminHeaders } from "../helpers/admin"
import { chinaMarket, levelAt, productWithStock } from "../helpers/catalog"

jest.setTimeout(180_000)

const shopInput = (code: string) => ({
  code,
  name: `门店${code}`,
  kind: "standard",
  status: "open",
  latitude: 25.04,
  longitude: 102.72,
  city: "昆明",
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let shopA: any
    let shopB: any
    let pos: Record<string, string>
    let product: { variantId: string; inventoryItemId: string }

    beforeAll(async () => {
      const container = getContainer()
      headers = await adminHeaders(container)
      const { shippingProfileId } = await chinaMarket(container)
      shopA = (await api.post("/admin/shops", shopInput("POS-A"), { headers })).data.shop
      shopB = (await api.post("/admin/shops", shopInput("POS-B"), { headers })).data.shop
      const detail = (await api.get(`/admin/shops/${shopA.id}`, { headers })).data.shop
      product = await productWithStock(container, {
        sku: "TEA-POS",
        price: 69,
        shippingProfileId,
        salesChannelIds: detail.sales_channels.map((c: any) => c.id),
        stock: [{ location_id: shopA.stock_location_id, quantity: 10 }],
      })
      const token = (await api.post(`/admin/shops/${shopA.id}/pos-tokens`, { label: "Till 1" }, { headers })).data.pos_token.token
      pos = { authorization: `Bearer ${token}` }
    })

    it("makes a paid, fulfilled, completed order at the till's shop, once per Idempotency-Key", async () => {
      const sale = { items: [{ variant_id: product.variantId, quantity: 2 }], payment_method: "wechat_pay" }
      const h = { ...pos, "idempotency-key": "till-1-sale-0001" }
      const first = await api.post("/pos/orders", sale, { headers: h })
      expect(first.status).toBe(201)
      const order = first.data.order
      expect(order.status).toBe("completed")
      expect(order.total).toBe(138)
      expect(order.metadata).toEqual(expect.objectContaining({ channel: "pos", shop_id: shopA.id, payment_method: "wechat_pay" }))
      expect(order.fulfillments).toHaveLength(1)
      expect(order.fulfillments[0].location_id).toBe(shopA.stock_location_id)
      expect(order.fulfillments[0].delivered_at).toBeTruthy()
      expect(order.payment_collections[0].status).toBe("completed")

      const again = await api.post("/pos/orders", sale, { headers: h })
      expect(again.headers["idempotent-replayed"]).toBe("true")
      expect(again.data.order.id).toBe(order.id)

      // Sold twice would leave 6; the retry sold nothing.
      expect(await levelAt(getContainer(), product.inventoryItemId, shopA.stock_location_id)).toEqual({ stocked: 8, reserved: 0 })

      const readBack = await api.get(`/pos/orders/${order.id}`, { headers: pos })
      expect(readBack.data.order.id).toBe(order.id)
      const admin = await api.get(`/admin/orders/${order.id}?fields=id,sales_channel_id`, { headers })
      expect(admin.data.order.sales_channel_id).toBe(order.sales_channel_id)
    })

    it("refuses a sale larger than the shop's stock and leaves nothing behind", async () => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const before = (await query.graph({ entity: "order", fields: ["id"] })).data.length
      const res = await api
        .post("/pos/orders", { items: [{ variant_id: product.variantId, quantity: 50 }], payment_method: "cash" }, { headers: { ...pos, "idempotency-key": "too-many" } })
        .catch((e: any) => e.response)
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/stock|inventory/i)
      expect((await query.graph({ entity: "order", fields: ["id"] })).data.length).toBe(before)
      // Each test starts from the suite's baseline (the runner restores the database), so 10.
      expect(await levelAt(getContainer(), product.inventoryItemId, shopA.stock_location_id)).toEqual({ stocked: 10, reserved: 0 })
    })

    it("keeps a till to its own shop and validates the sale", async () => {
      const keyed = (k: string) => ({ ...pos, "idempotency-key": k })
      const foreign = await api
        .post("/pos/orders", { shop_id: shopB.id, items: [{ variant_id: product.variantId, quantity: 1 }], payment_method: "cash" }, { headers: keyed("f-1") })
        .catch((e: any) => e.response)
      expect(foreign.status).toBe(403)
      const bad = await api
        .post("/pos/orders", { items: [], payment_method: "bitcoin" }, { headers: keyed("b-1") })
        .catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      const unkeyed = await api
        .post("/pos/orders", { items: [{ variant_id: product.variantId, quantity: 1 }], payment_method: "cash" }, { headers: pos })
        .catch((e: any) => e.response)
      expect(unkeyed.status).toBe(400)
      expect(unkeyed.data.message).toContain("Idempotency-Key")
      const noToken = await api.post("/pos/orders", { items: [] }).catch((e: any) => e.response)
      expect(noToken.status).toBe(401)
      const secretKeyIsNotATill = await api.post("/pos/orders", { items: [] }, { headers }).catch((e: any) => e.response)
      expect(secretKeyIsNotATill.status).toBe(401)
    })
  },
})
