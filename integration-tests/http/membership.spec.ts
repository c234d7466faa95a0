import Medusa, { FetchError } from "@medusajs/js-sdk"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createOrderFulfillmentWorkflow, createShippingOptionsWorkflow } from "@medusajs/medusa/core-flows"
import { adminHeaders, storefront } from "../helpers/admin"
import { joinMembership, membershipMarket, signedInShopper } from "../helpers/membership"
import { MEMBERSHIP_MODULE } from "../../src/modules/membership"
import type MembershipModuleService from "../../src/modules/membership/service"
import { earnOrderPointsWorkflow, maturePointsWorkflow } from "../../src/workflows/membership"
import membershipAnniversary from "../../src/jobs/membership-anniversary"
import { syncTierGroup } from "../../src/workflows/membership/steps/apply-tier"
import { until } from "../helpers/until"

jest.setTimeout(240_000)

const DAY = 86_400_000
const ADDRESS = { first_name: "小", last_name: "李", address_1: "人民广场 1 号", city: "上海", country_code: "cn", postal_code: "200000" }

const statusOf = (e: unknown) => (e instanceof FetchError ? e.status : (e as any)?.response?.status)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let regionId: string
    let online: { salesChannelId: string; publishableKey: string }
    let shop: any
    let jacket: { variantId: string; inventoryItemId: string }
    let tiers: Record<string, any> = {}

    beforeAll(async () => {
      const container = getContainer()
      headers = await adminHeaders(container)
      online = await storefront(container, "Online")
      ;({ regionId, shop, jacket, tiers } = await membershipMarket(container, api, headers, online.salesChannelId, ["normal", "silver", "gold", "diamond"]))
    })

    const shopper = (email: string) => signedInShopper(api.defaults.baseURL as string, online.publishableKey, email)
    const join = joinMembership
    const me = async (sdk: Medusa) => (await sdk.client.fetch<any>("/store/members/me")).member

    async function checkout(sdk: Medusa, quantity: number, points?: number) {
      let { cart } = await sdk.store.cart.create({ region_id: regionId, items: [{ variant_id: jacket.variantId, quantity }], shipping_address: ADDRESS })
      const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cart.id })
      cart = (await sdk.store.cart.addShippingMethod(cart.id, { option_id: shipping_options[0].id })).cart
      let redemption: any = null
      if (points) {
        const r = await sdk.client.fetch<any>(`/store/carts/${cart.id}/points`, { method: "POST", body: { points } })
        cart = r.cart
        redemption = r.points_redemption
      }
      await sdk.store.payment.initiatePaymentSession(cart, { provider_id: "pp_system_default" })
      const done = await sdk.store.cart.complete(cart.id)
      expect(done.type).toBe("order")
      return { order: (done as any).order, cart, redemption }
    }

    const membership = () => getContainer().resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    const groupsOf = async (customerId: string) =>
      (await getContainer().resolve(Modules.CUSTOMER).listCustomerGroupCustomers({ customer_id: customerId })).map((g: any) => g.customer_group_id)

    /** A return the way the admin does it: requested, then received at the shop, through Medusa's own routes. */
    async function returnItems(order: any, quantity: number) {
      const { data: { return: ret } } = await api.post("/admin/returns", { order_id: order.id, location_id: shop.stock_location_id }, { headers })
      await api.post(`/admin/returns/${ret.id}/request-items`, { items: [{ id: order.items[0].id, quantity }] }, { headers })
      await api.post(`/admin/returns/${ret.id}/request`, {}, { headers })
      await api.post(`/admin/returns/${ret.id}/receive`, {}, { headers })
      await api.post(`/admin/returns/${ret.id}/receive-items`, { items: [{ id: order.items[0].id, quantity }] }, { headers })
      await api.post(`/admin/returns/${ret.id}/receive/confirm`, {}, { headers })
    }

    async function fulfil(container: MedusaContainer, order: any) {
      await createOrderFulfillmentWorkflow(container).run({
        input: { order_id: order.id, items: order.items.map((i: any) => ({ id: i.id, quantity: i.quantity })), location_id: shop.stock_location_id },
      })
    }

    it("joins once with consent, on the lowest rung, in the rung's customer group", async () => {
      const { sdk, customer } = await shopper("join@example.cn")
      const anonymous = new Medusa({ baseUrl: api.defaults.baseURL as string, publishableKey: online.publishableKey })
      expect(await anonymous.client.fetch("/store/members/me").catch(statusOf)).toBe(401)
      expect(await sdk.client.fetch("/store/members/me").catch(statusOf)).toBe(404)
      expect(await sdk.client.fetch("/store/members", { method: "POST", body: {} }).catch(statusOf)).toBe(400)

      const { member } = await join(sdk)
      expect(member).toMatchObject({ customer_id: customer.id, tier: { code: "normal" }, points: { available: 0, pending: 0 } })
      expect(member.progress).toMatchObject({ next_tier: { code: "silver" }, spend_needed: 500 })
      expect((await join(sdk)).member.id).toBe(member.id)
      expect(await groupsOf(customer.id)).toEqual([tiers.normal.customer_group_id])
      const [consent] = await membership().listMemberConsents({ member_id: member.id })
      expect(consent).toMatchObject({ kind: "privacy", version: "2026-11", granted: true })
    })

    it("an order earns pending points, spendable after the return window; the tier goes up at once; a return takes back its share", async () => {
      const container = getContainer()
      const { sdk, customer } = await shopper("earn@example.cn")
      await join(sdk)
      const { order } = await checkout(sdk, 2)
      const paid = Number(order.items[0].total)
      // ¥1 = 1 point on what was paid for the goods (tax included, shipping not).
      const earned = Math.floor(paid)
      let m = await until(() => me(sdk), (m) => m.points.pending > 0)
      expect(m.points).toMatchObject({ available: 0, pending: earned })
      // ¥678 in 12 months ≥ ¥500: silver at once, and the customer moved to silver's group.
      expect(m.tier.code).toBe("silver")
      expect(await groupsOf(customer.id)).toEqual([tiers.silver.customer_group_id])

      // Member prices are Medusa's: a price list on silver's customer group now prices this customer's carts.
      await api.post(
        "/admin/price-lists",
        {
          title: "银卡会员价",
          description: "Silver member prices",
          type: "override",
          status: "active",
          rules: { "customer.groups.id": [tiers.silver.customer_group_id] },
          prices: [{ amount: 250, currency_code: "cny", variant_id: jacket.variantId }],
        },
        { headers }
      )
      const { cart: memberCart } = await sdk.store.cart.create({ region_id: regionId, items: [{ variant_id: jacket.variantId, quantity: 1 }] })
      expect(Number(memberCart.items![0].unit_price)).toBe(250)

      // A replayed order.placed earns nothing twice.
      await earnOrderPointsWorkflow(container).run({ input: { order_id: order.id } })
      expect((await me(sdk)).points.pending).toBe(earned)

      // Not fulfilled: nothing matures, however late.
      await maturePointsWorkflow(container).run({ input: { now: new Date(Date.now() + 60 * DAY) } })
      expect((await me(sdk)).points.pending).toBe(earned)

      await fulfil(container, order)
      const [entry] = await until(
        () => membership().listPointsEntries({ order_id: order.id, kind: "earn" }),
        (e) => !!e[0]?.available_at
      )
      // The default return window: 7 days after the fulfilment.
      expect(new Date(entry.available_at!).getTime() - Date.now()).toBeGreaterThan(6.9 * DAY)
      await maturePointsWorkflow(container).run({ input: { now: new Date(Date.now() + 6 * DAY) } })
      expect((await me(sdk)).points.available).toBe(0)
      await maturePointsWorkflow(container).run({ input: { now: new Date(Date.now() + 8 * DAY) } })
      m = await me(sdk)
      expect(m.points).toMatchObject({ available: earned, pending: 0 })

      // One of the two jackets comes back: half the points go.
      await returnItems(order, 1)
      m = await until(() => me(sdk), (m) => m.points.available < earned)
      expect(m.points.available).toBe(earned - Math.floor(earned / 2))
      const { entries } = await sdk.client.fetch<any>("/store/members/me/points", { query: { limit: 10 } })
      expect(entries.map((e: any) => [e.kind, e.points])).toEqual([
        ["reverse", -Math.floor(earned / 2)],
        ["earn", earned],
      ])
      // Tiers never fall on a return: only at the anniversary.
      expect(m.tier.code).toBe("silver")
      expect((await membership().reconcile()).drift).toEqual([])
    })

    it("redeems points at checkout through Medusa's promotions: the order total falls, the points are spent, a return credits them back", async () => {
      const container = getContainer()
      const { sdk } = await shopper("redeem@example.cn")
      const { member } = await join(sdk)
      await api.post(`/admin/members/${member.id}/adjustments`, { points: 1000, reason: "welcome gift" }, { headers })

      // Whole blocks of 100, no more than half the cart.
      let { cart } = await sdk.store.cart.create({ region_id: regionId, items: [{ variant_id: jacket.variantId, quantity: 1 }], shipping_address: ADDRESS })
      const refused = (points: number) =>
        sdk.client.fetch(`/store/carts/${cart.id}/points`, { method: "POST", body: { points } }).then(() => 200, statusOf)
      expect(await refused(150)).toBe(400)
      expect(await refused(5000)).toBe(409)
      // Taken off and put back: spendable again.
      await sdk.client.fetch(`/store/carts/${cart.id}/points`, { method: "POST", body: { points: 500 } })
      expect((await me(sdk)).points).toMatchObject({ available: 1000, held: 500, spendable: 500 })
      cart = (await sdk.client.fetch<any>(`/store/carts/${cart.id}/points`, { method: "DELETE" })).cart
      expect(Number(cart.discount_total)).toBe(0)
      expect((await me(sdk)).points).toMatchObject({ held: 0, spendable: 1000 })

      const { order, cart: discounted, redemption } = await checkout(sdk, 1, 800)
      expect(redemption).toMatchObject({ points: 800, amount: 8 })
      expect(Number(discounted.discount_total)).toBe(8)
      expect(Number(order.total)).toBe(Number(discounted.total))
      expect(Number(order.discount_total)).toBe(8)
      const m = await until(() => me(sdk), (m) => m.points.held === 0 && m.points.pending > 0)
      await fulfil(container, order)
      // 1000 − 800 spent; the order earns on what was paid after the points discount.
      expect(m.points).toMatchObject({ available: 200, held: 0, pending: Math.floor(Number(order.items[0].total)) })

      await returnItems(order, 1)
      const back = await until(() => me(sdk), (m) => m.points.available === 1000)
      expect(back.points).toMatchObject({ available: 1000, pending: 0 })
      expect((await membership().reconcile()).drift).toEqual([])
    })

    it("adjusts by hand with a reason, searches members, and reports what the points are worth", async () => {
      const { sdk, customer } = await shopper("admin-view@example.cn")
      const { member } = await join(sdk)
      const adjust = (body: unknown, extra: Record<string, string> = {}) =>
        api.post(`/admin/members/${member.id}/adjustments`, body, { headers: { ...headers, ...extra } }).then((r: any) => r, (e: any) => e.response)
      expect((await adjust({ points: 50 })).status).toBe(400)
      expect((await adjust({ points: -10, reason: "correction" })).status).toBe(409)
      const first = await adjust({ points: 300, reason: "store opening gift" }, { "Idempotency-Key": "adj-1" })
      const again = await adjust({ points: 300, reason: "store opening gift" }, { "Idempotency-Key": "adj-1" })
      expect(first.status).toBe(201)
      expect(again.data.entry.id).toBe(first.data.entry.id)
      expect((await me(sdk)).points.available).toBe(300)

      const found = (await api.get(`/admin/members?q=${encodeURIComponent("admin-view@example.cn")}`, { headers })).data
      expect(found.members.map((m: any) => m.id)).toEqual([member.id])
      expect(found.members[0].customer.email).toBe("admin-view@example.cn")
      // The customer page's widget asks by customer: exactly that customer's member, or none.
      const byCustomer = (await api.get(`/admin/members?customer_id=${customer.id}`, { headers })).data
      expect(byCustomer.members.map((m: any) => m.id)).toEqual([member.id])
      const { customer: outsider } = (await api.post("/admin/customers", { email: "not-a-member@example.cn" }, { headers })).data
      expect((await api.get(`/admin/members?customer_id=${outsider.id}`, { headers })).data).toMatchObject({ count: 0, members: [] })
      const both = await api.get(`/admin/members?customer_id=${customer.id}&q=x`, { headers }).catch((e: any) => e.response)
      expect([both.status, both.data.message]).toEqual([400, expect.stringMatching(/customer_id/)])

      const detail = (await api.get(`/admin/members/${member.id}`, { headers })).data.member
      expect(detail.tier_history.map((t: any) => t.reason)).toEqual(["join"])
      expect(detail.customer.id).toBe(customer.id)
      const ledger = (await api.get(`/admin/members/${member.id}/points?kind=adjust`, { headers })).data
      expect(ledger.entries).toEqual([expect.objectContaining({ points: 300, reason: "store opening gift", actor: expect.stringMatching(/^api-key:/) })])

      const { liability } = (await api.get("/admin/members/liability", { headers })).data
      expect(liability.available).toBeGreaterThanOrEqual(300)
      expect(liability.available_amount).toBe(liability.available / 100)
      expect((await api.get("/admin/members/mem_nope", { headers }).catch((e: any) => e.response)).status).toBe(404)
    })

    it("at the anniversary a member whose last 12 months no longer qualify goes one rung down", async () => {
      const container = getContainer()
      const { sdk, customer } = await shopper("anniversary@example.cn")
      const { member } = await join(sdk)
      await membership().changeTier(member.id, { tier_id: tiers.gold.id, reason: "admin" })
      // Joined two years ago today (China time); nothing bought in the last 12 months.
      const today = new Date()
      await membership().updateMembers({ id: member.id, joined_at: new Date(today.getTime() - 730 * DAY) })
      await membershipAnniversary(container)
      const m = await me(sdk)
      expect(m.tier.code).toBe("silver")
      const detail = (await api.get(`/admin/members/${member.id}`, { headers })).data.member
      expect(detail.tier_history[0]).toMatchObject({ reason: "anniversary", from_tier_id: tiers.gold.id, to_tier_id: tiers.silver.id })
      expect(await groupsOf(customer.id)).toEqual([tiers.silver.customer_group_id])
    })

    it("a tier's free-shipping threshold: its members' carts at or above it ship free, through Medusa's promotions", async () => {
      const container = getContainer()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: [location] } = await query.graph({
        entity: "stock_location",
        fields: ["fulfillment_sets.service_zones.id"],
        filters: { id: shop.stock_location_id },
      })
      const [profile] = await container.resolve(Modules.FULFILLMENT).listShippingProfiles({ type: "default" })
      await createShippingOptionsWorkflow(container).run({
        input: [
          {
            name: "快递 Express",
            service_zone_id: (location as any).fulfillment_sets[0].service_zones[0].id,
            shipping_profile_id: profile.id,
            provider_id: "manual_manual",
            price_type: "flat",
            type: { label: "Express", description: "Courier", code: "express" },
            prices: [{ currency_code: "cny", amount: 12 }],
            rules: [
              { attribute: "enabled_in_store", operator: "eq", value: "true" },
              { attribute: "is_return", operator: "eq", value: "false" },
            ],
          },
        ],
      })
      await api.post(`/admin/member-tiers/${tiers.silver.id}`, { free_shipping_threshold: 500 }, { headers })
      const { sdk, customer } = await shopper("free-shipping@example.cn")
      const { member } = await join(sdk)
      await membership().changeTier(member.id, { tier_id: tiers.silver.id, reason: "admin" })
      await syncTierGroup(container, customer.id, tiers.silver.id, Object.values(tiers))

      const shippingOf = async (client: Medusa, quantity: number) => {
        const { cart } = await client.store.cart.create({ region_id: regionId, items: [{ variant_id: jacket.variantId, quantity }], shipping_address: ADDRESS })
        const { shipping_options } = await client.store.fulfillment.listCartOptions({ cart_id: cart.id })
        const express = shipping_options.find((o: any) => o.name === "快递 Express")!
        const priced = (await client.store.cart.addShippingMethod(cart.id, { option_id: express.id })).cart
        return { item_total: Number(priced.item_total), shipping_total: Number(priced.shipping_total) }
      }
      // ¥678 ≥ ¥500: free; ¥339 < ¥500: paid; a guest over the threshold: paid.
      expect(await shippingOf(sdk, 2)).toMatchObject({ item_total: 678, shipping_total: 0 })
      expect((await shippingOf(sdk, 1)).shipping_total).toBeGreaterThan(0)
      const guest = new Medusa({ baseUrl: api.defaults.baseURL as string, publishableKey: online.publishableKey })
      expect((await shippingOf(guest, 2)).shipping_total).toBeGreaterThan(0)
      // No threshold: no promotion left behind.
      await api.post(`/admin/member-tiers/${tiers.silver.id}`, { free_shipping_threshold: null }, { headers })
      const { tiers: ladder } = (await api.get("/admin/member-tiers", { headers })).data
      expect(ladder.find((t: any) => t.code === "silver").metadata.free_shipping_promotion_id).toBeNull()
      expect((await shippingOf(sdk, 2)).shipping_total).toBeGreaterThan(0)
    })

    it("keeps the ladder consistent: a taken code or rank is a 409", async () => {
      const dup = await api.post("/admin/member-tiers", { code: "gold", name: "又一个金卡", rank: 9 }, { headers }).catch((e: any) => e.response)
      expect(dup.status).toBe(409)
      expect(dup.data.message).toMatch(/code: tier gold/)
      const { tiers: ladder } = (await api.get("/admin/member-tiers", { headers })).data
      expect(ladder.map((t: any) => t.code)).toEqual(["normal", "silver", "gold", "diamond"])
    })
  },
})
