import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import nock from "nock"
import Stripe from "stripe"
import { adminHeaders, storefront } from "../helpers/admin"
import { createPresale, depositTerms, openToAll, presaleMarket, presaleShopper, storeCall } from "../helpers/presale"
import { PRESALE_MODULE } from "../../src/modules/presale"
import { until } from "../helpers/until"
import { envForSuite } from "../helpers/services"

jest.setTimeout(300_000)

const HOUR = 3_600_000
const STRIPE = "pp_stripe_stripe"
const WEBHOOK_SECRET = "whsec_mendian_offline_test"

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Stripe, answered inside this process: the real @medusajs/payment-stripe provider talks to
 * https://api.stripe.com, which nock serves from a table of PaymentIntents. Nothing leaves the
 * machine: every other host but localhost is refused.
 */
function fakeStripe() {
  const intents = new Map<string, any>()
  /** PaymentIntents whose cancel Stripe refuses (an outage, a race on its side). */
  const failCancel = new Set<string>()
  const calls: { method: string; path: string; body: Record<string, string> }[] = []
  let n = 0
  const form = (body: unknown) => Object.fromEntries(new URLSearchParams(typeof body === "string" ? body : ""))

  nock("https://api.stripe.com")
    .persist()
    .post("/v1/customers")
    .reply(200, function (_uri, body) {
      const f = form(body)
      calls.push({ method: "POST", path: "/v1/customers", body: f })
      return { id: `cus_test_${++n}`, object: "customer", email: f.email ?? null }
    })
    .post("/v1/payment_intents")
    .reply(200, function (_uri, body) {
      const f = form(body)
      calls.push({ method: "POST", path: "/v1/payment_intents", body: f })
      const id = `pi_test_${++n}`
      const intent = {
        id,
        object: "payment_intent",
        amount: Number(f.amount),
        amount_capturable: 0,
        amount_received: 0,
        currency: f.currency,
        capture_method: f.capture_method,
        customer: f.customer ?? null,
        client_secret: `${id}_secret_offline`,
        metadata: { session_id: f["metadata[session_id]"] },
        payment_method: null,
        last_payment_error: null,
        status: "requires_payment_method",
      }
      intents.set(id, intent)
      return intent
    })
    .post("/v1/refunds")
    .reply(200, function (_uri, body) {
      const f = form(body)
      calls.push({ method: "POST", path: "/v1/refunds", body: f })
      return { id: `re_test_${++n}`, object: "refund", amount: Number(f.amount), payment_intent: f.payment_intent, currency: "cny", status: "succeeded" }
    })
    .post((uri) => /^\/v1\/payment_intents\/[^/]+\/cancel$/.test(uri))
    .reply(function (uri) {
      const id = uri.split("/")[3]
      calls.push({ method: "POST", path: uri, body: {} })
      const intent = intents.get(id)
      if (!intent) return [404, { error: { type: "invalid_request_error", message: `No such payment_intent: '${id}'` } }]
      if (failCancel.has(id)) return [400, { error: { type: "invalid_request_error", code: "payment_intent_unexpected_state", message: "This PaymentIntent could not be canceled right now" } }]
      return [200, Object.assign(intent, { status: "canceled" })]
    })
    .get((uri) => uri.startsWith("/v1/payment_intents/"))
    .reply(function (uri) {
      const id = uri.split("?")[0].split("/")[3]
      calls.push({ method: "GET", path: uri, body: {} })
      const intent = intents.get(id)
      return intent ? [200, intent] : [404, { error: { type: "invalid_request_error", message: `No such payment_intent: '${id}'` } }]
    })
  nock.disableNetConnect()
  nock.enableNetConnect((host) => /^(localhost|127\.0\.0\.1)(:\d+)?$/.test(host))

  /** What Stripe.js confirming the intent on the shopper's side leaves behind. */
  const confirm = (id: string) => {
    const intent = intents.get(id)
    Object.assign(intent, { status: "succeeded", amount_received: intent.amount, payment_method: { id: "pm_card_visa", type: "card" } })
    return intent
  }
  return { intents, calls, confirm, failCancel }
}

