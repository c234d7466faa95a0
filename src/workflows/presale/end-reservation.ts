import { MedusaError, Modules, OrderStatus, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  cancelOrderWorkflow,
  cancelOrdersStep,
  cancelPaymentStep,
  deletePaymentSessionsWorkflow,
  deleteReservationsByLineItemsStep,
  emitEventStep,
  refundPaymentWorkflow,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import type { ReservationStatus } from "../../modules/presale/models/reservation"
import { PresaleConflict } from "../../modules/presale/claims"
import { PresaleEvents, presaleOf } from "./steps/presale-service"

export type EndReason = "expired" | "canceled_by_customer" | "canceled_by_merchant" | "campaign_canceled" | "forfeited"

const OUTCOME: Record<EndReason, { from: ReservationStatus[]; to: ReservationStatus; event: string }> = {
  expired: { from: ["reserved"], to: "expired", event: PresaleEvents.EXPIRED },
  canceled_by_customer: { from: ["reserved", "deposit_paid", "paid"], to: "canceled", event: PresaleEvents.CANCELED },
  canceled_by_merchant: { from: ["reserved", "deposit_paid", "paid"], to: "canceled", event: PresaleEvents.CANCELED },
  // The whole campaign was canceled (the merchant's side failed): refunded in full, whatever the campaign's rule.
  campaign_canceled: { from: ["reserved", "deposit_paid", "paid"], to: "canceled", event: PresaleEvents.CANCELED },
  forfeited: { from: ["deposit_paid"], to: "forfeited", event: PresaleEvents.FORFEITED },
}

/**
 * How the order ends: refunded in full through Medusa's own cancellation, or canceled keeping
 * the deposit (a forfeit, or a customer's cancellation under a keep-the-deposit campaign — then
 * a balance already paid is refunded first).
 */
const planEndStep = createStep("plan-presale-end", async (input: { reservation_id: string; reason: EndReason; customer_id?: string }, { container }) => {
  const presale = presaleOf(container)
  const r: any = await presale.retrievePresaleReservation(input.reservation_id).catch(() => null)
  if (!r || (input.customer_id && r.customer_id !== input.customer_id)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Presale reservation ${input.reservation_id} was not found`)
  }
  const outcome = OUTCOME[input.reason]
  if (!outcome.from.includes(r.status)) throw new PresaleConflict(`A ${r.status} reservation cannot be ${outcome.to}`, "presale_reservation_state")
  const c: any = await presale.retrievePresaleCampaign(r.campaign_id)
  // A canceled campaign refunds everything: its deposits are never forfeited.
  if (input.reason === "forfeited" && c.status === "canceled") throw new PresaleConflict("This presale was canceled: its deposits are refunded, not forfeited", "presale_canceled")
  const keepDeposit =
    input.reason === "forfeited" || (input.reason === "canceled_by_customer" && c.payment_mode === "deposit" && c.cancel_refund === "keep_deposit" && r.status !== "reserved")
  let order: any = null
  if (r.order_id) {
    const { data } = await container.resolve("query").graph({
      entity: "order",
      fields: [
        "id",
        "status",
        "items.id",
        "payment_collections.id",
        "payment_collections.payments.id",
        "payment_collections.payments.captured_at",
        "payment_collections.payments.amount",
        "payment_collections.payment_sessions.id",
        "payment_collections.payment_sessions.status",
      ],
      filters: { id: r.order_id },
    })
    order = data[0] ?? null
  }
  const payments = (order?.payment_collections ?? []).flatMap((pc: any) => (pc.payments ?? []).map((p: any) => ({ ...p, collection_id: pc.id })))
  return new StepResponse({
    reservation_id: r.id as string,
    order_id: order && order.status !== OrderStatus.CANCELED ? (order.id as string) : null,
    keep_deposit: keepDeposit,
    line_item_ids: (order?.items ?? []).map((i: any) => i.id as string),
    // Kept: only the deposit; anything else captured (a paid balance) goes back.
    refund_balance: keepDeposit ? payments.filter((p: any) => p.collection_id === r.balance_collection_id && p.captured_at).map((p: any) => ({ id: p.id, amount: Number(p.amount) })) : [],
    uncaptured_payment_ids: payments.filter((p: any) => !p.captured_at).map((p: any) => p.id as string),
    // A payment the customer started and has not finished (a Stripe PaymentIntent awaiting
    // confirmation): deleted, so the provider cancels it and it can't take money for a canceled order.
    pending_session_ids:
      order && order.status !== OrderStatus.CANCELED
        ? (order.payment_collections ?? []).flatMap((pc: any) => (pc.payment_sessions ?? []).filter((ps: any) => ps.status === "pending" || ps.status === "requires_more").map((ps: any) => ps.id as string))
        : [],
    outcome,
  })
})

/**
 * Payments the customer started and has not finished, deleted so the provider cancels them
 * (Medusa's deletePaymentSessionsWorkflow, run per session so what it deleted stays deleted), then
 * read again: one that survived (the provider's cancel failed; Medusa only logs that) could still
 * take money, so the reservation is not ended now — it stays open and is tried again (the next
 * cancellation call, the minute job), and a capture meanwhile pays it and is refunded with it.
 */
const dropPendingSessionsStep = createStep("drop-presale-pending-sessions", async (input: { reservation_id: string; ids: string[] }, { container }) => {
  if (!input.ids.length) return new StepResponse([])
  // One at a time: a session whose cancel failed does not bring back (Medusa's compensation
  // re-creates what its run deleted) the ones that were canceled.
  let cause: Error | null = null
  for (const id of input.ids) {
    await deletePaymentSessionsWorkflow(container)
      .run({ input: { ids: [id] } })
      .catch((e: Error) => void (cause = e))
  }
  const left = await container.resolve(Modules.PAYMENT).listPaymentSessions({ id: input.ids } as any, { select: ["id", "status"] })
  const pending = (left as any[]).filter((s) => s.status === "pending" || s.status === "requires_more")
  if (pending.length) {
    throw new PresaleConflict(
      `A payment started on reservation ${input.reservation_id} could not be canceled at its provider (${pending.map((s) => s.id).join(", ")}${cause ? `: ${(cause as Error).message}` : ""}); it stays open and is tried again`,
      "presale_payment_pending",
      { payment_session_ids: pending.map((s) => s.id) }
    )
  }
  if (cause) throw cause
  return new StepResponse(input.ids)
})

const releaseUnitsStep = createStep("release-presale-units", async (input: { reservation_id: string; to: ReservationStatus; from: ReservationStatus[]; reason: string }, { container }) => {
  const ended = await presaleOf(container).release(input.reservation_id, input.from, input.to, input.reason)
  return new StepResponse(ended ? { id: ended.id as string, campaign_id: ended.campaign_id as string, item_id: ended.item_id as string, quantity: ended.quantity as number } : null)
})

/** Ends a reservation, cancels its order (refunding per the rules) and gives its units back to the campaign. */
export const endPresaleReservationWorkflow = createWorkflow(
  "end-presale-reservation",
  (input: { reservation_id: string; reason: EndReason; customer_id?: string; canceled_by?: string }) => {
    // The lock its order is made under: an order being made right now (a reservation only just
    // taken when its campaign is canceled) is there, and canceled, before this reads it; one asked
    // for after this ends finds the reservation ended and makes nothing.
    const key = transform({ input }, ({ input }) => `presale-order:${input.reservation_id}`)
    acquireLockStep({ key, timeout: 60, ttl: 120 })
    const plan = planEndStep(input)

    dropPendingSessionsStep(transform({ plan }, ({ plan }) => ({ reservation_id: plan.reservation_id, ids: plan.pending_session_ids })))
    when("presale-end-refund-all", { plan }, ({ plan }) => !!plan.order_id && !plan.keep_deposit).then(() => {
      cancelOrderWorkflow.runAsStep({
        input: transform({ plan, input }, ({ plan, input }) => ({ order_id: plan.order_id!, canceled_by: input.canceled_by, no_notification: false })),
      })
    })
    when("presale-end-refund-balance", { plan }, ({ plan }) => !!plan.order_id && plan.keep_deposit && plan.refund_balance.length > 0).then(() => {
      refundPaymentWorkflow.runAsStep({
        input: transform({ plan }, ({ plan }) => ({ payment_id: plan.refund_balance[0].id, amount: plan.refund_balance[0].amount })),
      }).config({ name: "refund-presale-balance" })
    })
    when("presale-end-keep-deposit", { plan }, ({ plan }) => !!plan.order_id && plan.keep_deposit).then(() => {
      deleteReservationsByLineItemsStep(transform({ plan }, ({ plan }) => plan.line_item_ids))
      cancelPaymentStep(transform({ plan }, ({ plan }) => ({ paymentIds: plan.uncaptured_payment_ids })))
      cancelOrdersStep(transform({ plan }, ({ plan }) => ({ orderIds: [plan.order_id!] })))
      emitEventStep({ eventName: OrderWorkflowEvents.CANCELED, data: transform({ plan }, ({ plan }) => ({ id: plan.order_id })) }).config({ name: "emit-order-canceled-kept-deposit" })
    })

    const ended = releaseUnitsStep(
      transform({ plan, input }, ({ plan, input }) => ({ reservation_id: plan.reservation_id, to: plan.outcome.to, from: plan.outcome.from, reason: input.reason }))
    )
    when({ ended }, ({ ended }) => !!ended).then(() => {
      emitEventStep({
        eventName: transform({ plan }, ({ plan }) => plan.outcome.event) as any,
        data: transform({ ended, input }, ({ ended, input }) => ({ id: ended!.id, campaign_id: ended!.campaign_id, reason: input.reason })),
      }).config({ name: "emit-presale-ended" })
    })
    // A canceled campaign's units go to nobody: its waitlist is closed, not promoted.
    when("presale-end-quota-returned", { ended, input }, ({ ended, input }) => !!ended && input.reason !== "campaign_canceled").then(() => {
      emitEventStep({
        eventName: PresaleEvents.QUOTA_RETURNED,
        data: transform({ ended }, ({ ended }) => ({ campaign_id: ended!.campaign_id, item_id: ended!.item_id, quantity: ended!.quantity })),
      }).config({ name: "emit-presale-quota-returned" })
    })
    releaseLockStep({ key })
    return new WorkflowResponse(ended)
  }
)
