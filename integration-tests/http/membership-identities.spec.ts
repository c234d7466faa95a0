import http from "node:http"
import type { AddressInfo } from "node:net"
import Medusa, { FetchError } from "@medusajs/js-sdk"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createOrderFulfillmentWorkflow } from "@medusajs/medusa/core-flows"
import { adminHeaders, storefront } from "../helpers/admin"
import { joinMembership, membershipMarket, signedInShopper } from "../helpers/membership"
import { MEMBERSHIP_MODULE } from "../../src/modules/membership"
import type MembershipModuleService from "../../src/modules/membership/service"
import { enrolMemberWorkflow, maturePointsWorkflow } from "../../src/workflows/membership"
import { until } from "../helpers/until"

jest.setTimeout(240_000)

const DAY = 86_400_000
const ADDRESS = { first_name: "小", last_name: "李", address_1: "人民广场 1 号", city: "上海", country_code: "cn", postal_code: "200000" }
const WX_APP = "wx-app-test"
const DY_APP = "tt-app-test"

/** The error a request fails with: status, and Medusa's JSON body (type, code, message). */
async function failure(p: Promise<unknown>): Promise<{ status: number; body: any; headers?: any }> {
  try {
    await p
  } catch (e) {
    if (e instanceof FetchError) return { status: e.status ?? 0, body: { message: e.message, type: (e as any).statusText } }
    const r = (e as any)?.response
    if (r) return { status: r.status, body: r.data, headers: r.headers }
    throw e
  }
  throw new Error("expected the request to fail")
}

/**
 * Local fakes of the platforms' code-exchange endpoints, answering in their documented shapes:
 * WeChat GET /sns/jscode2session (errcode/errmsg on failure), Douyin POST
 * /api/apps/v2/jscode2session ({ err_no, err_tips, data }). Each known code maps to a user.
 */
