import { TransferPlanner } from "../../../lib/transfer-plan"

let planner: TransferPlanner | null = null

/** One planner per process: it keeps a worker thread with HiGHS loaded between plans. */
export function sharedPlanner(): TransferPlanner {
  planner ??= new TransferPlanner()
  return planner
}
