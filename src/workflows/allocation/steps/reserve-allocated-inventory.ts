import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { tagOf } from "../utils/order-input"
import type { AllocatedReservation } from "./allocate-inventory"

/**
 * Gives each reservation made at allocation its order line (the part of the cart line at that
 * location), as Medusa's fulfilment, cancellation and returns find reservations by line item.
 * Quantities and locations don't change, so no level moves. Undone with the reservations
 * themselves (allocateInventoryStep's compensation deletes them).
 */
export const attachReservationsStepId = "attach-reservations-to-order-lines"
export const attachReservationsStep = createStep(
  attachReservationsStepId,
  async (input: { order: any; reservations: AllocatedReservation[] }, { container }) => {
    if (!input.reservations.length) return new StepResponse([] as { id: string }[])
    const lineOf = new Map<string, string>()
    for (const item of input.order.items ?? []) {
      const tag = tagOf(item)
      if (tag) lineOf.set(`${tag.cart_line_item_id}|${tag.location_id}`, item.id)
    }
    const updates = input.reservations.map((r) => {
      const line_item_id = lineOf.get(`${r.cart_line_item_id}|${r.location_id}`)
      if (!line_item_id) throw new Error(`No order line for the reservation ${r.id} at ${r.location_id}`)
      return { id: r.id, line_item_id }
    })
    // line_item_id is a column of the reservation; UpdateReservationItemInput's type leaves it out.
    await container.resolve(Modules.INVENTORY).updateReservationItems(updates as any)
    return new StepResponse(updates.map((u) => ({ id: u.id })))
  }
)
