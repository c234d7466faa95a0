import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { TransferPlanInputError } from "../../../lib/transfer-plan"
import { TRANSFERS_MODULE } from "../../../modules/transfers"
import type TransfersModuleService from "../../../modules/transfers/service"
import { buildPlanInstance, type PlanRequest } from "./build-plan-instance"
import { sharedPlanner } from "./planner"

export type CreateTransferPlanInput = PlanRequest & { actor?: string | null }

/**
 * A dry run: builds the instance from the live network, solves it (HiGHS in the planner's
 * worker thread; the greedy plan if the solver fails or runs out of time — the stats say so),
 * and stores the plan for the merchant to look at and apply. Nothing moves yet.
 */
const planTransfersStep = createStep(
  "plan-transfers",
  async (input: CreateTransferPlanInput, { container }) => {
    const { actor, ...req } = input
    const built = await buildPlanInstance(container, req)
    let plan
    try {
      plan = built.instance.shortfall.length
        ? await sharedPlanner().plan(built.instance)
        : { total_cost: 0, lines: [], unmet: [], stats: { solve_ms: 0, method: "greedy", status: "optimal", iterations: 0, columns: 0, lanes_total: 0, rows: 0, simplex_iterations: 0, units_short: 0, units_moved: 0, units_unmet: 0 } }
    } catch (e) {
      if (e instanceof TransferPlanInputError) throw new MedusaError(MedusaError.Types.INVALID_DATA, e.message)
      throw e
    }
    const service = container.resolve<TransfersModuleService>(TRANSFERS_MODULE)
    const stored: any = await service.createTransferPlans({
      status: "proposed",
      scope: { ...req, shortfall_source: built.shortfall_source, cost: built.instance.cost },
      total_cost: plan.total_cost,
      baseline_cost: (plan.stats as any).greedy_cost ?? null,
      result: { ...plan, shops: built.instance.shops.length, surplus_lines: built.instance.surplus.length },
      proposal_ids: built.proposals,
      created_by: actor ?? null,
    } as any)
    return new StepResponse(stored, stored.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<TransfersModuleService>(TRANSFERS_MODULE).deleteTransferPlans(id)
  }
)

export const createTransferPlanWorkflow = createWorkflow("create-transfer-plan", (input: CreateTransferPlanInput) => {
  return new WorkflowResponse(planTransfersStep(input))
})
