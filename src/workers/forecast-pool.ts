import fs from "node:fs"
import path from "node:path"
import { Worker } from "node:worker_threads"
import { splitChunk } from "./chunk-split"
import type { ChunkContext, ChunkOutput, SeriesTask } from "./forecast-compute"

type Pending = { resolve: (r: ChunkOutput) => void; reject: (e: Error) => void }

/**
 * A fixed set of worker threads for the forecast arithmetic, so the event loop of the process
 * that runs the job (HTTP, heartbeats, database I/O) never waits on it. A chunk is split into
 * contiguous slices, one per thread, at location boundaries where it can (chunk-split.ts).
 *
 * From the TypeScript sources (medusa develop/exec, jest) a thread registers ts-node (with swc,
 * as the Medusa CLI itself does) before loading the entry; from a build it loads the .js entry.
 */
export class ForecastPool {
  private workers: Worker[] = []
  private pending = new Map<number, Pending>()
  private nextId = 1
  private failed: Error | null = null

  constructor(readonly size: number) {
    if (!(size >= 1)) throw new Error(`worker count must be ≥ 1, got ${size}`)
    for (let i = 0; i < size; i++) this.workers.push(this.spawn())
  }

  private spawn(): Worker {
    const js = path.join(__dirname, "forecast-worker.js")
    let worker: Worker
    if (fs.existsSync(js)) {
      worker = new Worker(js)
    } else {
      const entry = path.join(__dirname, "forecast-worker.ts")
      const root = path.resolve(__dirname, "../..")
      const tsNode = require.resolve("ts-node", { paths: [root] })
      const code =
        `require(${JSON.stringify(tsNode)}).register({ transpileOnly: true, swc: true, project: ${JSON.stringify(path.join(root, "tsconfig.json"))} });` +
        `require(${JSON.stringify(entry)});`
      worker = new Worker(code, { eval: true })
    }
    worker.on("message", (msg: { id: number; result?: ChunkOutput; error?: string }) => {
      const p = this.pending.get(msg.id)
      if (!p) return
      this.pending.delete(msg.id)
      if (msg.error) p.reject(new Error(`forecast worker: ${msg.error}`))
      else p.resolve(msg.result!)
    })
    worker.on("error", (e) => this.fail(e))
    worker.on("exit", (code) => {
      if (code !== 0) this.fail(new Error(`forecast worker exited with code ${code}`))
    })
    return worker
  }

  private fail(e: Error) {
    this.failed ??= e
    for (const p of this.pending.values()) p.reject(e)
    this.pending.clear()
  }

  private send(worker: Worker, ctx: ChunkContext, tasks: SeriesTask[]): Promise<ChunkOutput> {
    if (this.failed) return Promise.reject(this.failed)
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      worker.postMessage({ id, ctx, tasks })
    })
  }

  /** Computes a chunk across the threads (splitChunk); results come back in task order (one JSON array). */
  async compute(ctx: ChunkContext, tasks: SeriesTask[]): Promise<ChunkOutput> {
    const parts = await Promise.all(splitChunk(tasks, this.workers.length).map((slice, i) => this.send(this.workers[i], ctx, slice)))
    const filled = parts.filter((p) => p.policyCount > 0)
    return {
      policiesJson: filled.length === 1 ? filled[0].policiesJson : `[${filled.map((p) => p.policiesJson.slice(1, -1)).join(",")}]`,
      policyCount: parts.reduce((s, p) => s + p.policyCount, 0),
      failures: parts.flatMap((p) => p.failures),
      overridesKept: parts.reduce((s, p) => s + p.overridesKept, 0),
    }
  }

  async close() {
    await Promise.all(this.workers.map((w) => w.terminate()))
    this.workers = []
  }
}
