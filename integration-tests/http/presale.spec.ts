import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createOrderFulfillmentWorkflow } from "@medusajs/medusa/core-flows"
import { adminHeaders, storefront } from "../helpers/admin"
import { levelAt } from "../helpers/catalog"
import { createPresale, depositTerms, openToAll, presaleMarket, presaleShopper, storeCall } from "../helpers/presale"
import { signedInShopper } from "../helpers/membership"
import { PRESALE_MODULE } from "../../src/modules/presale"
import { reconcileCampaign, runPresaleLifecycle } from "../../src/workflows/presale"
import { until } from "../helpers/until"

jest.setTimeout(300_000)

const HOUR = 3_600_000

/** PostgreSQL alone as the gate (no REDIS_URL): the conditional counter update decides. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let online: { salesChannelId: string; publishableKey: string }
    let market: Awaited<ReturnType<typeof presaleMarket>>
    let baseUrl: string

    beforeAll(async () => {
      const container = getContainer()
      headers = await adminHeaders(container)
      online = await storefront(container, "Online")
      market = await presaleMarket(container, api, headers, online.salesChannelId)
      baseUrl = api.defaults.baseURL as string
    })

    const shopper = (email: string, tier?: string) => presaleShopper(getContainer(), baseUrl, online.publishableKey, email, tier ? market.tiers[tier].id : undefined)
    const reserve = (token: string, id: string, body: Record<string, unknown>, key = `k-${Math.random()}`) =>
      storeCall(baseUrl, online.publishableKey, token, `/store/presales/${id}/reservations`, body, key)
    const presaleLocation = async (id: string) => (await api.get(`/admin/presales/${id}`, { headers })).data.presale.location_id as string

    it("500 parallel reservations for 100 units: exactly 100 succeed, the rest get a clear sold out, and 100 orders wait at the presale location", async () => {
      const presale = await createPresale(api, headers, { items: [{ variant_id: market.sneaker.variantId, quantity: 100, price: 999 }], windows: openToAll(), buckets: 4 })
      const shoppers = await Promise.all(Array.from({ length: 25 }, (_, i) => shopper(`p${i}@example.com`)))
      const results = await Promise.all(Array.from({ length: 500 }, (_, i) => reserve(shoppers[i % 25].token, presale.id, { variant_id: market.sneaker.variantId, quantity: 1 })))
      const ok = results.filter((r) => r.status === 201)
      const refused = results.filter((r) => r.status === 409)
      expect(ok).toHaveLength(100)
      expect(refused).toHaveLength(400)
      expect(new Set(refused.map((r) => r.body.code))).toEqual(new Set(["presale_sold_out"]))
      expect(refused[0].body.message).toBe("Sold out")
      expect(ok.every((r) => r.body.reservation.order_id)).toBe(true)

      const view = (await api.get(`/admin/presales/${presale.id}`, { headers })).data.presale
      expect(view.items[0].sold).toBe(100)
      expect(await levelAt(getContainer(), market.sneaker.inventoryItemId, view.location_id)).toEqual({ stocked: 100, reserved: 100 })
      const report = await reconcileCampaign(getContainer(), presale.id)
      expect(report).toMatchObject({ oversold: 0, disagreements: [] })
      // The presale location is in no channel: checkout can't sell from it.
      const { data: [loc] } = await getContainer().resolve("query").graph({ entity: "stock_location", fields: ["id", "sales_channels.id"], filters: { id: view.location_id } })
      expect(loc.sales_channels ?? []).toHaveLength(0)
    })

    it("holds the per-member limit under parallel requests from one member, and a retried key returns the first answer", async () => {
      const presale = await createPresale(api, headers, { items: [{ variant_id: market.sneaker.variantId, quantity: 50, price: 999 }], windows: openToAll(), per_member_limit: 2 })
      const s = await shopper("one@example.com", "normal")
      const results = await Promise.all(Array.from({ length: 20 }, () => reserve(s.token, presale.id, { variant_id: market.sneaker.variantId, quantity: 1 })))
      expect(results.filter((r) => r.status === 201)).toHaveLength(2)
      expect(new Set(results.filter((r) => r.status !== 201).map((r) => r.body.code))).toEqual(new Set(["presale_member_limit"]))

      const other = await shopper("retry@example.com")
      const first = await reserve(other.token, presale.id, { variant_id: market.sneaker.variantId, quantity: 1 }, "tap-1")
      const again = await reserve(other.token, presale.id, { variant_id: market.sneaker.variantId, quantity: 1 }, "tap-1")
      expect(first.status).toBe(201)
      expect(again).toEqual(first)
      expect((await api.get(`/admin/presales/${presale.id}`, { headers })).data.presale.items[0].sold).toBe(3)

      // A server died after reserving and before answering: its claim is left in progress. The
      // client's retry on another server takes it over and gets that reservation, not a second.
      const crashed = await reserve(other.token, presale.id, { variant_id: market.sneaker.variantId, quantity: 1 }, "tap-2")
      await getContainer()
        .resolve(ContainerRegistrationKeys.PG_CONNECTION)
        .raw(`UPDATE idempotency_key SET status = 'in_progress', response_status = NULL, response_body = NULL, updated_at = now() - interval '1 minute' WHERE key = 'tap-2'`)
      const retried = await reserve(other.token, presale.id, { variant_id: market.sneaker.variantId, quantity: 1 }, "tap-2")
      expect(retried.status).toBe(201)
      expect(retried.body.reservation.id).toBe(crashed.body.reservation.id)
      expect((await api.get(`/admin/presales/${presale.id}`, { headers })).data.presale.items[0].sold).toBe(4)
    })

    it("refuses a 金卡 member before the 金卡 window with its opening time, and serves 钻石 from T0", async () => {
      const t0 = Date.now() - 60_000
      const goldOpens = new Date(t0 + 2 * HOUR).toISOString()
      const presale = await createPresale(api, headers, {
        items: [{ variant_id: market.sneaker.variantId, quantity: 10, price: 999 }],
        windows: [
          { opens_at: new Date(t0).toISOString(), tier_id: market.tiers.diamond.id, share: 0.4, label: "钻石" },
          { opens_at: goldOpens, tier_id: market.tiers.gold.id, share: 0.3, label: "金卡" },
          { opens_at: new Date(t0 + 6 * HOUR).toISOString(), tier_id: null, share: null, label: "所有人" },
        ],
      })
      const gold = await shopper("gold@example.com", "gold")
      const refused = await reserve(gold.token, presale.id, { variant_id: market.sneaker.variantId, quantity: 1 })
      expect(refused.status).toBe(409)
      expect(refused.body).toMatchObject({ code: "presale_window_not_open", opens_at: goldOpens })

      const diamond = await shopper("diamond@example.com", "diamond")
      const four = await Promise.all(Array.from({ length: 5 }, () => reserve(diamond.token, presale.id, { variant_id: market.sneaker.variantId, quantity: 1 })))
      // 40 % of 10 is open so far.
      expect(four.filter((r) => r.status === 201)).toHaveLength(4)
      const fifth = four.find((r) => r.status === 409)!
      expect(fifth.body).toMatchObject({ code: "presale_sold_out", next_window_opens_at: goldOpens })
      const seen = await storeCall(baseUrl, online.publishableKey, gold.token, `/store/presales/${presale.id}`)
      expect(seen.body.presale.my_window).toMatchObject({ open: false, opens_at: goldOpens })
    })

    it("an unpaid reservation expires, returns its quota, cancels its order, and the waitlist gets the unit", async () => {
      const presale = await createPresale(api, headers, { items: [{ variant_id: market.sneaker.variantId, quantity: 1, price: 999 }], windows: openToAll(), payment_ttl_minutes: 15 })
      const a = await shopper("a@example.com")
      const b = await shopper("b@example.com")
      const held = await reserve(a.token, presale.id, { variant_id: market.sneaker.variantId, quantity: 1 })
      expect(held.status).toBe(201)
      expect((await reserve(b.token, presale.id, { variant_id: market.sneaker.variantId, quantity: 1 })).body.code).toBe("presale_sold_out")
      const joined = await storeCall(baseUrl, online.publishableKey, b.token, `/store/presales/${presale.id}/waitlist`, { variant_id: market.sneaker.variantId, quantity: 1 })
      expect(joined.status).toBe(201)

      const report = await runPresaleLifecycle(getContainer(), new Date(Date.now() + 16 * 60_000))
      expect(report).toMatchObject({ expired: 1, failed: [] })
      const { data: [order] } = await getContainer().resolve("query").graph({ entity: "order", fields: ["status"], filters: { id: held.body.reservation.order_id } })
      expect(order.status).toBe("canceled")
      const mine = await until(
        () => storeCall(baseUrl, online.publishableKey, b.token, `/store/presale-reservations`),
        (r) => r.body.reservations.length === 1
      )
      expect(mine.body.reservations[0]).toMatchObject({ status: "reserved", quantity: 1 })
      const told = await until(
        () => getContainer().resolve(Modules.NOTIFICATION).listNotifications({ template: "presale-waitlist-promoted" } as any),
        (n) => n.length === 1
      )
      expect(told[0]).toMatchObject({ receiver_id: b.customer.id, resource_id: mine.body.reservations[0].id })
      const expired = await storeCall(baseUrl, online.publishableKey, a.token, `/store/presale-reservations/${held.body.reservation.id}`)
      expect(expired.body.reservation.status).toBe("expired")
      expect((await reconcileCampaign(getContainer(), presale.id)).disagreements).toEqual([])
    })

    it("deposit 定金膨胀 then balance, conversion moves the order's reservation to the shop that has the stock, and Medusa fulfils it from there", async () => {
      const [option] = await getContainer().resolve(Modules.FULFILLMENT).listShippingOptions({}, { take: 1 })
      const presale = await createPresale(api, headers, {
        shipping_option_id: option.id,
        items: [{ variant_id: market.sneaker.variantId, quantity: 5, price: 300 }],
        windows: openToAll(),
        ...depositTerms(-1),
      })
      const s = await shopper("deposit@example.com", "normal")
      const r = (await reserve(s.token, presale.id, { variant_id: market.sneaker.variantId, quantity: 2 })).body.reservation
      expect(r).toMatchObject({ total: 500, first_payment: 100, balance: 400 })
      const orderModule = getContainer().resolve(Modules.ORDER)
      const order = await orderModule.retrieveOrder(r.order_id, { select: ["id", "total"], relations: ["items"] })
      expect(Number(order.total)).toBe(500)

      const deposit = await storeCall(baseUrl, online.publishableKey, s.token, `/store/presale-reservations/${r.id}/payments`, {})
      expect(deposit.status).toBe(200)
      expect(deposit.body.reservation.status).toBe("deposit_paid")
      const balance = await storeCall(baseUrl, online.publishableKey, s.token, `/store/presale-reservations/${r.id}/payments`, {})
      expect(balance.body).toMatchObject({ reservation: { status: "paid" }, payment: { stage: "balance", amount: 400 } })
      const { data: [paid] } = await getContainer().resolve("query").graph({ entity: "order", fields: ["payment_collections.amount", "payment_collections.status"], filters: { id: r.order_id } })
      expect(paid.payment_collections!.map((c: any) => Number(c.amount)).sort()).toEqual([100, 400])

      // Nothing to convert into yet.
      expect((await api.post(`/admin/presales/${presale.id}/convert`, {}, { headers })).data.conversion).toMatchObject({ converted: 0, waiting: 1 })
      await getContainer().resolve(Modules.INVENTORY).createInventoryLevels([{ inventory_item_id: market.sneaker.inventoryItemId, location_id: market.shop.stock_location_id, stocked_quantity: 10 }])
      expect((await api.post(`/admin/presales/${presale.id}/convert`, {}, { headers })).data.conversion).toMatchObject({ converted: 1, waiting: 0 })

      const location = await presaleLocation(presale.id)
      expect(await levelAt(getContainer(), market.sneaker.inventoryItemId, market.shop.stock_location_id)).toEqual({ stocked: 10, reserved: 2 })
      expect(await levelAt(getContainer(), market.sneaker.inventoryItemId, location)).toEqual({ stocked: 3, reserved: 0 })
      const after = await storeCall(baseUrl, online.publishableKey, s.token, `/store/presale-reservations/${r.id}`)
      expect(after.body.reservation).toMatchObject({ status: "converted", location_id: market.shop.stock_location_id })

      const { result: fulfillment } = await createOrderFulfillmentWorkflow(getContainer()).run({
        input: { order_id: r.order_id, location_id: market.shop.stock_location_id, items: [{ id: order.items![0].id, quantity: 2 }] },
      })
      expect(fulfillment.location_id).toBe(market.shop.stock_location_id)
      expect(await levelAt(getContainer(), market.sneaker.inventoryItemId, market.shop.stock_location_id)).toEqual({ stocked: 8, reserved: 0 })
    })

    it("a customer's cancellation after the deposit refunds it and gives the units back; a ship-date change is announced", async () => {
      const presale = await createPresale(api, headers, {
        items: [{ variant_id: market.sneaker.variantId, quantity: 3, price: 300 }],
        windows: openToAll(),
        ...depositTerms(1),
      })
      const s = await shopper("cancel@example.com")
      const r = (await reserve(s.token, presale.id, { variant_id: market.sneaker.variantId, quantity: 1 })).body.reservation
      await storeCall(baseUrl, online.publishableKey, s.token, `/store/presale-reservations/${r.id}/payments`, {})
      const early = await storeCall(baseUrl, online.publishableKey, s.token, `/store/presale-reservations/${r.id}/payments`, {})
      expect(early.body.code).toBe("presale_balance_not_open")

      const shipDate = new Date(Date.now() + 60 * 24 * HOUR).toISOString()
      await api.post(`/admin/presales/${presale.id}`, { ship_date: shipDate }, { headers })
      const notices = await until(
        () => getContainer().resolve(Modules.NOTIFICATION).listNotifications({ template: "presale-ship-date-changed" } as any),
        (n) => n.length === 1
      )
      expect(notices[0]).toMatchObject({ receiver_id: s.customer.id, data: expect.objectContaining({ ship_date: shipDate }) })

      const canceled = await storeCall(baseUrl, online.publishableKey, s.token, `/store/presale-reservations/${r.id}/cancel`, {})
      expect(canceled.body.reservation.status).toBe("canceled")
      const { data: [order] } = await getContainer().resolve("query").graph({
        entity: "order",
        fields: ["status", "payment_collections.payments.refunds.amount"],
        filters: { id: r.order_id },
      })
      expect(order.status).toBe("canceled")
      expect(order.payment_collections!.flatMap((c: any) => c.payments.flatMap((p: any) => p.refunds.map((x: any) => Number(x.amount))))).toEqual([50])
      expect((await api.get(`/admin/presales/${presale.id}`, { headers })).data.presale.items[0].sold).toBe(0)
    })

    it("limits per phone number and per sales channel, and forfeits a deposit whose balance was not paid in its window", async () => {
      const capped = await createPresale(api, headers, {
        items: [{ variant_id: market.sneaker.variantId, quantity: 20, price: 300 }],
        windows: openToAll(),
        per_phone_limit: 1,
        channel_caps: { [online.salesChannelId]: 2 },
      })
      const [one, two, three] = await Promise.all(
        ["13800001111", "138 0000 1111", "13800002222"].map((phone, i) => signedInShopper(baseUrl, online.publishableKey, `phone${i}@example.com`, { phone }))
      )
      const noPhone = await shopper("nophone@example.com")
      expect((await reserve(noPhone.token, capped.id, { variant_id: market.sneaker.variantId, quantity: 1 })).body.code).toBe("presale_phone_required")
      expect((await reserve(one.token, capped.id, { variant_id: market.sneaker.variantId, quantity: 1 })).status).toBe(201)
      // The same number written another way is the same phone.
      expect((await reserve(two.token, capped.id, { variant_id: market.sneaker.variantId, quantity: 1 })).body.code).toBe("presale_phone_limit")
      expect((await reserve(three.token, capped.id, { variant_id: market.sneaker.variantId, quantity: 1 })).status).toBe(201)
      const fourth = await signedInShopper(baseUrl, online.publishableKey, "phone3@example.com", { phone: "13800003333" })
      expect((await reserve(fourth.token, capped.id, { variant_id: market.sneaker.variantId, quantity: 1 })).body.code).toBe("presale_channel_cap")

      const closesAt = Date.now() + 2 * HOUR
      const deposit = await createPresale(api, headers, {
        items: [{ variant_id: market.sneaker.variantId, quantity: 3, price: 300 }],
        windows: openToAll(),
        ...depositTerms(-1, closesAt),
      })
      const late = await shopper("late@example.com")
      const r = (await reserve(late.token, deposit.id, { variant_id: market.sneaker.variantId, quantity: 1 })).body.reservation
      expect((await storeCall(baseUrl, online.publishableKey, late.token, `/store/presale-reservations/${r.id}/payments`, {})).body.reservation.status).toBe("deposit_paid")
      expect(await runPresaleLifecycle(getContainer(), new Date(closesAt + 60_000))).toMatchObject({ forfeited: 1, expired: 2, failed: [] })
      const after = await storeCall(baseUrl, online.publishableKey, late.token, `/store/presale-reservations/${r.id}`)
      expect(after.body.reservation).toMatchObject({ status: "forfeited", end_reason: "forfeited" })
      const { data: [order] } = await getContainer().resolve("query").graph({
        entity: "order",
        fields: ["status", "payment_collections.payments.captured_amount", "payment_collections.payments.refunds.id"],
        filters: { id: r.order_id },
      })
      // Canceled, the deposit kept: captured, nothing refunded.
      expect(order.status).toBe("canceled")
      expect(order.payment_collections!.flatMap((c: any) => c.payments.flatMap((p: any) => p.refunds))).toEqual([])
      expect((await api.get(`/admin/presales/${deposit.id}`, { headers })).data.presale.items[0].sold).toBe(0)
      // The first presale's two unpaid reservations expired in the same sweep: nothing is left reserved.
      expect(await levelAt(getContainer(), market.sneaker.inventoryItemId, await presaleLocation(deposit.id))).toMatchObject({ reserved: 0 })
    })

    it("refuses bad campaigns with the field named and changes nothing", async () => {
      const bad = await api
        .post("/admin/presales", { title: "x", ship_date: new Date().toISOString(), items: [{ variant_id: market.sneaker.variantId, quantity: 5, price: 300 }], windows: [{ opens_at: new Date().toISOString(), share: 0.7 }, { opens_at: new Date(Date.now() + HOUR).toISOString(), share: 0.5 }] }, { headers })
        .catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/shares add up to 120 %/)
      const deposit = await api
        .post("/admin/presales", { title: "x", ship_date: new Date().toISOString(), payment_mode: "deposit", deposit: 50, deposit_value: 400, balance_opens_at: new Date().toISOString(), balance_closes_at: new Date(Date.now() + HOUR).toISOString(), items: [{ variant_id: market.sneaker.variantId, quantity: 5, price: 300 }], windows: openToAll() }, { headers })
        .catch((e: any) => e.response)
      expect(deposit.status).toBe(400)
      expect(deposit.data.message).toMatch(/deposit_value: at most the price/)
      expect((await getContainer().resolve<any>(PRESALE_MODULE).listPresaleCampaigns({})).length).toBe(0)
    })
  },
})
