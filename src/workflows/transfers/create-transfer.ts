import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createTransferDocumentStep } from "./steps/create-transfer-document"
import { resolveTransferInputStep, type CreateTransferInput } from "./steps/resolve-transfer-input"

/** A new transfer document, by hand or from a plan; emits transfer.created (and .requested when submitted). */
export const createTransferWorkflow = createWorkflow("create-transfer", (input: CreateTransferInput) => {
  const resolved = resolveTransferInputStep(input)
  const created = createTransferDocumentStep(resolved)
  emitEventStep(
    transform({ created }, ({ created }) => ({
      eventName: created.status === "requested" ? "transfer.requested" : "transfer.created",
      data: { id: created.id, number: created.number, status: created.status },
    }))
  )
  return new WorkflowResponse(created)
})
