/**
 * Worker-thread entry: loads one HiGHS runtime for the life of the thread and solves the
 * problems the planner posts, one at a time (HiGHS solves are synchronous and would otherwise
 * block the event loop).
 */
import loadHighs, { type Highs } from "highs"
import { parentPort } from "node:worker_threads"
import type { Problem } from "./problem"
import { solveProblem } from "./solve"
import type { ResolvedOptions } from "./validate"

export interface SolveRequest {
  id: number
  problem: Problem
  options: ResolvedOptions
}

export type SolveReply = { id: number; ok: true; plan: import("./types").TransferPlan } | { id: number; ok: false; error: string }

let runtime: Promise<Highs> | null = null

if (parentPort) {
  const port = parentPort
  runtime = loadHighs()
  runtime.catch(() => undefined) // reported per request below
  port.on("message", async (req: SolveRequest) => {
    try {
      const highs = await runtime!
      const plan = solveProblem(highs, req.problem, req.options)
      port.postMessage({ id: req.id, ok: true, plan } satisfies SolveReply)
    } catch (e) {
      port.postMessage({ id: req.id, ok: false, error: String((e as Error)?.message ?? e) } satisfies SolveReply)
    }
  })
}
