import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRANSFERS_MODULE } from "../../../modules/transfers"
import type TransfersModuleService from "../../../modules/transfers/service"
import type { ResolvedTransfer } from "./resolve-transfer-input"

/** Writes the document and its lines (draft, or requested when submitted); compensation deletes them. */
export const createTransferDocumentStep = createStep(
  "create-transfer-document",
  async (input: ResolvedTransfer, { container }) => {
    const service = container.resolve<TransfersModuleService>(TRANSFERS_MODULE)
    const [number] = await service.nextTransferNumbers(1)
    const transfer: any = await service.createTransfers({
      number,
      origin: input.origin ?? "manual",
      status: input.submit ? "requested" : "draft",
      requested_at: input.submit ? new Date() : null,
      source_location_id: input.source_location_id,
      reason: input.reason ?? null,
      note: input.note ?? null,
      plan_id: input.plan_id ?? null,
      order_id: input.order_id ?? null,
      created_by: input.actor ?? null,
    } as any)
    await service.createTransferLines(input.lines.map((l) => ({ ...l, transfer_id: transfer.id })) as any)
    return new StepResponse({ id: transfer.id, number, status: transfer.status }, transfer.id)
  },
  async (id, { container }) => {
    if (!id) return
    const service = container.resolve<TransfersModuleService>(TRANSFERS_MODULE)
    const lines = await service.listTransferLines({ transfer_id: id } as any, { select: ["id"] })
    await service.deleteTransferLines(lines.map((l: any) => l.id))
    await service.deleteTransfers(id)
  }
)
