import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  authorizePaymentSessionStep,
  capturePaymentWorkflow,
  createOrderPaymentCollectionWorkflow,
  createPaymentSessionsWorkflow,
  emitEventStep,
  refundPaymentsWorkflow,
} from "@medusajs/medusa/core-flows"
import { balanceState } from "../../lib/presale"
import { PresaleConflict } from "../../modules/presale/claims"
import { createPresaleOrderWorkflow } from "./create-presale-order"
import { PresaleEvents, presaleOf } from "./steps/presale-service"

export type PayPresaleInput = { reservation_id: string; customer_id: string; provider_id: string; data?: Record<string, unknown> }

export const SYSTEM_PROVIDER = "pp_system_default"

type Due = { stage: "first" | "balance"; collection_id: string | null; amount: number; order_id: string }

/** Which payment is due now: the first (deposit or everything), or the balance inside its window. */
const paymentDueStep = createStep("presale-payment-due", async (input: PayPresaleInput & { order_id: string | null }, { container }): Promise<StepResponse<Due>> => {
  const presale = presaleOf(container)
  const r: any = await presale.retrievePresaleReservation(input.reservation_id).catch(() => null)
  if (!r || r.customer_id !== input.customer_id) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Presale reservation ${input.reservation_id} was not found`)
  if (!input.order_id) throw new PresaleConflict("This reservation no longer holds units", "presale_reservation_ended")
  const campaign: any = await presale.retrievePresaleCampaign(r.campaign_id, { select: ["id", "status"] })
  if (campaign.status === "canceled") throw new PresaleConflict("This presale was canceled: nothing more is taken, and what was paid is refunded", "presale_canceled")
  if (r.status === "reserved") {
    if (r.expires_at && new Date(r.expires_at) < new Date()) throw new PresaleConflict("This reservation expired before it was paid", "presale_reservation_expired")
    return new StepResponse({ stage: "first", collection_id: r.deposit_collection_id as string | null, amount: Number(r.first_payment), order_id: input.order_id })
  }
  if (r.status === "deposit_paid") {
    const c: any = await presale.retrievePresaleCampaign(r.campaign_id)
    const state = balanceState({ deposit: 0, deposit_value: 0, balance_opens_at: c.balance_opens_at, balance_closes_at: c.balance_closes_at }, new Date())
    if (state === "not_yet") throw new PresaleConflict(`The balance can be paid from ${new Date(c.balance_opens_at).toISOString()}`, "presale_balance_not_open", { balance_opens_at: new Date(c.balance_opens_at).toISOString() })
    if (state === "forfeited") throw new PresaleConflict("The balance window has closed; the deposit is forfeited", "presale_balance_closed")
    return new StepResponse({ stage: "balance", collection_id: r.balance_collection_id as string | null, amount: Number(r.balance), order_id: input.order_id })
  }
  throw new PresaleConflict(`Nothing is due on a ${r.status} reservation`, "presale_nothing_due")
})

const rememberBalanceCollectionStep = createStep("remember-presale-balance-collection", async (input: { reservation_id: string; collection_id: string }, { container }) => {
  await presaleOf(container).updatePresaleReservations({ id: input.reservation_id, balance_collection_id: input.collection_id })
  return new StepResponse(input.collection_id)
})

/**
 * Marks a stage of a reservation paid once its payment is captured; shared by the system
 * provider's immediate capture and the payment.captured subscriber (Stripe's webhook), so
 * whichever comes second changes nothing.
 */
export async function markPresalePaid(container: any, reservationId: string, collectionId: string) {
  const presale = presaleOf(container)
  const r: any = await presale.retrievePresaleReservation(reservationId)
  const c: any = await presale.retrievePresaleCampaign(r.campaign_id)
  if (collectionId === r.deposit_collection_id) {
    const to = c.payment_mode === "deposit" ? "deposit_paid" : "paid"
    return presale.advance(reservationId, ["reserved"], to, { first_paid_at: new Date(), expires_at: null })
  }
  if (collectionId === r.balance_collection_id) return presale.advance(reservationId, ["deposit_paid"], "paid", { balance_paid_at: new Date() })
  return null
}

/** A reservation in one of these holds nothing any more: money captured on it now belongs to nobody. */
export const ENDED_STATUSES = ["canceled", "expired", "forfeited"]

export type CaptureSettlement = {
  reservation_id: string
  stage: "first" | "balance"
  /** The reservation moved on (the capture paid its stage). */
  advanced: { id: string; status: string } | null
  /** Refunded on this payment because its reservation had ended before the capture landed. */
  refunded: number
}

/**
 * What a captured payment of a presale collection does, under the reservation's lock (the one
 * its ending holds, so a capture is settled either before the ending reads the order — which
 * then refunds it with the order — or after it, here):
 *  - on an open reservation it pays its stage (markPresalePaid);
 *  - on an ended one (canceled, expired, forfeited) whose stage was never recorded as paid, the
 *    money arrived after the ending had refunded everything it knew of (a payment that passed its
 *    checks while the reservation was open, a Stripe PaymentIntent confirmed while its
 *    cancellation failed): what this payment captured and has not refunded yet goes back
 *    through Medusa's refundPaymentsWorkflow, logged and told to the customer.
 * A stage recorded as paid was settled by the ending itself (refunded, or a deposit kept by the
 * campaign's rule): nothing happens, so a replayed payment.captured refunds nothing.
 */
export async function settlePresaleCapture(container: any, paymentId: string): Promise<CaptureSettlement | null> {
  const payments = container.resolve(Modules.PAYMENT)
  const payment: any = await payments.retrievePayment(paymentId, { select: ["id", "payment_collection_id"] }).catch(() => null)
  if (!payment) return null
  const presale = presaleOf(container)
  const collection = payment.payment_collection_id as string
  const [found] = (await presale.listPresaleReservations({ $or: [{ deposit_collection_id: collection }, { balance_collection_id: collection }] } as any, { select: ["id"], take: 1 })) as any[]
  if (!found) return null
  return container.resolve(Modules.LOCKING).execute(
    `presale-order:${found.id}`,
    async (): Promise<CaptureSettlement | null> => {
      const r: any = await presale.retrievePresaleReservation(found.id)
      const stage = collection === r.deposit_collection_id ? "first" : collection === r.balance_collection_id ? "balance" : null
      if (!stage) return null
      const advanced = await markPresalePaid(container, r.id, collection)
      if (advanced) return { reservation_id: r.id, stage, advanced: { id: advanced.id as string, status: advanced.status as string }, refunded: 0 }
      if (!ENDED_STATUSES.includes(r.status) || (stage === "first" ? r.first_paid_at : r.balance_paid_at)) return { reservation_id: r.id, stage, advanced: null, refunded: 0 }
      const p: any = await payments.retrievePayment(paymentId, { select: ["id", "currency_code"], relations: ["captures", "refunds"] })
      const sum = (xs: any[] | undefined) => (xs ?? []).reduce((s, x) => s + Number(x.amount), 0)
      const due = Math.round((sum(p.captures) - sum(p.refunds)) * 100) / 100
      if (due <= 0) return { reservation_id: r.id, stage, advanced: null, refunded: 0 }
      // Medusa's refundPaymentsWorkflow — the one its order cancellation refunds with: the provider's
      // refund, guarded against more than captured-minus-refunded, and the order's refund
      // transaction. (refundPaymentWorkflow refuses here: it adds credit lines, which a canceled order refuses.)
      await refundPaymentsWorkflow(container).run({ input: [{ payment_id: paymentId, amount: due, note: `presale ${r.id} had ended (${r.status}) before this payment was captured` }] })
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`presale: payment ${paymentId} was captured after reservation ${r.id} ended (${r.status}); refunded ${due} ${p.currency_code ?? ""}`.trim())
      try {
        await container.resolve(Modules.NOTIFICATION).createNotifications({
          to: r.phone ?? r.customer_id,
          channel: r.phone ? "sms" : "feed",
          template: "presale-late-payment-refunded",
          receiver_id: r.customer_id,
          resource_id: r.id,
          resource_type: "presale_reservation",
          idempotency_key: `presale-late-payment-refunded:${paymentId}`,
          data: { reservation_id: r.id, order_id: r.order_id, status: r.status, payment_id: paymentId, refunded: due, currency_code: p.currency_code ?? null },
        })
      } catch (e) {
        container.resolve(ContainerRegistrationKeys.LOGGER).warn(`presale: the late-payment refund notice for ${r.id} failed: ${(e as Error).message}`)
      }
      return { reservation_id: r.id, stage, advanced: null, refunded: due }
    },
    { timeout: 60 }
  )
}

const markPaidStep = createStep("mark-presale-paid", async (input: { reservation_id: string; collection_id: string; payment_id: string }, { container }) => {
  const settled = await settlePresaleCapture(container, input.payment_id)
  if (settled) return new StepResponse({ status: settled.advanced?.status ?? null, refunded: settled.refunded })
  // Not a presale collection's payment (cannot happen here): the old path.
  const advanced = await markPresalePaid(container, input.reservation_id, input.collection_id)
  return new StepResponse({ status: (advanced?.status as string | undefined) ?? null, refunded: 0 })
})

/**
 * Pays what is due on a reservation through Medusa's payment module. The system provider
 * authorises and captures at once; another provider (Stripe) returns its session for the
 * client to confirm, and its webhook captures it (see the payment.captured subscriber).
 */
export const payPresaleWorkflow = createWorkflow("pay-presale", (input: PayPresaleInput) => {
  // A reservation whose order the sweep has not made yet gets it now.
  const order = createPresaleOrderWorkflow.runAsStep({ input: transform({ input }, ({ input }) => ({ reservation_id: input.reservation_id })) })
  const due = paymentDueStep(transform({ input, order }, ({ input, order }) => ({ ...input, order_id: order.order_id })))

  const balanceCollection = when("presale-balance-collection-missing", { due }, ({ due }) => due.stage === "balance" && !due.collection_id).then(() => {
    const created = createOrderPaymentCollectionWorkflow.runAsStep({
      input: transform({ due }, ({ due }) => ({ order_id: due.order_id, amount: due.amount })),
    }).config({ name: "create-presale-balance-collection" })
    rememberBalanceCollectionStep(transform({ created, input }, ({ created, input }) => ({ reservation_id: input.reservation_id, collection_id: created[0].id })))
    return transform({ created }, ({ created }) => created[0].id as string)
  })
  const collectionId = transform({ due, balanceCollection }, ({ due, balanceCollection }) => (due.collection_id ?? balanceCollection) as string)

  const session = createPaymentSessionsWorkflow.runAsStep({
    input: transform({ collectionId, input }, ({ collectionId, input }) => ({
      payment_collection_id: collectionId,
      provider_id: input.provider_id,
      customer_id: input.customer_id,
      data: input.data ?? {},
    })),
  })

  const paid = when("presale-system-provider", { input }, ({ input }) => input.provider_id === SYSTEM_PROVIDER).then(() => {
    const payment = authorizePaymentSessionStep(transform({ session }, ({ session }) => ({ id: session.id, context: {} })))
    capturePaymentWorkflow.runAsStep({ input: transform({ payment }, ({ payment }) => ({ payment_id: payment!.id })) })
    // Paid, or — its reservation ended while this ran unlocked — refunded at once.
    const marked = markPaidStep(
      transform({ input, collectionId, payment }, ({ input, collectionId, payment }) => ({ reservation_id: input.reservation_id, collection_id: collectionId, payment_id: payment!.id }))
    )
    return marked
  })
  // Announced only when the capture paid the reservation (not when it was refunded).
  when("presale-paid-now", { paid }, ({ paid }) => !!paid?.status).then(() => {
    emitEventStep({
      eventName: PresaleEvents.PAID,
      data: transform({ input, due }, ({ input, due }) => ({ id: input.reservation_id, stage: due.stage })),
    }).config({ name: "emit-presale-paid" })
  })

  return new WorkflowResponse(
    transform({ session, due, paid }, ({ session, due, paid }) => ({
      stage: due.stage,
      amount: due.amount,
      payment_session: { id: session.id, provider_id: session.provider_id, status: session.status, data: session.data },
      status: paid?.status ?? null,
      refunded: paid?.refunded ?? 0,
    }))
  )
})
