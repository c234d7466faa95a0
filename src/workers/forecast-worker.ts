/**
 * Worker-thread entry of the forecast run: one ChunkComputer (and so one forecast Workspace) per
 * thread, reused for every slice it is sent. Messages: { id, ctx, tasks } → { id, result } (a ChunkOutput:
 * policies as JSON) or { id, error }.
 */
import { parentPort } from "node:worker_threads"
import { ChunkComputer, toChunkOutput, type ChunkContext, type SeriesTask } from "./forecast-compute"

const computer = new ChunkComputer()

parentPort!.on("message", (msg: { id: number; ctx: ChunkContext; tasks: SeriesTask[] }) => {
  try {
    parentPort!.postMessage({ id: msg.id, result: toChunkOutput(computer.compute(msg.ctx, msg.tasks)) })
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: (e as Error)?.stack ?? String(e) })
  }
})
