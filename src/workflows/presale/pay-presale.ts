import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  authorizePaymentSessionStep,
  capturePaymentWorkflow,
  createOrderPaymentCollectionWorkflow,
  createPaymentSessionsWorkflow,
  emitEventStep,
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

const markPaidStep = createStep("mark-presale-paid", async (input: { reservation_id: string; collection_id: string }, { container }) => {
  const advanced = await markPresalePaid(container, input.reservation_id, input.collection_id)
  return new StepResponse(advanced ? { id: advanced.id as string, status: advanced.status as string } : null)
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
    const marked = markPaidStep(transform({ input, collectionId }, ({ input, collectionId }) => ({ reservation_id: input.reservation_id, collection_id: collectionId })))
    emitEventStep({
      eventName: PresaleEvents.PAID,
      data: transform({ input, due }, ({ input, due }) => ({ id: input.reservation_id, stage: due.stage })),
    }).config({ name: "emit-presale-paid" })
    return marked
  })

  return new WorkflowResponse(
    transform({ session, due, paid }, ({ session, due, paid }) => ({
      stage: due.stage,
      amount: due.amount,
      payment_session: { id: session.id, provider_id: session.provider_id, status: session.status, data: session.data },
      status: paid?.status ?? null,
    }))
  )
})
