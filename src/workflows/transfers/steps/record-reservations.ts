import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRANSFERS_MODULE } from "../../../modules/transfers"
import type TransfersModuleService from "../../../modules/transfers/service"

/** Keeps each line's source reservation id, so shipping or cancelling releases exactly it. */
export const recordReservationsStep = createStep("record-transfer-reservations", async (byLine: Record<string, string>, { container }) => {
  const updates = Object.entries(byLine).map(([id, reservation_id]) => ({ id, reservation_id }))
  if (updates.length) await container.resolve<TransfersModuleService>(TRANSFERS_MODULE).updateTransferLines(updates as any)
  return new StepResponse(updates.length)
})
