import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createPresaleOrderWorkflow } from "./create-presale-order"
import { PresaleEvents, presaleOf } from "./steps/presale-service"
import { resolvePresaleBuyer } from "./steps/resolve-buyer"

export type ReservePresaleInput = {
  campaign_id: string
  item_id?: string
  variant_id?: string
  quantity: number
  customer_id: string
  sales_channel_id: string
  shipping_address?: Record<string, unknown> | null
  waitlist_entry_id?: string | null
  idempotency_key?: string | null
}

/**
 * The units, counted by the gate and the database; if anything after this fails the units
 * go back (the reservation ends as canceled, with the reason).
 */
const reserveUnitsStep = createStep(
  "reserve-presale-units",
  async (input: ReservePresaleInput, { container }) => {
    const buyer = await resolvePresaleBuyer(container, input.customer_id)
    const r = await presaleOf(container).reserve({
      campaign_id: input.campaign_id,
      item_id: input.item_id,
      variant_id: input.variant_id,
      quantity: input.quantity,
      customer_id: buyer.customer_id,
      member_id: buyer.member_id,
      phone: buyer.phone,
      sales_channel_id: input.sales_channel_id,
      tier_priority: buyer.tier_priority,
      shipping_address: input.shipping_address ?? null,
      waitlist_entry_id: input.waitlist_entry_id ?? null,
      idempotency_key: input.idempotency_key ?? null,
    })
    return new StepResponse({ id: r.id as string, campaign_id: r.campaign_id as string }, r.id as string)
  },
  async (id, { container }) => {
    if (id) await presaleOf(container).release(id, ["reserved"], "canceled", "order_failed")
  }
)

/** A reservation and, at once, the Medusa order behind it. */
export const reservePresaleWorkflow = createWorkflow("reserve-presale", (input: ReservePresaleInput) => {
  const reservation = reserveUnitsStep(input)
  const order = createPresaleOrderWorkflow.runAsStep({ input: transform({ reservation }, ({ reservation }) => ({ reservation_id: reservation.id })) })
  emitEventStep({
    eventName: PresaleEvents.RESERVED,
    data: transform({ reservation, order }, ({ reservation, order }) => ({ id: reservation.id, campaign_id: reservation.campaign_id, order_id: order.order_id })),
  })
  return new WorkflowResponse(transform({ reservation, order }, ({ reservation, order }) => ({ id: reservation.id, order_id: order.order_id })))
})
