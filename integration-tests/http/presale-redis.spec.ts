import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Redis from "ioredis"
import { adminHeaders, storefront } from "../helpers/admin"
import { levelAt } from "../helpers/catalog"
import { createPresale, openToAll, presaleMarket, presaleShopper, storeCall } from "../helpers/presale"
import { describeWhen, envForSuite, services } from "../helpers/services"
import { PRESALE_MODULE } from "../../src/modules/presale"
import { reconcileCampaign } from "../../src/workflows/presale"

jest.setTimeout(300_000)

/**
 * With REDIS_URL the Redis Lua gate answers first and PostgreSQL's conditional update stays the
 * truth: what the gate lets through by mistake is refused there, and a gate that lost its keys
 * primes itself again from the database.
 */
describeWhen(services.redis, "presale with the Redis gate", () => {
  envForSuite({ REDIS_URL: services.redisUrl })

  medusaIntegrationTestRunner({
    testSuite: ({ api, getContainer }) => {
      let headers: Record<string, string>
      let online: { salesChannelId: string; publishableKey: string }
      let market: Awaited<ReturnType<typeof presaleMarket>>
      let baseUrl: string
      let redis: Redis

      beforeAll(async () => {
        const container = getContainer()
        headers = await adminHeaders(container)
        online = await storefront(container, "Online")
        market = await presaleMarket(container, api, headers, online.salesChannelId)
        baseUrl = api.defaults.baseURL as string
        redis = new Redis(services.redisUrl)
      })
      afterAll(() => redis?.disconnect())

      const shopper = (email: string, tier?: string) => presaleShopper(getContainer(), baseUrl, online.publishableKey, email, tier ? market.tiers[tier].id : undefined)
      const reserve = (token: string, id: string, quantity = 1) =>
        storeCall(baseUrl, online.publishableKey, token, `/store/presales/${id}/reservations`, { variant_id: market.sneaker.variantId, quantity }, `k-${Math.random()}`)
      const soldOf = async (id: string) => (await api.get(`/admin/presales/${id}`, { headers })).data.presale.items[0].sold as number
      const gateKeys = (id: string) => redis.keys(`presale:{${id}}:*`)

      it("500 parallel reservations for 100 units: exactly 100, the gate and the database agree", async () => {
        expect(getContainer().resolve<any>(PRESALE_MODULE).gate()).not.toBeNull()
        const presale = await createPresale(api, headers, { items: [{ variant_id: market.sneaker.variantId, quantity: 100, price: 999 }], windows: openToAll() })
        const shoppers = await Promise.all(Array.from({ length: 25 }, (_, i) => shopper(`r${i}@example.com`)))
        const results = await Promise.all(Array.from({ length: 500 }, (_, i) => reserve(shoppers[i % 25].token, presale.id)))
        expect(results.filter((r) => r.status === 201)).toHaveLength(100)
        expect(new Set(results.filter((r) => r.status !== 201).map((r) => r.body.code))).toEqual(new Set(["presale_sold_out"]))
        expect(await soldOf(presale.id)).toBe(100)
        const item = (await api.get(`/admin/presales/${presale.id}`, { headers })).data.presale.items[0]
        expect(Number(await redis.get(`presale:{${presale.id}}:sold:${item.id}`))).toBe(100)
        expect(await reconcileCampaign(getContainer(), presale.id)).toMatchObject({ oversold: 0, gate: "agrees", disagreements: [] })
      })

      it("holds the per-member limit in parallel at the gate", async () => {
        const presale = await createPresale(api, headers, { items: [{ variant_id: market.sneaker.variantId, quantity: 50, price: 999 }], windows: openToAll(), per_member_limit: 3 })
        const s = await shopper("limit@example.com", "normal")
        const results = await Promise.all(Array.from({ length: 30 }, () => reserve(s.token, presale.id)))
        expect(results.filter((r) => r.status === 201)).toHaveLength(3)
        expect(new Set(results.filter((r) => r.status !== 201).map((r) => r.body.code))).toEqual(new Set(["presale_member_limit"]))
        expect(await reconcileCampaign(getContainer(), presale.id)).toMatchObject({ gate: "agrees", disagreements: [] })
      })

      it("PostgreSQL stays the truth: a gate that undercounts still can't oversell, a gate that lost its keys primes again, reconcile repairs", async () => {
        const presale = await createPresale(api, headers, { items: [{ variant_id: market.sneaker.variantId, quantity: 5, price: 999 }], windows: openToAll() })
        const shoppers = await Promise.all(Array.from({ length: 5 }, (_, i) => shopper(`t${i}@example.com`)))
        for (const s of shoppers.slice(0, 3)) expect((await reserve(s.token, presale.id)).status).toBe(201)

        // Redis loses the campaign (a flush, a failover): the next call primes from the database.
        await redis.del(...(await gateKeys(presale.id)))
        const more = await Promise.all([reserve(shoppers[3].token, presale.id), reserve(shoppers[4].token, presale.id), reserve(shoppers[4].token, presale.id)])
        expect(more.filter((r) => r.status === 201)).toHaveLength(2)
        expect(await soldOf(presale.id)).toBe(5)

        // The gate thinks nothing was sold: it lets requests through, and the database refuses them.
        const item = (await api.get(`/admin/presales/${presale.id}`, { headers })).data.presale.items[0]
        await redis.set(`presale:{${presale.id}}:sold:${item.id}`, "0")
        const late = await shopper("late@example.com")
        const refused = await reserve(late.token, presale.id)
        expect(refused).toMatchObject({ status: 409, body: { code: "presale_sold_out" } })
        expect(await soldOf(presale.id)).toBe(5)

        const report = await reconcileCampaign(getContainer(), presale.id)
        expect(report).toMatchObject({ oversold: 0, gate: "disagrees" })
        expect(report.disagreements).toEqual([{ what: `presale:{${presale.id}}:sold:${item.id}`, database: 5, other: 0, source: "gate" }])
        expect(await reconcileCampaign(getContainer(), presale.id, true)).toMatchObject({ fixed: true })
        expect(await reconcileCampaign(getContainer(), presale.id)).toMatchObject({ gate: "agrees", disagreements: [] })
      })

      it("a campaign canceled while shoppers reserve in parallel: nothing is left open, and the gate and the database agree at zero", async () => {
        const presale = await createPresale(api, headers, { items: [{ variant_id: market.sneaker.variantId, quantity: 100, price: 999 }], windows: openToAll() })
        const shoppers = await Promise.all(Array.from({ length: 20 }, (_, i) => shopper(`c${i}@example.com`)))
        const rush = Promise.all(Array.from({ length: 200 }, (_, i) => reserve(shoppers[i % 20].token, presale.id)))
        await new Promise((r) => setTimeout(r, 150))
        const cancel = () => api.post(`/admin/presales/${presale.id}/cancel`, {}, { headers }).catch((e: any) => e.response)
        const first = await cancel()
        const results = await rush
        expect(first.status).toBe(200)
        // Whatever the rush got before the stop, and any reservation whose claim committed just after
        // the cancellation read the list, is ended by the next call (or the minute job).
        const done = await cancel()
        expect(done.data.cancellation).toMatchObject({ complete: true, remaining: 0, failures: [] })
        const made = results.filter((r) => r.status === 201)
        for (const r of results.filter((r) => r.status !== 201)) expect(["presale_sold_out", "presale_not_active"]).toContain(r.body.code)
        expect(done.data.cancellation.canceled).toBe(made.length)
        const rows = await getContainer().resolve<any>(PRESALE_MODULE).listPresaleReservations({ campaign_id: presale.id })
        expect(rows.map((r: any) => r.status).filter((s: string) => s !== "canceled")).toEqual([])
        // No live order was left behind by a reservation ended while its order was being made.
        const orderIds = rows.map((r: any) => r.order_id).filter(Boolean)
        const { data: orders } = orderIds.length ? await getContainer().resolve("query").graph({ entity: "order", fields: ["id", "status"], filters: { id: orderIds } }) : { data: [] as any[] }
        expect((orders as any[]).filter((o) => o.status !== "canceled")).toEqual([])
        expect(await levelAt(getContainer(), market.sneaker.inventoryItemId, presale.location_id)).toEqual({ stocked: 0, reserved: 0 })
        expect(await soldOf(presale.id)).toBe(0)
        expect(await reconcileCampaign(getContainer(), presale.id)).toMatchObject({ oversold: 0, gate: "agrees", disagreements: [] })
        expect((await reserve(shoppers[0].token, presale.id)).body).toMatchObject({ code: "presale_not_active", presale_status: "canceled" })
      })
    },
  })
})