function platformFakes() {
  const wechatUsers: Record<string, { openid: string; unionid?: string }> = {
    "wx-code-li": { openid: "o-li-wx", unionid: "u-li" },
    "wx-code-li-again": { openid: "o-li-wx", unionid: "u-li" },
    "wx-code-wang": { openid: "o-wang-wx" },
  }
  const douyinUsers: Record<string, { openid: string; unionid: string }> = { "dy-code-li": { openid: "dy-li", unionid: "dyu-li" } }
  const seen: { platform: string; params: Record<string, string> }[] = []
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, "http://fake")
    const send = (body: unknown) => {
      res.writeHead(200, { "content-type": "application/json" })
      res.end(JSON.stringify(body))
    }
    if (req.method === "GET" && url.pathname === "/sns/jscode2session") {
      const p = Object.fromEntries(url.searchParams)
      seen.push({ platform: "wechat", params: p })
      if (p.appid !== WX_APP || p.secret !== "wx-secret" || p.grant_type !== "authorization_code") return send({ errcode: 40013, errmsg: "invalid appid" })
      const u = wechatUsers[p.js_code]
      return send(u ? { openid: u.openid, session_key: "sk-" + p.js_code, ...(u.unionid ? { unionid: u.unionid } : {}) } : { errcode: 40029, errmsg: "invalid code" })
    }
    if (req.method === "POST" && url.pathname === "/api/apps/v2/jscode2session") {
      let raw = ""
      req.on("data", (c) => (raw += c))
      req.on("end", () => {
        const p = JSON.parse(raw || "{}")
        seen.push({ platform: "douyin", params: p })
        if (p.appid !== DY_APP || p.secret !== "dy-secret") return send({ err_no: 40015, err_tips: "appid 错误", data: {} })
        const u = douyinUsers[p.code]
        send(u ? { err_no: 0, err_tips: "success", data: { session_key: "sk", openid: u.openid, anonymous_openid: "", unionid: u.unionid } } : { err_no: 40018, err_tips: "code 错误", data: {} })
      })
      return
    }
    res.writeHead(404).end()
  })
  return { server, seen }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let regionId: string
    let online: { salesChannelId: string; publishableKey: string }
    let shop: any
    let jacket: { variantId: string; inventoryItemId: string }
    let tiers: Record<string, any> = {}
    const fakes = platformFakes()

    beforeAll(async () => {
      await new Promise<void>((r) => fakes.server.listen(0, "127.0.0.1", r))
      const base = `http://127.0.0.1:${(fakes.server.address() as AddressInfo).port}`
      Object.assign(process.env, {
        WECHAT_API_BASE: base,
        WECHAT_APP_ID: WX_APP,
        WECHAT_APP_SECRET: "wx-secret",
        DOUYIN_API_BASE: base,
        DOUYIN_APP_ID: DY_APP,
        DOUYIN_APP_SECRET: "dy-secret",
      })
      const container = getContainer()
      headers = await adminHeaders(container)
      online = await storefront(container, "Online")
      ;({ regionId, shop, jacket, tiers } = await membershipMarket(container, api, headers, online.salesChannelId, ["normal", "silver"]))
    })

    afterAll(async () => {
      await new Promise((r) => fakes.server.close(r))
    })

    const sdkFor = () =>
      new Medusa({ baseUrl: api.defaults.baseURL as string, publishableKey: online.publishableKey, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })

    const shopper = (email: string) => signedInShopper(api.defaults.baseURL as string, online.publishableKey, email, { phone: "+8613800000000" })
    const join = joinMembership
    const me = async (sdk: Medusa) => (await sdk.client.fetch<any>("/store/members/me")).member
    const membership = () => getContainer().resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const post = (sdk: Medusa, path: string, body: Record<string, any>) => sdk.client.fetch<any>(path, { method: "POST", body })

    /** The code as the SMS carried it: read from the notification Medusa's notification module stored. */
    async function smsCode(phone: string): Promise<string> {
      const sent = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ to: phone, channel: "sms" }, { order: { created_at: "DESC" }, take: 1 })
      expect(sent[0]).toMatchObject({ template: "member-phone-code", channel: "sms" })
      return String(sent[0].data!.code)
    }

    /** Pushes the customer's and phone's earlier codes back in time, past the per-minute limit (not the hourly one). */
    const ageCodes = (seconds: number) => pg().raw(`UPDATE member_otp SET created_at = created_at - make_interval(secs => ?)`, [seconds])

    async function bindPhone(sdk: Medusa, phone: string) {
      await post(sdk, "/store/members/me/phone", { phone })
      return post(sdk, "/store/members/me/phone/verify", { phone, code: await smsCode(phone) })
    }

    async function checkout(sdk: Medusa, quantity: number) {
      let { cart } = await sdk.store.cart.create({ region_id: regionId, items: [{ variant_id: jacket.variantId, quantity }], shipping_address: ADDRESS })
      const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cart.id })
      cart = (await sdk.store.cart.addShippingMethod(cart.id, { option_id: shipping_options[0].id })).cart
      await sdk.store.payment.initiatePaymentSession(cart, { provider_id: "pp_system_default" })
      const done = await sdk.store.cart.complete(cart.id)
      expect(done.type).toBe("order")
      return (done as any).order
    }

    async function fulfil(container: MedusaContainer, order: any) {
      await createOrderFulfillmentWorkflow(container).run({
        input: { order_id: order.id, items: order.items.map((i: any) => ({ id: i.id, quantity: i.quantity })), location_id: shop.stock_location_id },
      })
    }

    async function returnItems(order: any, quantity: number) {
      const { data: { return: ret } } = await api.post("/admin/returns", { order_id: order.id, location_id: shop.stock_location_id }, { headers })
      await api.post(`/admin/returns/${ret.id}/request-items`, { items: [{ id: order.items[0].id, quantity }] }, { headers })
      await api.post(`/admin/returns/${ret.id}/request`, {}, { headers })
      await api.post(`/admin/returns/${ret.id}/receive`, {}, { headers })
      await api.post(`/admin/returns/${ret.id}/receive-items`, { items: [{ id: order.items[0].id, quantity }] }, { headers })
      await api.post(`/admin/returns/${ret.id}/receive/confirm`, {}, { headers })
    }

    it("binds a phone with a one-time code sent by SMS: rate limited, a wrong code refused alike whoever owns the phone, five wrong tries kill it", async () => {
      const { sdk, token } = await shopper("code@example.cn")
      const phone = "+8613912345678"
      // Not a member yet: nothing to bind to.
      expect((await failure(post(sdk, "/store/members/me/phone", { phone }))).status).toBe(404)
      await join(sdk)
      expect((await failure(post(sdk, "/store/members/me/phone", { phone: "12345" }))).status).toBe(400)

      const sent = await post(sdk, "/store/members/me/phone", { phone: "139 1234 5678" })
      expect(sent).toMatchObject({ phone: "+86139****5678" })
      const code = await smsCode(phone)
      expect(code).toMatch(/^\d{6}$/)
      // Only the hash is stored.
      const [otp] = await membership().listOtpChallenges({ phone })
      expect(otp.code_hash).not.toContain(code)
      expect(otp.code_hash).toMatch(/^[0-9a-f]{64}$/)
      expect(new Date(otp.expires_at).getTime() - Date.now()).toBeGreaterThan(4 * 60_000)

      // A second code within the minute: 429 with the wait.
      const limited = await failure(api.post("/store/members/me/phone", { phone }, { headers: { "x-publishable-api-key": online.publishableKey, authorization: `Bearer ${token}` } }))
      expect(limited.status).toBe(429)
      expect(limited.body).toMatchObject({ code: "otp_rate_limited" })
      expect(limited.body.retry_after_seconds).toBeGreaterThan(0)
      expect(Number(limited.headers["retry-after"])).toBe(limited.body.retry_after_seconds)

      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0")
      const refused = await failure(post(sdk, "/store/members/me/phone/verify", { phone, code: wrong }))
      expect(refused.status).toBe(400)
      expect(refused.body.message).toMatch(/code is wrong or has expired/)

      // A phone that is another member's: the same 202 and the same 400, nothing revealed.
      // (The per-phone limit holds whoever asks: another account waits for the minute too.)
      const other = await shopper("other@example.cn")
      await join(other.sdk)
      expect((await failure(post(other.sdk, "/store/members/me/phone", { phone }))).status).toBe(429)
      await ageCodes(61)
      expect(await post(other.sdk, "/store/members/me/phone", { phone })).toMatchObject({ phone: "+86139****5678" })
      expect(await post(other.sdk, "/store/members/me/phone", { phone: "+8613700001111" }).catch((e) => e.status)).toBe(429)

      const bound = await post(sdk, "/store/members/me/phone/verify", { phone, code })
      expect(bound).toMatchObject({ outcome: "bound", merge: null, sign_in_again: false })
      expect(bound.member.identities).toEqual([expect.objectContaining({ kind: "phone", value: phone })])
      // Used once only.
      expect((await failure(post(sdk, "/store/members/me/phone/verify", { phone, code }))).body.message).toBe(refused.body.message)
      expect((await failure(post(other.sdk, "/store/members/me/phone/verify", { phone, code: wrong }))).body.message).toBe(refused.body.message)

      // Five wrong tries and the code is dead, even the right one.
      await ageCodes(61)
      await post(sdk, "/store/members/me/phone", { phone: "+8613600002222" })
      const second = await smsCode("+8613600002222")
      const bad = second === "000000" ? "000001" : "000000"
      for (let i = 0; i < 4; i++) expect((await failure(post(sdk, "/store/members/me/phone/verify", { phone: "+8613600002222", code: bad }))).status).toBe(400)
      expect((await failure(post(sdk, "/store/members/me/phone/verify", { phone: "+8613600002222", code: bad }))).body.message).toMatch(/too many wrong attempts/)
      expect((await failure(post(sdk, "/store/members/me/phone/verify", { phone: "+8613600002222", code: second }))).status).toBe(400)

      // An expired code fails the same way.
      await ageCodes(61)
      await post(sdk, "/store/members/me/phone", { phone: "+8613600002222" })
      const third = await smsCode("+8613600002222")
      await pg().raw(`UPDATE member_otp SET expires_at = now() - interval '1 second' WHERE consumed_at IS NULL`)
      expect((await failure(post(sdk, "/store/members/me/phone/verify", { phone: "+8613600002222", code: third }))).body.message).toBe(refused.body.message)

      // Five codes an hour per customer: the sixth waits for the hour, even a minute apart.
      for (let i = 0; i < 2; i++) {
        await ageCodes(61)
        await post(sdk, "/store/members/me/phone", { phone: `+861350000${i}333` })
      }
      await ageCodes(61)
      const hourly = await failure(post(sdk, "/store/members/me/phone", { phone: "+8613500009333" }))
      expect(hourly.status).toBe(429)
      const [{ count }] = (await pg().raw(`SELECT count(*)::int AS count FROM member_otp WHERE customer_id = ?`, [(await me(sdk)).customer_id])).rows
      expect(count).toBe(5)
    })

    it("a phone that is another member's merges the two into the older: every point, the tier, identities, coupons and orders move; reconcile holds", async () => {
      const container = getContainer()
      const phone = "+8613811112222"
      // The older member: joined first, bound the phone, has ¥300 of points from the admin.
      const older = await shopper("older@example.cn")
      const olderMember = (await join(older.sdk)).member
      await bindPhone(older.sdk, phone)
      await api.post(`/admin/members/${olderMember.id}/adjustments`, { points: 500, reason: "welcome gift" }, { headers })
      await post(older.sdk, "/store/members/me/consents", { kind: "marketing", version: "m-1", granted: true })

      // The newer one: an order (silver), points spent, then a return: a negative balance.
      const newer = await shopper("newer@example.cn")
      const newerMember = (await join(newer.sdk)).member
      const order = await checkout(newer.sdk, 2)
      const earned = Math.floor(Number(order.items[0].total))
      await until(() => me(newer.sdk), (m) => m.points.pending > 0)
      await fulfil(container, order)
      await until(() => membership().listPointsEntries({ order_id: order.id, kind: "earn" }), (e) => !!e[0]?.available_at)
      await maturePointsWorkflow(container).run({ input: { now: new Date(Date.now() + 8 * DAY) } })
      await api.post(`/admin/members/${newerMember.id}/adjustments`, { points: -earned, reason: "spent at the till" }, { headers })
      await returnItems(order, 1)
      const before = await until(() => me(newer.sdk), (m) => m.points.available < 0)
      expect(before.points.available).toBe(-Math.floor(earned / 2))
      expect(before.tier.code).toBe("silver")
      const second = await checkout(newer.sdk, 1)
      const secondEarn = await until(() => me(newer.sdk), (m) => m.points.pending > 0)
      const { data: wx } = await newer.sdk.client.fetch<any>("/store/members/me/identities/wechat", { method: "POST", body: { code: "wx-code-wang" } }).then((d) => ({ data: d }))
      expect(wx.identities[0]).toMatchObject({ kind: "wechat_openid", outcome: "bound" })
      const olderBefore = await me(older.sdk)

      const merged: any[] = []
      container.resolve(Modules.EVENT_BUS).subscribe("member.merged", async (e: any) => {
        merged.push(e.data ?? e)
      })

      // The newer member proves the older member's phone: merge.
      await ageCodes(61)
      await post(newer.sdk, "/store/members/me/phone", { phone })
      const res = await post(newer.sdk, "/store/members/me/phone/verify", { phone, code: await smsCode(phone) })
      expect(res).toMatchObject({ outcome: "merged", sign_in_again: true, merge: { survivor_id: olderMember.id, absorbed_id: newerMember.id } })
      expect(res.merge.orders.moved.sort()).toEqual([order.id, second.id].sort())
      expect(res.merge.orders.failed).toEqual([])

      const survivor = await me(older.sdk)
      expect(survivor.id).toBe(olderMember.id)
      expect(survivor.points).toMatchObject({
        available: olderBefore.points.available + before.points.available,
        pending: olderBefore.points.pending + secondEarn.points.pending,
      })
      // The higher tier of the two, and the survivor's customer in its group.
      expect(survivor.tier.code).toBe("silver")
      const groups = await container.resolve(Modules.CUSTOMER).listCustomerGroupCustomers({ customer_id: older.customer.id })
      expect(groups.map((g: any) => g.customer_group_id)).toEqual([tiers.silver.customer_group_id])
      expect(survivor.identities.map((i: any) => i.kind).sort()).toEqual(["phone", "wechat_openid"])
      expect((await membership().reconcile()).drift).toEqual([])
      // The lots still add up to the balance: the debt was paid from the survivor's lots, which keep their expiry.
      const lots = await membership().listPointsEntries({ member_id: olderMember.id })
      expect(lots.reduce((s: number, l: any) => s + Number(l.status === "available" ? l.remaining : 0), 0)).toBe(Math.max(0, survivor.points.available))
      expect(lots.filter((l: any) => l.order_id === order.id).length).toBeGreaterThan(0)
      const history = await membership().listTierChanges({ member_id: olderMember.id })
      expect(history.map((h: any) => h.reason).sort()).toEqual(["join", "join", "merge", "upgrade"])
      expect((await membership().listMemberConsents({ member_id: olderMember.id })).length).toBe(3)

      const absorbed = await membership().retrieveMember(newerMember.id)
      expect(absorbed).toMatchObject({ status: "merged", merged_into_id: olderMember.id, points_available: 0, points_pending: 0 })
      const [merge] = await membership().listMemberMerges({ absorbed_id: newerMember.id })
      expect(merge).toMatchObject({ survivor_id: olderMember.id, absorbed_customer_id: newer.customer.id, reason: "phone_verified" })
      expect(merge.moved).toMatchObject({ identities: 1, orders: 2, points_available: before.points.available, debt_settled: Math.floor(earned / 2) })

      expect((await until(async () => merged, (l) => l.length > 0))[0]).toMatchObject({
        merge_id: merge.id,
        survivor_id: olderMember.id,
        absorbed_id: newerMember.id,
        absorbed_customer_id: newer.customer.id,
        orders: 2,
      })
      // Medusa's order transfer moved the orders.
      for (const o of [order, second]) expect((await api.get(`/admin/orders/${o.id}?fields=customer_id`, { headers })).data.order.customer_id).toBe(older.customer.id)
      // The absorbed token names a merged member; signing in again reaches the survivor.
      expect((await failure(newer.sdk.client.fetch("/store/members/me"))).status).toBe(404)
      await newer.sdk.auth.login("customer", "emailpass", { email: newer.email, password: "s3cret-Pass" })
      expect((await me(newer.sdk)).id).toBe(olderMember.id)
      // Points keep flowing to the survivor: the moved order's return takes back from the survivor's ledger.
      await returnItems(order, 1)
      await until(() => me(older.sdk), (m) => m.points.available < survivor.points.available)
      expect((await membership().reconcile()).drift).toEqual([])
    })

    it("a member enrolled at the till (a guest customer) survives a merge: the web account's sign-in and orders move to it", async () => {
      const phone = "+8613755556666"
      const { result: till } = await enrolMemberWorkflow(getContainer()).run({ input: { phone, joined_via: "pos", verified_by: "pos", consent_version: "2026-11" } })
      const guest = await getContainer().resolve(Modules.CUSTOMER).retrieveCustomer(till.member.customer_id)
      expect(guest.has_account).toBe(false)
      await api.post(`/admin/members/${till.member.id}/adjustments`, { points: 40, reason: "till welcome" }, { headers })

      const web = await shopper("web@example.cn")
      await join(web.sdk)
      const order = await checkout(web.sdk, 1)
      const pending = (await until(() => me(web.sdk), (m) => m.points.pending > 0)).points.pending
      const res = await bindPhone(web.sdk, phone)
      expect(res).toMatchObject({ outcome: "merged", sign_in_again: true, merge: { survivor_id: till.member.id, sign_ins_moved: 1 } })
      expect(res.merge.orders.moved).toEqual([order.id])
      expect((await getContainer().resolve(Modules.CUSTOMER).retrieveCustomer(guest.id)).has_account).toBe(true)
      await web.sdk.auth.login("customer", "emailpass", { email: web.email, password: "s3cret-Pass" })
      const survivor = await me(web.sdk)
      expect(survivor).toMatchObject({ id: till.member.id, customer_id: guest.id, points: { available: 40, pending } })
      expect((await web.sdk.store.order.list()).orders.map((o: any) => o.id)).toEqual([order.id])
      expect((await membership().reconcile()).drift).toEqual([])
    })

    it("WeChat and Douyin ids bind only through the server-side code exchange; another member's is a 409", async () => {
      const { sdk } = await shopper("wx@example.cn")
      await join(sdk)
      const r = await post(sdk, "/store/members/me/identities/wechat", { code: "wx-code-li" })
      expect(r.identities).toEqual([
        { kind: "wechat_openid", app_id: WX_APP, outcome: "bound" },
        { kind: "wechat_unionid", app_id: "", outcome: "bound" },
      ])
      expect(fakes.seen.at(-1)).toEqual({ platform: "wechat", params: { appid: WX_APP, secret: "wx-secret", js_code: "wx-code-li", grant_type: "authorization_code" } })
      expect((await me(sdk)).identities.map((i: any) => [i.kind, i.value]).sort()).toEqual([
        ["wechat_openid", "o-li-wx"],
        ["wechat_unionid", "u-li"],
      ])
      expect((await post(sdk, "/store/members/me/identities/wechat", { code: "wx-code-li-again" })).identities[0].outcome).toBe("already_bound")
      // The platform refuses the code: 400, nothing bound. An id in the body is not accepted.
      const refused = await failure(post(sdk, "/store/members/me/identities/wechat", { code: "forged" }))
      expect(refused.status).toBe(400)
      expect(refused.body.message).toMatch(/40029/)
      expect((await failure(post(sdk, "/store/members/me/identities/wechat", { code: "x", openid: "o-li-wx" }))).status).toBe(400)

      const dy = await post(sdk, "/store/members/me/identities/douyin", { code: "dy-code-li", anonymous_code: "" })
      expect(dy.identities).toEqual([{ kind: "douyin_openid", app_id: DY_APP, outcome: "bound" }])
      expect(fakes.seen.at(-1)).toEqual({ platform: "douyin", params: { appid: DY_APP, secret: "dy-secret", code: "dy-code-li", anonymous_code: "" } })
      expect((await failure(post(sdk, "/store/members/me/identities/douyin", { code: "nope" }))).body.message).toMatch(/40018/)

      // The same WeChat user from another member's account: 409, and nothing of it bound.
      const other = await shopper("wx2@example.cn")
      await join(other.sdk)
      const taken = await failure(post(other.sdk, "/store/members/me/identities/wechat", { code: "wx-code-li-again" }))
      expect(taken.status).toBe(409)
      expect((await me(other.sdk)).identities).toEqual([])
      expect((await failure(post(other.sdk, "/store/members/me/identities/douyin", { code: "dy-code-li" }))).status).toBe(409)
      // Any identity finds the member.
      expect((await membership().memberByIdentity("douyin_openid", "dy-li", DY_APP))?.customer_id).toBe((await me(sdk)).customer_id)
    })

    it("PIPL: consents recorded with version and time, an export of everything held, erasure keeps only the anonymised ledger", async () => {
      const { sdk, customer } = await shopper("pipl@example.cn")
      const m = (await join(sdk)).member
      await bindPhone(sdk, "+8613922223333")
      await post(sdk, "/store/members/me/identities/wechat", { code: "wx-code-wang" })
      const c = await post(sdk, "/store/members/me/consents", { kind: "marketing", version: "m-2", granted: false })
      expect(c.consent).toMatchObject({ kind: "marketing", version: "m-2", granted: false, channel: "web" })
      expect((await failure(post(sdk, "/store/members/me/consents", { kind: "cookies", version: "1", granted: true }))).status).toBe(400)
      await api.post(`/admin/members/${m.id}/adjustments`, { points: 120, reason: "goodwill" }, { headers })
      await sdk.store.customer.createAddress({ ...ADDRESS, phone: "+8613922223333" })

      const exported = await sdk.client.fetch<any>("/store/members/me/export")
      expect(exported.member.id).toBe(m.id)
      expect(exported.customer).toMatchObject({ email: "pipl@example.cn", first_name: "小" })
      expect(exported.identities.map((i: any) => i.kind).sort()).toEqual(["phone", "wechat_openid"])
      expect(exported.consents.map((c: any) => [c.kind, c.version, c.granted])).toEqual([
        ["privacy", "2026-11", true],
        ["marketing", "m-2", false],
      ])
      expect(exported.tier_history).toHaveLength(1)
      expect(exported.ledger.map((e: any) => [e.kind, e.points])).toEqual([["adjust", 120]])
      expect(exported.coupons).toEqual([])

      expect(await post(sdk, "/store/members/me/erasure", {})).toMatchObject({ member_id: m.id, status: "erased", identities_removed: 2 })
      const erased = await membership().retrieveMember(m.id)
      expect(erased).toMatchObject({ status: "erased", birthday: null, points_available: 120 })
      expect(erased.erased_at).toBeTruthy()
      expect(await membership().listMemberIdentities({ member_id: m.id } as any)).toEqual([])
      expect(await membership().memberByIdentity("phone", "+8613922223333")).toBeNull()
      expect(await membership().listOtpChallenges({ phone: "+8613922223333" })).toEqual([])
      // The ledger stays under the member id.
      expect((await membership().listPointsEntries({ member_id: m.id })).map((e: any) => e.points)).toEqual([120])
      expect((await membership().reconcile()).drift).toEqual([])
      // Medusa's customer anonymised through its own workflows, its addresses gone.
      const { data: { customer: anon } } = await api.get(`/admin/customers/${customer.id}?fields=*addresses`, { headers })
      expect(anon).toMatchObject({ first_name: null, last_name: null, phone: null, email: `erased-${customer.id.toLowerCase()}@erased.invalid`, addresses: [] })
      // The member is gone from the store API; the export shows what is left; erasure again changes nothing.
      expect((await failure(sdk.client.fetch("/store/members/me"))).status).toBe(404)
      const after = await sdk.client.fetch<any>("/store/members/me/export")
      expect(after).toMatchObject({ identities: [], member: { status: "erased" }, customer: { first_name: null } })
      expect(after.ledger).toHaveLength(1)
      expect(await post(sdk, "/store/members/me/erasure", {})).toMatchObject({ status: "erased", identities_removed: 0 })
      // The phone is free for someone else.
      const next = await shopper("next@example.cn")
      await join(next.sdk)
      expect((await bindPhone(next.sdk, "+8613922223333")).outcome).toBe("bound")
    })
  },
})
