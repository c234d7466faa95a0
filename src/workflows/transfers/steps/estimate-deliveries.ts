import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { expectedArrival } from "../../../lib/transfer-state/delivery"
import { TRANSFERS_MODULE } from "../../../modules/transfers"
import type TransfersModuleService from "../../../modules/transfers/service"

/** When each line of a transfer leaving now can be handed over, in its destination's receiving hours. */
export const estimateDeliveriesStep = createStep("estimate-transfer-deliveries", async (input: { id: string }, { container }) => {
  const service = container.resolve<TransfersModuleService>(TRANSFERS_MODULE)
  const transfer: any = await service.retrieveTransfer(input.id, { relations: ["lines"] })
  const locations = [transfer.source_location_id, ...transfer.lines.map((l: any) => l.destination_location_id)]
  const { data: shops } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "shop",
    fields: ["stock_location_id", "latitude", "longitude", "timezone", "opening_hours", "receiving_hours", "closures"],
    filters: { stock_location_id: [...new Set(locations)] } as any,
  })
  const at = new Map((shops as any[]).map((s) => [s.stock_location_id, s]))
  const departure = new Date()
  const out: Record<string, string | null> = {}
  for (const l of transfer.lines) {
    const dest = at.get(l.destination_location_id)
    out[l.id] = dest ? expectedArrival(at.get(transfer.source_location_id) ?? null, dest, departure)?.toISOString() ?? null : null
  }
  return new StepResponse(out)
})
