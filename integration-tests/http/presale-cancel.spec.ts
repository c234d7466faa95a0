import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { adminHeaders, storefront } from "../helpers/admin"
import { levelAt } from "../helpers/catalog"
import { createPresale, depositTerms, openToAll, presaleMarket, presaleShopper, storeCall } from "../helpers/presale"
import { PRESALE_MODULE } from "../../src/modules/presale"
import { cancellationSummary, createPresaleOrderWorkflow, endPresaleReservationWorkflow, reconcileCampaign, runPresaleLifecycle } from "../../src/workflows/presale"
import { stopPresaleCampaignWorkflow } from "../../src/workflows/presale/cancel-campaign"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { until } from "../helpers/until"

jest.setTimeout(300_000)

const HOUR = 3_600_000

/**
 * A campaign canceled while it sells (its supplier failed): it stops at once, every open
 * reservation is canceled with everything paid refunded through Medusa's payment module — the
 * deposit too, although the campaign's own rule would keep it — converted ones stay orders, the
 * waiting list closes, and a retry after a crash halfway finishes without refunding twice.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let online: { salesChannelId: string; publishableKey: string }
    let market: Awaited<ReturnType<typeof presaleMarket>>
    let baseUrl: string
    const campaignCanceled: any[] = []

    beforeAll(async () => {
      const container = getContainer()
      headers = await adminHeaders(container)
      online = await storefront(container, "Online")
      market = await presaleMarket(container, api, headers, online.salesChannelId)
      baseUrl = api.defaults.baseURL as string
      container.resolve(Modules.EVENT_BUS).subscribe("presale.campaign_canceled", async ({ data }: any) => void campaignCanceled.push(data), { subscriberId: "test-campaign-canceled" })
    })

    const shopper = (email: string) => presaleShopper(getContainer(), baseUrl, online.publishableKey, email)
    const reserve = async (token: string, id: string, quantity = 1) =>
      storeCall(baseUrl, online.publishableKey, token, `/store/presales/${id}/reservations`, { variant_id: market.sneaker.variantId, quantity }, `k-${Math.random()}`)
    const pay = (token: string, id: string) => storeCall(baseUrl, online.publishableKey, token, `/store/presale-reservations/${id}/payments`, {})
    const cancel = (id: string, body: Record<string, unknown> = {}) => api.post(`/admin/presales/${id}/cancel`, body, { headers }).catch((e: any) => e.response)
    const reservationRow = (id: string) => getContainer().resolve<any>(PRESALE_MODULE).retrievePresaleReservation(id)
    /** The order's status and, per payment, what Medusa's payment module captured and refunded. */
    const money = async (orderId: string) => {
      const { data: [order] } = await getContainer().resolve("query").graph({
        entity: "order",
        fields: ["status", "payment_collections.payments.id", "payment_collections.payments.captures.amount", "payment_collections.payments.refunds.amount"],
        filters: { id: orderId },
      })
      const payments = order.payment_collections!.flatMap((c: any) => c.payments) as any[]
      return {
        status: order.status as string,
        captured: payments.flatMap((p) => p.captures.map((c: any) => Number(c.amount))).sort((a, b) => a - b),
        refunds: payments.flatMap((p) => p.refunds.map((r: any) => Number(r.amount))).sort((a, b) => a - b),
      }
    }
    const depositCampaign = (extra: Record<string, unknown> = {}) =>
      createPresale(api, headers, {
        items: [{ variant_id: market.sneaker.variantId, quantity: 10, price: 300 }],
        windows: openToAll(),
        ...depositTerms(-1),
        // The customer's own cancellation would keep the deposit; the campaign's cancellation refunds it.
        cancel_refund: "keep_deposit",
        ...extra,
      })

    it("cancels an active campaign: every open reservation refunded in full, converted orders kept, stock and counters back, the waitlist closed, new reservations refused; a second call answers the same", async () => {
      const presale = await depositCampaign()
      const location = (await api.get(`/admin/presales/${presale.id}`, { headers })).data.presale.location_id as string

      // Converted: paid in full, then stock arrived at the shop and it moved there.
      const d = await shopper("converted@example.com")
      const converted = (await reserve(d.token, presale.id)).body.reservation
      await pay(d.token, converted.id)
      expect((await pay(d.token, converted.id)).body.reservation.status).toBe("paid")
      await getContainer().resolve(Modules.INVENTORY).createInventoryLevels([{ inventory_item_id: market.sneaker.inventoryItemId, location_id: market.shop.stock_location_id, stocked_quantity: 1 }])
      expect((await api.post(`/admin/presales/${presale.id}/convert`, {}, { headers })).data.conversion).toMatchObject({ converted: 1 })

      // Reserved (nothing paid), deposit paid (¥50 × 2), paid in full (¥50 deposit + ¥200 balance).
      const a = await shopper("reserved@example.com")
      const b = await shopper("deposit@example.com")
      const c = await shopper("paid@example.com")
      const reserved = (await reserve(a.token, presale.id)).body.reservation
      const deposit = (await reserve(b.token, presale.id, 2)).body.reservation
      expect((await pay(b.token, deposit.id)).body.reservation.status).toBe("deposit_paid")
      const paid = (await reserve(c.token, presale.id)).body.reservation
      await pay(c.token, paid.id)
      expect((await pay(c.token, paid.id)).body.reservation.status).toBe("paid")
      const w = await shopper("waiting@example.com")
      expect((await storeCall(baseUrl, online.publishableKey, w.token, `/store/presales/${presale.id}/waitlist`, { variant_id: market.sneaker.variantId, quantity: 1 })).status).toBe(201)
      expect(await levelAt(getContainer(), market.sneaker.inventoryItemId, location)).toEqual({ stocked: 9, reserved: 4 })

      const res = await cancel(presale.id, { reason: "供应商无法交货 Supplier cannot deliver" })
      expect(res.status).toBe(200)
      expect(res.data.cancellation).toEqual({
        presale_id: presale.id,
        status: "canceled",
        canceled_from: "active",
        reason: "供应商无法交货 Supplier cannot deliver",
        canceled_at: expect.any(String),
        complete: true,
        canceled: 3,
        refunded_amount: 100 + 250,
        skipped_converted: 1,
        remaining: 0,
        waitlist_closed: 1,
        failures: [],
      })

      for (const r of [reserved, deposit, paid]) expect(await reservationRow(r.id)).toMatchObject({ status: "canceled", end_reason: "campaign_canceled" })
      expect(await reservationRow(converted.id)).toMatchObject({ status: "converted" })
      // Refunded through Medusa's payment module, on the payments that were captured: the deposit in full despite keep_deposit.
      expect(await money(reserved.order_id)).toEqual({ status: "canceled", captured: [], refunds: [] })
      expect(await money(deposit.order_id)).toEqual({ status: "canceled", captured: [100], refunds: [100] })
      expect(await money(paid.order_id)).toEqual({ status: "canceled", captured: [50, 200], refunds: [50, 200] })
      expect(await money(converted.order_id)).toEqual({ status: expect.not.stringMatching(/canceled/), captured: [50, 200], refunds: [] })

      // Nothing is reserved at the presale location any more and it stocks nothing of this campaign;
      // the converted order keeps its unit reserved at the shop.
      const inventory = getContainer().resolve(Modules.INVENTORY)
      expect(await inventory.listReservationItems({ location_id: location })).toEqual([])
      expect(await levelAt(getContainer(), market.sneaker.inventoryItemId, location)).toEqual({ stocked: 0, reserved: 0 })
      expect(await levelAt(getContainer(), market.sneaker.inventoryItemId, market.shop.stock_location_id)).toEqual({ stocked: 1, reserved: 1 })
      // Counters: only the converted unit is still counted; member quotas given back.
      const view = (await api.get(`/admin/presales/${presale.id}`, { headers })).data.presale
      expect(view).toMatchObject({ status: "canceled", waitlist_waiting: 0 })
      expect(view.items[0].sold).toBe(1)
      expect(view.items[0].available_now).toBe(0) // nothing on sale in a canceled campaign
      expect(await reconcileCampaign(getContainer(), presale.id)).toMatchObject({ oversold: 0, disagreements: [] })
      const uses = await getContainer().resolve<any>(PRESALE_MODULE).countsOf(presale.id)
      expect(uses.uses.filter((u: any) => u.units > 0)).toHaveLength(1)

      // A new reservation is refused with a clear answer, and so is paying an old one.
      const late = await shopper("late@example.com")
      const refused = await reserve(late.token, presale.id)
      expect(refused.status).toBe(409)
      expect(refused.body).toMatchObject({ code: "presale_not_active", presale_status: "canceled", message: expect.stringMatching(/canceled/) })
      expect((await storeCall(baseUrl, online.publishableKey, w.token, `/store/presales/${presale.id}/waitlist`, { variant_id: market.sneaker.variantId, quantity: 1 })).status).not.toBe(201)
      expect((await api.post(`/admin/presales/${presale.id}/convert`, {}, { headers }).catch((e: any) => e.response)).data.code).toBe("presale_canceled")

      const [entry] = await getContainer().resolve<any>(PRESALE_MODULE).listPresaleWaitlistEntries({ campaign_id: presale.id })
      expect(entry).toMatchObject({ status: "closed", customer_id: w.customer.id })

      // Each customer whose reservation was canceled is told what comes back; the waiting customer that the list closed.
      const notifications = getContainer().resolve(Modules.NOTIFICATION)
      const told = await until(() => notifications.listNotifications({ template: "presale-campaign-canceled" } as any), (n) => n.length === 3)
      expect(told.map((n: any) => [n.receiver_id, n.data.refunded]).sort()).toEqual(
        [
          [a.customer.id, 0],
          [b.customer.id, 100],
          [c.customer.id, 250],
        ].sort()
      )
      const closed = await until(() => notifications.listNotifications({ template: "presale-waitlist-closed" } as any), (n) => n.length === 1)
      expect(closed[0]).toMatchObject({ receiver_id: w.customer.id, resource_id: entry.id })
      const announced = await until(async () => campaignCanceled.filter((e) => e.id === presale.id), (v) => v.length === 1, 5_000)
      expect(announced).toEqual([{ id: presale.id, reason: "供应商无法交货 Supplier cannot deliver", canceled_from: "active", open_reservations: 3, converted_reservations: 1 }])

      // Again: the same counts, nothing refunded twice, nothing announced twice.
      const again = await cancel(presale.id)
      expect(again.status).toBe(200)
      expect(again.data.cancellation).toEqual(res.data.cancellation)
      expect(await money(paid.order_id)).toEqual({ status: "canceled", captured: [50, 200], refunds: [50, 200] })
      await new Promise((r) => setTimeout(r, 500))
      expect(campaignCanceled.filter((e) => e.id === presale.id)).toHaveLength(1)
      expect(await notifications.listNotifications({ template: "presale-campaign-canceled" } as any)).toHaveLength(3)

      expect((await cancel("psc_does_not_exist")).status).toBe(404)
    })

    it("resumes a cancellation cut short: limit 1, then a crash after one refund and before its release — the job and a retry finish without refunding twice", async () => {
      const presale = await depositCampaign()
      const buyers = await Promise.all(["r1", "r2", "r3"].map((n) => shopper(`${n}@example.com`)))
      const rs: any[] = []
      for (const s of buyers) {
        const r = (await reserve(s.token, presale.id)).body.reservation
        expect((await pay(s.token, r.id)).body.reservation.status).toBe("deposit_paid")
        rs.push(r)
      }

      const first = await cancel(presale.id, { limit: 1 })
      expect(first.data.cancellation).toMatchObject({ complete: false, canceled: 1, remaining: 2, refunded_amount: 50, failures: [] })
      const [x] = rs
      expect(await reservationRow(x.id)).toMatchObject({ status: "canceled" })
      expect(await money(x.order_id)).toEqual({ status: "canceled", captured: [50], refunds: [50] })
      // Already stopped: a reservation is refused at once, before the rest are refunded.
      const late = await shopper("late2@example.com")
      expect((await reserve(late.token, presale.id)).body.code).toBe("presale_not_active")
      // The presale location still holds the open orders' units until the cancellation completes.
      const location = (await api.get(`/admin/presales/${presale.id}`, { headers })).data.presale.location_id as string
      expect(await levelAt(getContainer(), market.sneaker.inventoryItemId, location)).toEqual({ stocked: 10, reserved: 2 })

      // A crash inside x's cancellation: Medusa had canceled and refunded its order, the process died
      // before the reservation gave its unit back. The database then looks like this:
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const row = await reservationRow(x.id)
      await pg.raw(`UPDATE presale_reservation SET status = 'deposit_paid', ended_at = NULL, end_reason = NULL WHERE id = ?`, [x.id])
      await pg.raw(`UPDATE presale_counter SET sold = sold + 1 WHERE item_id = ? AND bucket = ?`, [row.item_id, row.bucket])
      await pg.raw(`UPDATE presale_quota_use SET units = units + 1 WHERE campaign_id = ? AND kind = 'member' AND subject = ?`, [presale.id, row.member_id ?? `cus:${row.customer_id}`])

      // The worker's minute job carries the cancellation on.
      const report = await runPresaleLifecycle(getContainer())
      expect(report).toMatchObject({ cancellations_completed: 1, failed: [] })
      for (const r of rs) {
        expect(await reservationRow(r.id)).toMatchObject({ status: "canceled", end_reason: "campaign_canceled" })
        // x included: refunded once, not again.
        expect(await money(r.order_id)).toEqual({ status: "canceled", captured: [50], refunds: [50] })
      }
      const done = await cancel(presale.id)
      expect(done.data.cancellation).toMatchObject({ complete: true, canceled: 3, remaining: 0, refunded_amount: 150, skipped_converted: 0, failures: [] })
      expect(await levelAt(getContainer(), market.sneaker.inventoryItemId, location)).toEqual({ stocked: 0, reserved: 0 })
      expect((await api.get(`/admin/presales/${presale.id}`, { headers })).data.presale.items[0].sold).toBe(0)
      expect(await reconcileCampaign(getContainer(), presale.id)).toMatchObject({ oversold: 0, disagreements: [] })
      expect(await getContainer().resolve<any>(PRESALE_MODULE).countsOf(presale.id)).toMatchObject({ sold: { [row.item_id]: 0 } })
    })

    it("money captured after its reservation ended (a payment that passed its checks while the reservation was open) is refunded on that payment, once", async () => {
      const presale = await depositCampaign()
      const s = await shopper("late-capture@example.com")
      const r = (await reserve(s.token, presale.id)).body.reservation
      const { result } = await createPresaleOrderWorkflow(getContainer()).run({ input: { reservation_id: r.id } })
      expect(result.order_id).toBeTruthy()

      // The campaign is canceled before the payment lands: nothing was paid, nothing refunded.
      const res = await cancel(presale.id)
      expect(res.data.cancellation).toMatchObject({ complete: true, canceled: 1, refunded_amount: 0 })
      const row = await reservationRow(r.id)
      expect(row).toMatchObject({ status: "canceled", end_reason: "campaign_canceled", first_paid_at: null })
      expect(await money(result.order_id!)).toEqual({ status: "canceled", captured: [], refunds: [] })

      // The rest of the pay path that was already under way: its session authorised and captured (the system provider).
      const payments = getContainer().resolve(Modules.PAYMENT)
      const session = await payments.createPaymentSession(row.deposit_collection_id, { provider_id: "pp_system_default", amount: 50, currency_code: "cny", data: {} })
      const payment = (await payments.authorizePaymentSession(session.id, {}))!
      await capturePaymentWorkflow(getContainer()).run({ input: { payment_id: payment.id } })

      // payment.captured: the reservation has ended, so that payment's ¥50 goes back through Medusa.
      const after = await until(() => money(result.order_id!), (m) => m.refunds.length > 0)
      expect(after).toEqual({ status: "canceled", captured: [50], refunds: [50] })
      expect(await reservationRow(r.id)).toMatchObject({ status: "canceled", first_paid_at: null })
      const notifications = getContainer().resolve(Modules.NOTIFICATION)
      const told = await until(() => notifications.listNotifications({ template: "presale-late-payment-refunded" } as any), (n) => n.length === 1)
      expect(told[0]).toMatchObject({ receiver_id: s.customer.id, resource_id: r.id, data: expect.objectContaining({ payment_id: payment.id, refunded: 50 }) })

      // Delivered again: nothing more is refunded.
      await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "payment.captured", data: { id: payment.id } })
      await new Promise((x) => setTimeout(x, 1_000))
      expect(await money(result.order_id!)).toEqual({ status: "canceled", captured: [50], refunds: [50] })
      expect(await cancellationSummary(getContainer(), presale.id)).toMatchObject({ refunded_amount: 50 })
    })

    it("a canceled campaign's deposits are never forfeited: its balance window closing mid-cancellation refunds them, and a forfeit is refused", async () => {
      const presale = await depositCampaign()
      const s = await shopper("mid-cancel@example.com")
      const r = (await reserve(s.token, presale.id)).body.reservation
      expect((await pay(s.token, r.id)).body.reservation.status).toBe("deposit_paid")
      // Stopped, its reservations not ended yet (a big campaign mid-cancellation, or a refund being retried).
      await stopPresaleCampaignWorkflow(getContainer()).run({ input: { id: presale.id, reason: "supplier failed", canceled_by: null } })

      const forfeit = await endPresaleReservationWorkflow(getContainer())
        .run({ input: { reservation_id: r.id, reason: "forfeited" } })
        .then(() => null, (e) => e)
      expect(forfeit).toMatchObject({ code: "presale_canceled" })
      expect(await reservationRow(r.id)).toMatchObject({ status: "deposit_paid" })

      // The minute job after the balance window closed: refunded as the campaign's cancellation, not forfeited.
      const report = await runPresaleLifecycle(getContainer(), new Date(Date.now() + 49 * HOUR))
      expect(report).toMatchObject({ forfeited: 0, cancellations_completed: 1, failed: [] })
      expect(await reservationRow(r.id)).toMatchObject({ status: "canceled", end_reason: "campaign_canceled" })
      expect(await money(r.order_id)).toEqual({ status: "canceled", captured: [50], refunds: [50] })
    })

    it("a reservation left open on a canceled campaign whose cancellation completed (a claim that committed after it) is ended by the job", async () => {
      const presale = await depositCampaign()
      const s = await shopper("lingering@example.com")
      const r = (await reserve(s.token, presale.id)).body.reservation
      expect((await cancel(presale.id)).data.cancellation).toMatchObject({ complete: true, canceled: 1, remaining: 0 })

      // The database as a claim that read the campaign active before the stop leaves it: one reservation open after completed_at.
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const row = await reservationRow(r.id)
      await pg.raw(`UPDATE presale_reservation SET status = 'reserved', ended_at = NULL, end_reason = NULL WHERE id = ?`, [r.id])
      await pg.raw(`UPDATE presale_counter SET sold = sold + 1 WHERE item_id = ? AND bucket = ?`, [row.item_id, row.bucket])
      await pg.raw(`UPDATE presale_quota_use SET units = units + 1 WHERE campaign_id = ? AND kind = 'member' AND subject = ?`, [presale.id, row.member_id ?? `cus:${row.customer_id}`])
      expect(await cancellationSummary(getContainer(), presale.id)).toMatchObject({ complete: false, remaining: 1 })

      const report = await runPresaleLifecycle(getContainer())
      expect(report).toMatchObject({ cancellations_completed: 1, failed: [] })
      expect(await reservationRow(r.id)).toMatchObject({ status: "canceled", end_reason: "campaign_canceled" })
      expect(await cancellationSummary(getContainer(), presale.id)).toMatchObject({ complete: true, remaining: 0, canceled: 1 })
      expect(await reconcileCampaign(getContainer(), presale.id)).toMatchObject({ oversold: 0, disagreements: [] })
      // Nothing else to do on the next minute.
      expect(await runPresaleLifecycle(getContainer())).toMatchObject({ cancellations_completed: 0, failed: [] })
    })

    it("a draft cancels as before (its units leave the presale location); a live campaign is not canceled by an edit", async () => {
      const draft = await depositCampaign({ status: "draft" })
      const location = draft.location_id as string
      expect(await levelAt(getContainer(), market.sneaker.inventoryItemId, location)).toEqual({ stocked: 10, reserved: 0 })
      const res = await cancel(draft.id)
      expect(res.data.cancellation).toMatchObject({ canceled_from: "draft", complete: true, canceled: 0, refunded_amount: 0 })
      expect(await levelAt(getContainer(), market.sneaker.inventoryItemId, location)).toEqual({ stocked: 0, reserved: 0 })

      // The edit route cancels a draft through the same path.
      const draft2 = await depositCampaign({ status: "draft" })
      expect((await api.post(`/admin/presales/${draft2.id}`, { status: "canceled" }, { headers })).data.presale.status).toBe("canceled")
      expect(await levelAt(getContainer(), market.sneaker.inventoryItemId, location)).toEqual({ stocked: 0, reserved: 0 })

      const live = await depositCampaign()
      const edit = await api.post(`/admin/presales/${live.id}`, { status: "canceled" }, { headers }).catch((e: any) => e.response)
      expect(edit.status).toBe(409)
      expect(edit.data).toMatchObject({ code: "presale_status_move", message: expect.stringMatching(/\/cancel/) })
      expect((await api.get(`/admin/presales/${live.id}`, { headers })).data.presale.status).toBe("active")
      const bad = await cancel(live.id, { limit: 0 })
      expect(bad.status).toBe(400)
      expect((await api.get(`/admin/presales/${live.id}`, { headers })).data.presale.status).toBe("active")
    })
  },
})
