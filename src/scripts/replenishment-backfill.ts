import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  recordOrderDemandWorkflow,
  recordReturnDemandWorkflow,
  reverseCanceledOrderDemandWorkflow,
} from "../workflows/replenishment"

/**
 * npm run replenishment:backfill [-- --page-size 200]
 *
 * Rebuilds demand history from every existing order, oldest first, a page at a time: what was
 * sold where, cancellations, received returns. It runs the same workflows as the subscribers,
 * so the ledger makes it idempotent: a second run, or a run after a crash, records only what is
 * missing. Orders placed while it runs are captured by the subscribers as usual.
 */
export default async function replenishmentBackfill({ container, args }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  // medusa exec refuses unknown --options, so package.json passes ours after a "--".
  const dash = process.argv.indexOf("--")
  const words = [...(args ?? []), ...(dash >= 0 ? process.argv.slice(dash + 1) : [])]
  const flag = (name: string) => {
    const i = words.findIndex((w) => w === `--${name}` || w.startsWith(`--${name}=`))
    if (i < 0) return undefined
    return words[i]!.includes("=") ? words[i]!.split("=")[1] : words[i + 1]
  }
  const pageSize = Math.max(1, Math.min(1000, Number(flag("page-size") ?? 200) || 200))

  const { metadata } = await query.graph({ entity: "order", fields: ["id"], pagination: { skip: 0, take: 1 } })
  const total = metadata?.count ?? 0
  const started = Date.now()
  const totals = { orders: 0, recorded: 0, skipped: 0, failed: 0 }
  const tally = (r: { recorded: number; skipped: number }) => {
    totals.recorded += r.recorded
    totals.skipped += r.skipped
  }
  logger.info(`[replenishment:backfill] ${total} orders, ${pageSize} a page`)

  for (let skip = 0; skip < total; skip += pageSize) {
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "status"],
      pagination: { skip, take: pageSize, order: { created_at: "ASC", id: "ASC" } },
    })
    if (!orders.length) break
    const { data: returns } = await query.graph({
      entity: "return",
      fields: ["id", "order_id"],
      filters: { order_id: orders.map((o: any) => o.id), status: ["received", "partially_received"] },
    })
    for (const order of orders as any[]) {
      try {
        tally((await recordOrderDemandWorkflow(container).run({ input: { order_id: order.id } })).result)
        if (order.status === "canceled") {
          tally((await reverseCanceledOrderDemandWorkflow(container).run({ input: { order_id: order.id } })).result)
        }
        for (const ret of (returns as any[]).filter((r) => r.order_id === order.id)) {
          tally((await recordReturnDemandWorkflow(container).run({ input: { order_id: order.id, return_id: ret.id } })).result)
        }
      } catch (e) {
        // One broken order must not stop the rebuild; a rerun retries it.
        totals.failed++
        logger.warn(`[replenishment:backfill] order ${order.id}: ${(e as Error).message}`)
      }
      totals.orders++
    }
    const seconds = (Date.now() - started) / 1000
    logger.info(
      `[replenishment:backfill] orders ${totals.orders}/${total} (${((100 * totals.orders) / Math.max(total, 1)).toFixed(1)}%), ` +
        `${totals.recorded} events recorded, ${totals.skipped} already there, ${totals.failed} failed, ` +
        `${(totals.orders / Math.max(seconds, 0.001)).toFixed(0)} orders/s`
    )
  }
  logger.info(`[replenishment:backfill] done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(totals)}`)
}
