import { resolve } from "node:path"
import { Worker } from "node:worker_threads"
import { greedyFlows } from "./greedy"
import { CostModel, variantBlocks } from "./problem"
import { explain, planCost } from "./solve"
import type { PlanOptions, PlanStats, TransferPlan } from "./types"
import { buildProblem, resolveOptions } from "./validate"
import type { SolveReply, SolveRequest } from "./worker"

/** Time the worker gets past the solve budget (structured clone, explanation) before it is stopped. */
const GRACE_MS = 2000

/**
 * Plans transfers in a worker thread that keeps one HiGHS runtime loaded. Input is validated
 * here, so bad input throws TransferPlanInputError before any thread is involved. If the worker
 * fails or does not answer within the time budget (+ a grace period), it is terminated (a new
 * one starts on the next call) and the greedy plan is returned with the reason in
 * stats.fallback: a plan always comes back.
 */
export class TransferPlanner {
  private worker: Worker | null = null
  private seq = 0
  private readonly pending = new Map<number, (reply: SolveReply) => void>()

  async plan(instance: unknown, options?: PlanOptions): Promise<TransferPlan> {
    const started = performance.now()
    const problem = buildProblem(instance)
    const o = resolveOptions((instance as { options?: unknown }).options, options)
    if (o.method !== "greedy") {
      const id = ++this.seq
      const worker = this.ensureWorker()
      const reply = await new Promise<SolveReply | null>((done) => {
        const timer = setTimeout(() => {
          this.pending.delete(id)
          done(null)
        }, o.timeBudgetMs + GRACE_MS)
        this.pending.set(id, (r) => {
          clearTimeout(timer)
          done(r)
        })
        worker.postMessage({ id, problem, options: o } satisfies SolveRequest)
      })
      if (reply?.ok) return reply.plan
      const reason = reply ? `solver failure: ${reply.error}` : `the solver thread did not answer within ${o.timeBudgetMs + GRACE_MS} ms`
      if (!reply) await this.stopWorker()
      return this.greedy(problem, o.maxSources, started, reason)
    }
    return this.greedy(problem, o.maxSources, started)
  }

  private greedy(problem: ReturnType<typeof buildProblem>, maxSources: number, started: number, fallback?: string): TransferPlan {
    const costs = new CostModel(problem)
    const flows = greedyFlows(problem, costs, maxSources)
    const stats: PlanStats = {
      solve_ms: 0,
      method: "greedy",
      status: "greedy",
      ...(fallback ? { fallback } : {}),
      iterations: 0,
      columns: 0,
      lanes_total: 0,
      rows: 0,
      simplex_iterations: 0,
      units_short: problem.demQty.reduce((a, b) => a + b, 0),
      units_moved: 0,
      units_unmet: 0,
    }
    const plan = explain(problem, costs, variantBlocks(problem), flows, stats)
    plan.stats.greedy_cost = Math.round(planCost(problem, costs, flows) * 1e6) / 1e6
    plan.stats.saving_vs_greedy = 0
    plan.stats.solve_ms = Math.round((performance.now() - started) * 1e6) / 1e6
    return plan
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    const worker = spawnWorker()
    worker.on("message", (reply: SolveReply) => {
      const done = this.pending.get(reply.id)
      this.pending.delete(reply.id)
      done?.(reply)
    })
    const failAll = (error: string) => {
      for (const [id, done] of this.pending) done({ id, ok: false, error })
      this.pending.clear()
      if (this.worker === worker) this.worker = null
    }
    worker.on("error", (e) => failAll(`solver thread crashed: ${e.message}`))
    worker.on("exit", (code) => failAll(`solver thread exited (${code})`))
    worker.unref()
    this.worker = worker
    return worker
  }

  private async stopWorker(): Promise<void> {
    const w = this.worker
    this.worker = null
    if (w) await w.terminate()
  }

  /** Stops the worker thread (it is also unref'd, so it never keeps a process alive). */
  async close(): Promise<void> {
    await this.stopWorker()
  }
}

/**
 * The compiled app runs worker.js beside this file. From TypeScript sources (ts-node, jest)
 * the thread registers ts-node first, the way bench/ and scripts/ do.
 */
function spawnWorker(): Worker {
  if (!__filename.endsWith(".ts")) return new Worker(resolve(__dirname, "worker.js"))
  const tsNode = require.resolve("ts-node")
  const code = `require(${JSON.stringify(tsNode)}).register({ transpileOnly: true, swc: true, projectSearchDir: ${JSON.stringify(__dirname)} });\nrequire(${JSON.stringify(resolve(__dirname, "worker.ts"))});`
  return new Worker(code, { eval: true })
}
