import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { PlanLine } from "../../../lib/transfer-plan"
import { REPLENISHMENT_MODULE } from "../../../modules/replenishment"
import type ReplenishmentModuleService from "../../../modules/replenishment/service"
import { TRANSFERS_MODULE } from "../../../modules/transfers"
import type TransfersModuleService from "../../../modules/transfers/service"
import { variantStocking } from "../../replenishment/queries/stock-positions"

export type ApplyTransferPlanInput = { id: string; actor: string | null }

const transfers = (c: any) => c.resolve(TRANSFERS_MODULE) as TransfersModuleService

const claimPlanStep = createStep(
  "claim-transfer-plan",
  async (input: ApplyTransferPlanInput, { container }) => new StepResponse(await transfers(container).claimPlan(input.id, input.actor), input.id),
  async (id, { container }) => {
    if (id) await transfers(container).updateTransferPlans({ id, status: "proposed", applied_at: null, applied_by: null } as any)
  }
)

/**
 * One transfer per source location (a distribution document when it serves several shops),
 * requested, each line carrying the approved proposals it covers.
 */
const createPlanTransfersStep = createStep(
  "create-plan-transfers",
  async ({ plan, actor }: { plan: Record<string, any>; actor: string | null }, { container }) => {
    const service = transfers(container)
    const lines: PlanLine[] = plan.result?.lines ?? []
    const proposals: Record<string, string[]> = plan.proposal_ids ?? {}
    const stocking = await variantStocking(container, [...new Set(lines.map((l) => l.variant))])
    const bySource = new Map<string, PlanLine[]>()
    for (const l of lines) bySource.set(l.from, [...(bySource.get(l.from) ?? []), l])
    const numbers = await service.nextTransferNumbers(bySource.size)
    const created: { id: string; number: string }[] = []
    try {
      for (const [i, [source, group]] of [...bySource.entries()].entries()) {
        const t: any = await service.createTransfers({
          number: numbers[i],
          origin: "plan",
          status: "requested",
          requested_at: new Date(),
          source_location_id: source,
          plan_id: plan.id,
          reason: "transfer plan",
          created_by: actor,
        } as any)
        created.push({ id: t.id, number: numbers[i] })
        await service.createTransferLines(
          group.map((l) => {
            const s = stocking.get(l.variant)!
            return {
              transfer_id: t.id,
              destination_location_id: l.to,
              variant_id: l.variant,
              inventory_item_id: s.item,
              units_per_item: s.per,
              quantity_requested: l.quantity,
              proposal_ids: proposals[`${l.to}|${l.variant}`] ?? null,
            }
          }) as any
        )
      }
    } catch (e) {
      await removeTransfers(service, created.map((c) => c.id))
      throw e
    }
    return new StepResponse(created, created.map((c) => c.id))
  },
  async (ids, { container }) => {
    if (ids?.length) await removeTransfers(transfers(container), ids)
  }
)

async function removeTransfers(service: TransfersModuleService, ids: string[]) {
  const lines = await service.listTransferLines({ transfer_id: ids } as any, { select: ["id"], take: null as any })
  if (lines.length) await service.deleteTransferLines(lines.map((l: any) => l.id))
  await service.deleteTransfers(ids)
}

/** The proposals whose shortfall the plan moves stock for; fully unmet ones stay approved for a later plan. */
const consumePlanProposalsStep = createStep(
  "consume-plan-proposals",
  async ({ plan }: { plan: Record<string, any> }, { container }) => {
    const served = new Set(((plan.result?.lines ?? []) as PlanLine[]).map((l) => `${l.to}|${l.variant}`))
    const ids = Object.entries((plan.proposal_ids ?? {}) as Record<string, string[]>)
      .filter(([k]) => served.has(k))
      .flatMap(([, v]) => v)
    await container.resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE).consumeProposals(ids, plan.id)
    return new StepResponse(ids.length, { ids, by: plan.id })
  },
  async (undo, { container }) => {
    if (undo) await container.resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE).unconsumeProposals(undo.ids, undo.by)
  }
)

const recordPlanTransfersStep = createStep("record-plan-transfers", async ({ id, transfer_ids }: { id: string; transfer_ids: string[] }, { container }) => {
  await transfers(container).updateTransferPlans({ id, transfer_ids } as any)
  return new StepResponse(transfer_ids)
})

/**
 * Applies a stored plan once: creates its transfers as requests (approval then reserves at
 * each source) and consumes the approved proposals they cover — so one shortfall never becomes
 * two transfers. A plan whose proposals changed since it was made is refused (409 plan_stale)
 * and everything it did is undone.
 */
export const applyTransferPlanWorkflow = createWorkflow("apply-transfer-plan", (input: ApplyTransferPlanInput) => {
  const plan = claimPlanStep(input)
  const created = createPlanTransfersStep(transform({ plan, input }, ({ plan, input }) => ({ plan, actor: input.actor })))
  consumePlanProposalsStep(transform({ plan }, ({ plan }) => ({ plan })))
  recordPlanTransfersStep(transform({ plan, created }, ({ plan, created }) => ({ id: plan.id, transfer_ids: created.map((c) => c.id) })))
  emitEventStep(
    transform({ created }, ({ created }) => ({
      eventName: "transfer.requested",
      data: created.map((c) => ({ id: c.id, number: c.number, status: "requested" })),
    }))
  )
  return new WorkflowResponse(transform({ plan, created }, ({ plan, created }) => ({ plan_id: plan.id, transfers: created })))
})
