import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { joinMembership, signedInShopper } from "../helpers/membership"
import { adminHeaders, storefront } from "../helpers/admin"
import { chinaMarket, productWithStock } from "../helpers/catalog"
import { MEMBERSHIP_MODULE } from "../../src/modules/membership"
import type MembershipModuleService from "../../src/modules/membership/service"
import { DEFAULT_TIME_ZONE, localBusinessDate } from "../../src/lib/opening-hours"
import membershipBirthday from "../../src/jobs/membership-birthday"
import { until } from "../helpers/until"

jest.setTimeout(240_000)

const DAY = 86_400_000
const ADDRESS = { first_name: "小", last_name: "李", address_1: "人民广场 1 号", city: "上海", country_code: "cn", postal_code: "200000" }

const shopInput = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  name: `门店${code}`,
  kind: "standard",
  status: "open",
  latitude: 31.23,
  longitude: 121.47,
  city: "上海",
  ...extra,
})

const fixedOff = (code: string, value: number) => ({
  code,
  type: "standard",
  status: "draft",
  is_automatic: false,
  application_method: { type: "fixed", target_type: "order", allocation: "across", value, currency_code: "cny" },
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let regionId: string
    let online: { salesChannelId: string; publishableKey: string }
    let shopA: any
    let shopB: any
    let tillA: Record<string, string>
    let tillB: Record<string, string>
    let tea: { variantId: string; inventoryItemId: string }
    let template: any
    let birthdayTemplate: any
    let normalTier: any
    let keyN = 0

    beforeAll(async () => {
      const container = getContainer()
      headers = await adminHeaders(container)
      const market = await chinaMarket(container)
      regionId = market.regionId
      online = await storefront(container, "Online")
      shopA = (await api.post("/admin/shops", shopInput("MP-A", { sales_channel_ids: [online.salesChannelId] }), { headers })).data.shop
      shopB = (await api.post("/admin/shops", shopInput("MP-B"), { headers })).data.shop
      const detail = (await api.get(`/admin/shops/${shopA.id}`, { headers })).data.shop
      tea = await productWithStock(container, {
        sku: "TEA-MP",
        price: 100,
        shippingProfileId: market.shippingProfileId,
        salesChannelIds: [...new Set([online.salesChannelId, ...detail.sales_channels.map((c: any) => c.id)])],
        stock: [{ location_id: shopA.stock_location_id, quantity: 100 }],
      })
      tillA = { authorization: `Bearer ${(await api.post(`/admin/shops/${shopA.id}/pos-tokens`, { label: "Till A" }, { headers })).data.pos_token.token}` }
      tillB = { authorization: `Bearer ${(await api.post(`/admin/shops/${shopB.id}/pos-tokens`, { label: "Till B" }, { headers })).data.pos_token.token}` }
      template = (await api.post("/admin/promotions", fixedOff("TPL-20", 20), { headers })).data.promotion
      birthdayTemplate = (await api.post("/admin/promotions", fixedOff("TPL-BDAY-30", 30), { headers })).data.promotion
      normalTier = (await api.post("/admin/member-tiers", { code: "normal", name: "普通", rank: 0, birthday_promotion_id: birthdayTemplate.id }, { headers })).data.tier
      await api.post("/admin/member-earn-rules", { name: "¥1 = 1 point", kind: "base", points_per_yuan: 1 }, { headers })
    })

    const membership = () => getContainer().resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    const key = (till: Record<string, string>, k = `k-${++keyN}`) => ({ ...till, "idempotency-key": k })
    const call = (p: Promise<any>) => p.then((r) => r, (e) => e.response)
    const enrol = async (phone: string, extra: Record<string, unknown> = {}) =>
      (await api.post("/pos/members", { phone, ...extra }, { headers: key(tillA) })).data.member
    const grant = async (memberId: string, promotionId = template.id) =>
      (await api.post(`/admin/members/${memberId}/coupons`, { promotion_id: promotionId }, { headers })).data.coupon

    it("enrols at the till in one call and finds the member by phone in any format or by card", async () => {
      const first = await api.post("/pos/members", { phone: "138 0013 8000", first_name: "王", card: "CARD-0001" }, { headers: key(tillA) })
      expect(first.status).toBe(201)
      const member = first.data.member
      expect(member).toMatchObject({ joined_via: "pos", first_name: "王", tier: { code: "normal" }, points: { available: 0 } })
      // The screen faces the queue: the phone is masked.
      expect(member.identities).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: "phone", value: "+86138****8000" }),
          expect.objectContaining({ kind: "pos_card", value: "CARD-0001" }),
        ])
      )
      const stored = await membership().retrieveMember(member.id, { relations: ["identities"] })
      expect(stored.joined_shop_id).toBe(shopA.id)
      expect((stored as any).identities.find((i: any) => i.kind === "phone")).toMatchObject({ value: "+8613800138000", verified_by: "pos" })

      // A known phone, typed another way: the same member, 200, nothing new.
      const again = await api.post("/pos/members", { phone: "+86 138-0013-8000" }, { headers: key(tillA) })
      expect(again.status).toBe(200)
      expect(again.data.member.id).toBe(member.id)
      expect(await membership().listMembers({}, { select: ["id"] })).toHaveLength(1)

      for (const phone of ["13800138000", "+86 138 0013 8000", "0086-138-0013-8000", "(138) 0013 8000"]) {
        const found = await api.post("/pos/members/lookup", { phone }, { headers: key(tillA) })
        expect(found.data.member.id).toBe(member.id)
      }
      // Members are not a shop's: another shop's till finds them too.
      expect((await api.post("/pos/members/lookup", { card: "CARD-0001" }, { headers: key(tillB) })).data.member.id).toBe(member.id)

      expect((await call(api.post("/pos/members/lookup", { phone: "139 0000 0000" }, { headers: key(tillA) }))).status).toBe(404)
      const bad = await call(api.post("/pos/members/lookup", { phone: "12345" }, { headers: key(tillA) }))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/^phone:/)
      expect((await call(api.post("/pos/members/lookup", {}, { headers: key(tillA) }))).status).toBe(400)
      expect((await call(api.post("/pos/members/lookup", { phone: "13800138000", card: "CARD-0001" }, { headers: key(tillA) }))).status).toBe(400)
      expect((await call(api.post("/pos/members/lookup", { phone: "13800138000" }, { headers: tillA }))).status).toBe(400)
      expect((await call(api.post("/pos/members/lookup", { phone: "13800138000" }, { headers: { "idempotency-key": "x" } }))).status).toBe(401)
      expect((await call(api.post("/pos/members", { phone: "not a phone" }, { headers: key(tillA) }))).status).toBe(400)
    })

    it("a till sale for a member takes a coupon and points off the total, earns on what was paid, and a repeated key acts once", async () => {
      const member = await enrol("13900139000", { first_name: "赵" })
      await api.post(`/admin/members/${member.id}/adjustments`, { points: 1000, reason: "welcome gift" }, { headers })
      const coupon = await grant(member.id)
      expect(coupon.code).toMatch(/^MC-[2-9A-Z]{10}$/)

      const sale = { member_id: member.id, items: [{ variant_id: tea.variantId, quantity: 2 }], payment_method: "cash", coupon_codes: [coupon.code], points: 500 }
      const h = key(tillA, "till-a-member-sale-1")
      const first = await api.post("/pos/orders", sale, { headers: h })
      expect(first.status).toBe(201)
      const order = first.data.order
      // ¥200 − ¥20 coupon − 500 points (100 points = ¥1) = ¥175.
      expect(order.total).toBe(175)
      expect(order.discount_total).toBe(25)
      expect(order.customer_id).toBe(member.customer_id)

      const again = await api.post("/pos/orders", sale, { headers: h })
      expect(again.headers["idempotent-replayed"]).toBe("true")
      expect(again.data.order.id).toBe(order.id)

      // Earned once on the ¥175 paid, the 500 points spent once, the coupon redeemed with the order.
      const entries = await until(
        () => membership().listPointsEntries({ member_id: member.id }, { order: { created_at: "ASC" } }),
        (e) => e.some((x: any) => x.kind === "earn" && x.available_at) && e.some((x: any) => x.kind === "redeem")
      )
      expect(entries.map((e: any) => [e.kind, e.points])).toEqual(
        expect.arrayContaining([["adjust", 1000], ["earn", 175], ["redeem", -500]])
      )
      expect(entries).toHaveLength(3)
      // Handed over at the counter: the return window started with the sale.
      const earn = entries.find((e: any) => e.kind === "earn")!
      expect(new Date(earn.available_at!).getTime() - Date.now()).toBeGreaterThan(6.9 * DAY)
      const m = await membership().retrieveMember(member.id)
      expect(m).toMatchObject({ points_available: 500, points_pending: 175, points_held: 0 })
      const [g] = await until(() => membership().listCouponGrants({ id: coupon.id }), (g) => g[0]?.status === "redeemed")
      expect(g).toMatchObject({ status: "redeemed", order_id: order.id })
      expect((await membership().reconcile()).drift).toEqual([])

      // The coupon was single-use; another member's coupon does not apply; refusals sell nothing.
      const other = await enrol("13700137000")
      const otherCoupon = await grant(other.id)
      const reuse = await call(api.post("/pos/orders", { ...sale, points: undefined }, { headers: key(tillA) }))
      expect(reuse.status).toBe(400)
      const foreignCoupon = await call(api.post("/pos/orders", { ...sale, points: undefined, coupon_codes: [otherCoupon.code] }, { headers: key(tillA) }))
      expect(foreignCoupon.status).toBe(400)
      expect(foreignCoupon.data.message).toMatch(/coupon_codes/)
      const tooMany = await call(api.post("/pos/orders", { ...sale, coupon_codes: undefined, points: 5000 }, { headers: key(tillA) }))
      expect(tooMany.status).toBe(409)
      const notMember = await call(api.post("/pos/orders", { ...sale, member_id: "mem_nope" }, { headers: key(tillA) }))
      expect(notMember.status).toBe(400)
      expect(await membership().retrieveMember(member.id)).toMatchObject({ points_available: 500, points_held: 0 })
      expect((await membership().listPointsHolds({ member_id: member.id, status: "held" })).length).toBe(0)

      // A till sells for its own shop only.
      const foreignShop = await call(api.post("/pos/orders", { ...sale, coupon_codes: undefined, points: undefined, shop_id: shopA.id }, { headers: key(tillB) }))
      expect(foreignShop.status).toBe(403)
    })

    it("an admin grants a coupon; it shows in the member's wallet and a store checkout with it marks it redeemed", async () => {
      const { sdk } = await signedInShopper(api.defaults.baseURL as string, online.publishableKey, "wallet@example.cn")
      const { member } = await joinMembership(sdk)

      const h = { ...headers, "idempotency-key": "grant-wallet-1" }
      const res = await api.post(`/admin/members/${member.id}/coupons`, { promotion_id: template.id, expires_at: new Date(Date.now() + 10 * DAY).toISOString() }, { headers: h })
      expect(res.status).toBe(201)
      const coupon = res.data.coupon
      expect((await api.post(`/admin/members/${member.id}/coupons`, { promotion_id: template.id, expires_at: res.data.coupon.expires_at }, { headers: h })).data.coupon.id).toBe(coupon.id)
      expect(await membership().listCouponGrants({ member_id: member.id })).toHaveLength(1)
      // The grant is a promotion of its own: single-use, this customer only, active though the template is a draft.
      const promotion = await getContainer().resolve(Modules.PROMOTION).retrievePromotion(coupon.promotion_id, { relations: ["rules", "rules.values", "application_method"] })
      expect(promotion).toMatchObject({ code: coupon.code, status: "active", limit: 1 })
      expect(promotion.rules!.map((r: any) => [r.attribute, r.operator, r.values.map((v: any) => v.value)])).toEqual([["customer.id", "eq", [member.customer_id]]])

      let wallet = (await sdk.client.fetch<any>("/store/members/me")).member.coupons
      expect(wallet).toEqual([expect.objectContaining({ code: coupon.code, source: "admin" })])
      expect((await api.get(`/admin/members/${member.id}/coupons`, { headers })).data.coupons).toEqual([expect.objectContaining({ code: coupon.code, status: "granted" })])

      expect((await call(api.post(`/admin/members/${member.id}/coupons`, { promotion_id: "promo_nope" }, { headers }))).status).toBe(400)
      expect((await call(api.post(`/admin/members/${member.id}/coupons`, { promotion_id: coupon.promotion_id }, { headers }))).status).toBe(400)
      expect((await call(api.post(`/admin/members/mem_nope/coupons`, { promotion_id: template.id }, { headers }))).status).toBe(404)
      expect((await call(api.post(`/admin/members/${member.id}/coupons`, { promotion_id: template.id, expires_at: "2020-01-01" }, { headers }))).status).toBe(400)

      // Revoked: out of the wallet, its code switched off; a second revoke is a conflict.
      const mistake = (await api.post(`/admin/members/${member.id}/coupons`, { promotion_id: template.id }, { headers })).data.coupon
      expect((await api.delete(`/admin/members/${member.id}/coupons/${mistake.id}`, { headers })).data.status).toBe("revoked")
      const twice = await call(api.delete(`/admin/members/${member.id}/coupons/${mistake.id}`, { headers }))
      expect([twice.status, twice.data.code]).toEqual([409, "coupon_not_in_wallet"])
      expect((await getContainer().resolve(Modules.PROMOTION).retrievePromotion(mistake.promotion_id)).status).toBe("inactive")
      expect((await sdk.client.fetch<any>("/store/members/me")).member.coupons.map((c: any) => c.code)).toEqual([coupon.code])

      let { cart } = await sdk.store.cart.create({ region_id: regionId, items: [{ variant_id: tea.variantId, quantity: 1 }], shipping_address: ADDRESS })
      const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cart.id })
      cart = (await sdk.store.cart.addShippingMethod(cart.id, { option_id: shipping_options[0].id })).cart
      const before = Number(cart.total)
      cart = (await sdk.store.cart.update(cart.id, { promo_codes: [coupon.code] })).cart
      expect(Number(cart.total)).toBe(before - 20)
      await sdk.store.payment.initiatePaymentSession(cart, { provider_id: "pp_system_default" })
      const done = await sdk.store.cart.complete(cart.id)
      expect(done.type).toBe("order")
      const order = (done as any).order
      const [g] = await until(() => membership().listCouponGrants({ id: coupon.id }), (g) => g[0]?.status === "redeemed")
      expect(g).toMatchObject({ status: "redeemed", order_id: order.id })
      expect(g.redeemed_at).toBeTruthy()
      wallet = (await sdk.client.fetch<any>("/store/members/me")).member.coupons
      expect(wallet).toEqual([])
    })

    it("the daily job gives today's birthdays their tier's coupon once a year, and takes expired coupons out of the wallet", async () => {
      const now = new Date()
      const today = localBusinessDate(DEFAULT_TIME_ZONE, now).slice(5)
      const tomorrow = localBusinessDate(DEFAULT_TIME_ZONE, new Date(now.getTime() + DAY)).slice(5)
      const birthday = await enrol("13600136000", { birthday: today })
      const notYet = await enrol("13500135000", { birthday: tomorrow })

      await membershipBirthday(getContainer(), now)
      await membershipBirthday(getContainer(), new Date(now.getTime() + 60_000))
      const grants = await membership().listCouponGrants({ source: "birthday" })
      expect(grants).toHaveLength(1)
      expect(grants[0]).toMatchObject({ member_id: birthday.id, source_id: localBusinessDate(DEFAULT_TIME_ZONE, now).slice(0, 4), status: "granted" })
      const promotion = await getContainer().resolve(Modules.PROMOTION).retrievePromotion(grants[0].promotion_id, { relations: ["application_method"] })
      expect(Number(promotion.application_method!.value)).toBe(30)
      const lookedUp = (await api.post("/pos/members/lookup", { phone: "13600136000" }, { headers: key(tillA) })).data.member
      expect(lookedUp.coupons).toEqual([expect.objectContaining({ code: grants[0].code, source: "birthday" })])
      expect(await membership().listCouponGrants({ member_id: notYet.id })).toHaveLength(0)
      expect(normalTier.birthday_promotion_id).toBe(birthdayTemplate.id)

      // 31 days on the coupon has expired: out of the wallet, and the code no longer applies anywhere.
      await membershipBirthday(getContainer(), new Date(now.getTime() + 31 * DAY))
      const [expired] = await membership().listCouponGrants({ id: grants[0].id })
      expect(expired.status).toBe("expired")
      expect((await getContainer().resolve(Modules.PROMOTION).retrievePromotion(grants[0].promotion_id)).status).toBe("inactive")
      const sale = await call(
        api.post("/pos/orders", { member_id: birthday.id, items: [{ variant_id: tea.variantId, quantity: 1 }], payment_method: "cash", coupon_codes: [grants[0].code] }, { headers: key(tillA) })
      )
      expect(sale.status).toBe(400)
    })
  },
})