/**
 * nock 14 (@mswjs/interceptors) lets an intercepted https socket "connect" only once the request
 * has been written, while Stripe's Node http client writes only after the socket's secureConnect:
 * the two wait for each other. So the registered provider — the real one, its own Stripe library
 * and options — gets Stripe's fetch transport (createFetchHttpClient), which nock intercepts; it
 * still calls https://api.stripe.com, and every provider method runs unchanged.
 */
function useFetchTransport(paymentModule: unknown) {
  const provider = (paymentModule as any).paymentProviderService_.retrieveProvider(STRIPE)
  // The provider's own stripe (15.x, nested under @medusajs/payment-stripe), not this suite's 19.x.
  const own = require(require.resolve("stripe", { paths: [require.resolve("@medusajs/payment-stripe")] }))
  const StripeOfProvider = own.default ?? own
  provider.stripe_ = new StripeOfProvider(provider.options.apiKey, { httpClient: StripeOfProvider.createFetchHttpClient() })
}

/**
 * Presale payments through Stripe (STRIPE_API_KEY set): the payments route answers with the
 * PaymentIntent's client_secret and leaves the reservation reserved; Stripe's signed
 * payment_intent.succeeded webhook, through Medusa's processPaymentWorkflow and the
 * payment.captured subscriber, marks it paid. A bad signature and a replay change nothing.
 */
