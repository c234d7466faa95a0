/**
 * The transfer planner (issue 4 §3): a minimum-cost transportation problem from shortfalls to
 * surplus, solved exactly by HiGHS with column generation, explained line by line, with a
 * greedy nearest-source fallback and baseline. Pure: no I/O but its own worker thread, no
 * Medusa imports. See docs/transfers.md, "Planner".
 */
export type {
  Certificate,
  CostParams,
  DistanceInput,
  PlanLine,
  PlanMethod,
  PlanOptions,
  PlanStats,
  QuantityLine,
  ShopInput,
  TransferInstance,
  TransferPlan,
  UnmetLine,
} from "./types"
export { buildProblem, resolveOptions, TransferPlanInputError, type ResolvedOptions } from "./validate"
export { CostModel, type Problem } from "./problem"
export { greedyFlows, type Flow } from "./greedy"
export { planCost, solveInstance, solveProblem } from "./solve"
export { TransferPlanner } from "./planner"
