import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { movesOf, type ActionInput } from "./plans"
import { estimateDeliveriesStep } from "./steps/estimate-deliveries"
import { moveTransferStockStep } from "./steps/move-transfer-stock"
import { recordReservationsStep } from "./steps/record-reservations"
import { transitionTransferStep } from "./steps/transition-transfer"

/** Event per action; receive says whether the document is now complete. */
const eventOf = (action: string, status: string) =>
  action === "receive" ? (status === "received" ? "transfer.received" : "transfer.partially_received") : `transfer.${{ request: "requested", approve: "approved", ship: "shipped", close: "closed", cancel: "cancelled" }[action]}`

/**
 * Builds the workflow of one transfer action: the atomic state change, then the inventory
 * moves it implies under the locking module (each logged), then the event. If the moves fail —
 * not enough stock to approve — the state change is undone and nothing remains of the attempt.
 */
function transferActionWorkflow(action: "request" | "approve" | "ship" | "receive" | "close" | "cancel") {
  return createWorkflow(`${action}-transfer`, (input: ActionInput) => {
    // Shipping dates each line's arrival inside its destination's receiving hours.
    const expected = when({ input }, () => action === "ship").then(() => estimateDeliveriesStep(input))
    const result = transitionTransferStep(
      transform({ input, expected }, ({ input, expected }) => ({ action, input: expected ? { ...input, expected_at: expected } : input }))
    )
    const moves = transform({ result, input }, ({ result, input }) => ({
      transfer_id: result.transfer.id,
      number: result.transfer.number,
      action,
      actor: input.actor,
      reason: input.reason ?? null,
      moves: movesOf(action, result),
    }))
    const reservations = when({ moves }, ({ moves }) => moves.moves.length > 0).then(() => moveTransferStockStep(moves))
    when({ reservations }, ({ reservations }) => !!reservations && Object.keys(reservations).length > 0).then(() => {
      recordReservationsStep(reservations as any)
    })
    emitEventStep(
      transform({ result }, ({ result }) => ({
        eventName: eventOf(action, result.transfer.status),
        data: { id: result.transfer.id, number: result.transfer.number, status: result.transfer.status },
      }))
    )
    return new WorkflowResponse(transform({ result }, ({ result }) => ({ id: result.transfer.id, status: result.transfer.status })))
  })
}

export const requestTransferWorkflow = transferActionWorkflow("request")
export const approveTransferWorkflow = transferActionWorkflow("approve")
export const shipTransferWorkflow = transferActionWorkflow("ship")
export const receiveTransferWorkflow = transferActionWorkflow("receive")
export const closeTransferWorkflow = transferActionWorkflow("close")
export const cancelTransferWorkflow = transferActionWorkflow("cancel")