describe("presale payments through Stripe", () => {
  envForSuite({ STRIPE_API_KEY: "sk_test_mendian_offline", STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET })
  const stripe = fakeStripe()
  afterAll(() => {
    nock.cleanAll()
    nock.enableNetConnect()
    nock.restore()
  })

  medusaIntegrationTestRunner({
    testSuite: ({ api, getContainer }) => {
      let headers: Record<string, string>
      let online: { salesChannelId: string; publishableKey: string }
      let market: Awaited<ReturnType<typeof presaleMarket>>
      let baseUrl: string
      const captured: string[] = []
      const presalePaid: any[] = []
      const signer = new Stripe("sk_test_signer_only")

      beforeAll(async () => {
        const container = getContainer()
        headers = await adminHeaders(container)
        online = await storefront(container, "Online")
        market = await presaleMarket(container, api, headers, online.salesChannelId)
        baseUrl = api.defaults.baseURL as string
        // The market's region offers Stripe beside the system provider, as a storefront lists them.
        await api.post(`/admin/regions/${market.regionId}`, { payment_providers: ["pp_system_default", STRIPE] }, { headers })
        useFetchTransport(container.resolve(Modules.PAYMENT))
        const bus = container.resolve(Modules.EVENT_BUS)
        bus.subscribe("payment.captured", async ({ data }: any) => void captured.push(data.id), { subscriberId: "test-payment-captured" })
        bus.subscribe("presale.paid", async ({ data }: any) => void presalePaid.push(data), { subscriberId: "test-presale-paid" })
      })

      const reserve = async (token: string, presaleId: string, quantity: number) => {
        const res = await storeCall(baseUrl, online.publishableKey, token, `/store/presales/${presaleId}/reservations`, { variant_id: market.sneaker.variantId, quantity }, `k-${Math.random()}`)
        expect(res.status).toBe(201)
        return res.body.reservation
      }
      const reservation = async (token: string, id: string) => (await storeCall(baseUrl, online.publishableKey, token, `/store/presale-reservations/${id}`)).body.reservation
      const event = (type: string, intent: any) => JSON.stringify({ id: `evt_${intent.id}_${type}`, object: "event", type, api_version: "2024-04-10", data: { object: intent } })
      const webhook = async (payload: string, secret = WEBHOOK_SECRET, signedPayload = payload) => {
        const signature = signer.webhooks.generateTestHeaderString({ payload: signedPayload, secret })
        const res = await fetch(`${baseUrl}/hooks/payment/stripe_stripe`, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": signature }, body: payload })
        return { status: res.status, signature }
      }
      const paymentsOf = async (collectionId: string) => {
        const { data } = await getContainer().resolve("query").graph({
          entity: "payment",
          fields: ["id", "amount", "provider_id", "captured_at", "captures.id", "captures.amount"],
          filters: { payment_collection_id: collectionId },
        })
        return data as any[]
      }
      const transactionsOf = async (orderId: string) => {
        const { data: [order] } = await getContainer().resolve("query").graph({ entity: "order", fields: ["transactions.amount", "transactions.reference", "transactions.reference_id"], filters: { id: orderId } })
        return ((order.transactions ?? []) as any[]).map((t) => `${t.reference}:${t.reference_id}:${Number(t.amount)}`).sort()
      }

      it("registers Stripe as pp_stripe_stripe and keeps the system provider", async () => {
        const providers = await getContainer().resolve(Modules.PAYMENT).listPaymentProviders({ id: ["pp_system_default", STRIPE] })
        expect(providers.map((p) => p.id).sort()).toEqual(["pp_stripe_stripe", "pp_system_default"])
      })

      it("full payment: the session's client_secret, then the signed webhook marks it paid; a bad signature and a replay change nothing", async () => {
        const presale = await createPresale(api, headers, { items: [{ variant_id: market.sneaker.variantId, quantity: 5, price: 999 }], windows: openToAll() })
        const s = await presaleShopper(getContainer(), baseUrl, online.publishableKey, "stripe-full@example.com")
        const r = await reserve(s.token, presale.id, 1)

        const pay = await storeCall(baseUrl, online.publishableKey, s.token, `/store/presale-reservations/${r.id}/payments`, { provider_id: STRIPE })
        expect(pay.status).toBe(200)
        expect(pay.body.reservation.status).toBe("reserved")
        expect(pay.body.payment).toMatchObject({ stage: "first", amount: 999, status: null, payment_session: { provider_id: STRIPE, status: "pending" } })
        const intentId = pay.body.payment.payment_session.data.id as string
        expect(pay.body.payment.payment_session.data.client_secret).toBe(`${intentId}_secret_offline`)
        // ¥999 in fen, captured when the shopper confirms (capture: true in medusa-config.ts).
        const created = stripe.calls.find((c) => c.path === "/v1/payment_intents" && c.body["metadata[session_id]"] === pay.body.payment.payment_session.id)!
        expect(created.body).toMatchObject({ amount: "99900", currency: "cny", capture_method: "automatic" })
        expect(created.body.customer).toMatch(/^cus_test_/)

        const row: any = await getContainer().resolve<any>(PRESALE_MODULE).retrievePresaleReservation(r.id)
        const collectionId = row.deposit_collection_id as string

        // The shopper confirms with Stripe.js; Stripe then sends payment_intent.succeeded.
        const intent = stripe.confirm(intentId)
        const payload = event("payment_intent.succeeded", intent)

        // Signed with the wrong secret, or a body other than the one signed: verification refuses it.
        const paymentModule = getContainer().resolve(Modules.PAYMENT)
        const wrongSecret = signer.webhooks.generateTestHeaderString({ payload, secret: "whsec_someone_else" })
        await expect(
          paymentModule.getWebhookActionAndData({ provider: "stripe_stripe", payload: { data: JSON.parse(payload), rawData: Buffer.from(payload), headers: { "stripe-signature": wrongSecret } } })
        ).rejects.toThrow(/constructWebhookEvent/)
        const tampered = payload.replace(/"amount_received":\d+/, '"amount_received":1')
        // Medusa answers 200 and verifies when it processes the event (after its 5 s webhook delay).
        expect((await webhook(payload, "whsec_someone_else")).status).toBe(200)
        expect((await webhook(tampered, WEBHOOK_SECRET, payload)).status).toBe(200)
        await sleep(7_000)
        expect((await reservation(s.token, r.id)).status).toBe("reserved")
        expect(await paymentsOf(collectionId)).toEqual([])
        expect(captured).toEqual([])

        // The genuine webhook: authorised (Stripe says succeeded), captured, reservation paid.
        const genuine = await webhook(payload)
        expect(genuine.status).toBe(200)
        const paid = await until(() => reservation(s.token, r.id), (v) => v.status === "paid")
        expect(paid.status).toBe("paid")
        expect(paid.expires_at ?? null).toBeNull()
        const [payment] = await paymentsOf(collectionId)
        expect(payment).toMatchObject({ provider_id: STRIPE })
        expect(Number(payment.amount)).toBe(999)
        expect(payment.captured_at).toBeTruthy()
        expect(payment.captures.map((c: any) => Number(c.amount))).toEqual([999])
        const { data: [collection] } = await getContainer().resolve("query").graph({ entity: "payment_collection", fields: ["status", "captured_amount"], filters: { id: collectionId } })
        expect(collection.status).toBe("completed")
        const transactions = await transactionsOf(row.order_id)
        expect(transactions).toEqual([`capture:${payment.captures[0].id}:999`])
        const seen = await until(async () => presalePaid.filter((e) => e.id === r.id), (v) => v.length > 0, 5_000)
        expect(seen).toEqual([{ id: r.id, stage: "first" }])

        // Stripe delivers at least once: the same event again, same signature.
        const capturedBefore = captured.filter((id) => id === payment.id).length
        expect((await fetch(`${baseUrl}/hooks/payment/stripe_stripe`, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": genuine.signature }, body: payload })).status).toBe(200)
        // Medusa's processPaymentWorkflow runs again (capture is a no-op on a captured payment and
        // emits payment.captured once more); wait for that, then nothing may have moved.
        expect(await until(async () => captured.filter((id) => id === payment.id).length, (k) => k > capturedBefore, 15_000)).toBe(capturedBefore + 1)
        await sleep(1_000)
        expect((await reservation(s.token, r.id)).status).toBe("paid")
        const after = await paymentsOf(collectionId)
        expect(after).toHaveLength(1)
        expect(after[0].captures).toHaveLength(1)
        expect(presalePaid.filter((e) => e.id === r.id)).toHaveLength(1)
        expect(await transactionsOf(row.order_id)).toEqual(transactions)
        // No second PaymentIntent was created and nothing was captured again at Stripe.
        expect(stripe.calls.filter((c) => c.method === "POST" && c.path.startsWith("/v1/payment_intents/"))).toEqual([])
      })

      it("deposit mode: the deposit's webhook leaves it deposit_paid, the balance's webhook paid", async () => {
        const presale = await createPresale(api, headers, {
          items: [{ variant_id: market.sneaker.variantId, quantity: 5, price: 300 }],
          windows: openToAll(),
          ...depositTerms(-1),
        })
        const s = await presaleShopper(getContainer(), baseUrl, online.publishableKey, "stripe-deposit@example.com")
        const r = await reserve(s.token, presale.id, 1)
        expect(r).toMatchObject({ first_payment: 50, balance: 200 })

        const deposit = await storeCall(baseUrl, online.publishableKey, s.token, `/store/presale-reservations/${r.id}/payments`, { provider_id: STRIPE })
        expect(deposit.status).toBe(200)
        expect(deposit.body).toMatchObject({ reservation: { status: "reserved" }, payment: { stage: "first", amount: 50 } })
        const depositIntent = deposit.body.payment.payment_session.data
        expect(depositIntent).toMatchObject({ amount: 5000, currency: "cny", client_secret: expect.stringMatching(/_secret_/) })
        await webhook(event("payment_intent.succeeded", stripe.confirm(depositIntent.id)))
        expect((await until(() => reservation(s.token, r.id), (v) => v.status === "deposit_paid")).status).toBe("deposit_paid")

        const balance = await storeCall(baseUrl, online.publishableKey, s.token, `/store/presale-reservations/${r.id}/payments`, { provider_id: STRIPE })
        expect(balance.status).toBe(200)
        expect(balance.body).toMatchObject({ reservation: { status: "deposit_paid" }, payment: { stage: "balance", amount: 200 } })
        const balanceIntent = balance.body.payment.payment_session.data
        expect(balanceIntent).toMatchObject({ amount: 20000, client_secret: expect.stringMatching(/_secret_/) })
        await webhook(event("payment_intent.succeeded", stripe.confirm(balanceIntent.id)))
        expect((await until(() => reservation(s.token, r.id), (v) => v.status === "paid")).status).toBe("paid")

        const { data: [order] } = await getContainer().resolve("query").graph({
          entity: "order",
          fields: ["payment_collections.amount", "payment_collections.status", "payment_collections.payments.provider_id"],
          filters: { id: r.order_id },
        })
        expect(order.payment_collections!.map((c: any) => [Number(c.amount), c.status, c.payments.map((p: any) => p.provider_id)]).sort()).toEqual([
          [200, "completed", [STRIPE]],
          [50, "completed", [STRIPE]],
        ])
        expect(presalePaid.filter((e) => e.id === r.id).map((e) => e.stage)).toEqual(["first", "balance"])
      })

      it("a cancellation after a Stripe deposit refunds it at Stripe — the customer's own, then the campaign's — and Medusa records each refund; an unconfirmed PaymentIntent is canceled", async () => {
        const presale = await createPresale(api, headers, {
          items: [{ variant_id: market.sneaker.variantId, quantity: 5, price: 300 }],
          windows: openToAll(),
          ...depositTerms(1),
        })
        const paidByStripe: { r: any; intent: string; token: string }[] = []
        for (const email of ["stripe-refund-1@example.com", "stripe-refund-2@example.com"]) {
          const s = await presaleShopper(getContainer(), baseUrl, online.publishableKey, email)
          const r = await reserve(s.token, presale.id, 1)
          const pay = await storeCall(baseUrl, online.publishableKey, s.token, `/store/presale-reservations/${r.id}/payments`, { provider_id: STRIPE })
          const intent = pay.body.payment.payment_session.data.id as string
          await webhook(event("payment_intent.succeeded", stripe.confirm(intent)))
          expect((await until(() => reservation(s.token, r.id), (v) => v.status === "deposit_paid")).status).toBe("deposit_paid")
          paidByStripe.push({ r, intent, token: s.token })
        }
        const refundCalls = () => stripe.calls.filter((c) => c.path === "/v1/refunds").map((c) => ({ payment_intent: c.body.payment_intent, amount: c.body.amount }))
        const refundsOf = async (reservationId: string) => {
          const row: any = await getContainer().resolve<any>(PRESALE_MODULE).retrievePresaleReservation(reservationId)
          const { data } = await getContainer().resolve("query").graph({
            entity: "payment",
            fields: ["provider_id", "refunds.amount"],
            filters: { payment_collection_id: row.deposit_collection_id },
          })
          return (data as any[]).map((p) => [p.provider_id, p.refunds.map((x: any) => Number(x.amount))])
        }
        expect(refundCalls()).toEqual([])

        // The customer steps back: Medusa's cancellation asks Stripe to refund the ¥50 deposit (5000 fen) on its PaymentIntent.
        const [one, two] = paidByStripe
        const canceled = await storeCall(baseUrl, online.publishableKey, one.token, `/store/presale-reservations/${one.r.id}/cancel`, {})
        expect(canceled.body.reservation.status).toBe("canceled")
        expect(refundCalls()).toEqual([{ payment_intent: one.intent, amount: "5000" }])
        expect(await refundsOf(one.r.id)).toEqual([[STRIPE, [50]]])

        // A third customer opened Stripe's payment and has not confirmed it yet.
        const pending = await presaleShopper(getContainer(), baseUrl, online.publishableKey, "stripe-refund-3@example.com")
        const open = await reserve(pending.token, presale.id, 1)
        const started = await storeCall(baseUrl, online.publishableKey, pending.token, `/store/presale-reservations/${open.id}/payments`, { provider_id: STRIPE })
        const pendingIntent = started.body.payment.payment_session.data.id as string

        // The merchant cancels the campaign: the other deposit goes back through Stripe too, once,
        // and the unconfirmed PaymentIntent is canceled at Stripe so it can take no money.
        const res = await api.post(`/admin/presales/${presale.id}/cancel`, { reason: "supplier failed" }, { headers })
        expect(res.data.cancellation).toMatchObject({ complete: true, canceled: 2, refunded_amount: 50, failures: [] })
        expect(stripe.calls.filter((c) => c.path.endsWith("/cancel")).map((c) => c.path)).toEqual([`/v1/payment_intents/${pendingIntent}/cancel`])
        expect(stripe.intents.get(pendingIntent).status).toBe("canceled")
        expect((await reservation(pending.token, open.id)).status).toBe("canceled")
        expect(refundCalls()).toEqual([
          { payment_intent: one.intent, amount: "5000" },
          { payment_intent: two.intent, amount: "5000" },
        ])
        expect(await refundsOf(two.r.id)).toEqual([[STRIPE, [50]]])
        await api.post(`/admin/presales/${presale.id}/cancel`, {}, { headers })
        expect(refundCalls()).toHaveLength(2)
      })
      it("a PaymentIntent Stripe would not cancel keeps its reservation open: confirmed later, it is paid and then refunded by the cancellation's next pass", async () => {
        const presale = await createPresale(api, headers, {
          items: [{ variant_id: market.sneaker.variantId, quantity: 5, price: 300 }],
          windows: openToAll(),
          ...depositTerms(1),
        })
        const s = await presaleShopper(getContainer(), baseUrl, online.publishableKey, "stripe-stuck@example.com")
        const r = await reserve(s.token, presale.id, 1)
        const started = await storeCall(baseUrl, online.publishableKey, s.token, `/store/presale-reservations/${r.id}/payments`, { provider_id: STRIPE })
        const intent = started.body.payment.payment_session.data.id as string
        stripe.failCancel.add(intent)

        // Stripe refuses the cancel: the reservation is not ended (its intent could still take money).
        const first = await api.post(`/admin/presales/${presale.id}/cancel`, {}, { headers })
        expect(first.data.cancellation).toMatchObject({ complete: false, canceled: 0, remaining: 1 })
        expect(first.data.cancellation.failures).toEqual([{ reservation_id: r.id, reason: expect.stringMatching(/could not be canceled/) }])
        expect((await reservation(s.token, r.id)).status).toBe("reserved")

        // The shopper confirms it anyway: the capture pays the still-open reservation …
        await webhook(event("payment_intent.succeeded", stripe.confirm(intent)))
        expect((await until(() => reservation(s.token, r.id), (v) => v.status === "deposit_paid")).status).toBe("deposit_paid")

        // … and the cancellation's next pass refunds it at Stripe like any paid deposit.
        stripe.failCancel.delete(intent)
        const next = await api.post(`/admin/presales/${presale.id}/cancel`, {}, { headers })
        expect(next.data.cancellation).toMatchObject({ complete: true, canceled: 1, remaining: 0, refunded_amount: 50, failures: [] })
        expect((await reservation(s.token, r.id)).status).toBe("canceled")
        expect(stripe.calls.filter((c) => c.path === "/v1/refunds" && c.body.payment_intent === intent).map((c) => c.body.amount)).toEqual(["5000"])
      })
    },
  })
})
