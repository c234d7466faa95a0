import type { MedusaContainer } from "@medusajs/framework/types"
import { cancelPresaleCampaign, OPEN_STATUSES } from "./cancel-campaign"
import { createPresaleOrderWorkflow } from "./create-presale-order"
import { endPresaleReservationWorkflow } from "./end-reservation"
import { presaleOf } from "./steps/presale-service"

/** A reservation whose order was not made this long after it (its process died between the two). */
export const ORPHAN_AFTER_MS = 60_000

export type LifecycleReport = { expired: number; forfeited: number; orders_made: number; cancellations_completed: number; failed: { id: string; error: string }[] }

/**
 * The clock's side of presales, safe to run anywhere at any time (each change is conditional):
 * unpaid reservations past their time expire and give their units back; deposits whose balance
 * window closed unpaid are forfeited; reservations left without an order get it; a campaign
 * cancellation left unfinished (a crash, a failure, a call's limit) is carried on.
 */
export async function runPresaleLifecycle(container: MedusaContainer, now = new Date(), batch = 200): Promise<LifecycleReport> {
  const presale = presaleOf(container)
  const out: LifecycleReport = { expired: 0, forfeited: 0, orders_made: 0, cancellations_completed: 0, failed: [] }
  const attempt = async (id: string, fn: () => Promise<unknown>) => {
    try {
      await fn()
      return true
    } catch (e) {
      out.failed.push({ id, error: (e as Error).message })
      return false
    }
  }
  const orphans = await presale.listPresaleReservations(
    { status: "reserved", order_id: null, created_at: { $lt: new Date(now.getTime() - ORPHAN_AFTER_MS) } } as any,
    { select: ["id"], take: batch }
  )
  for (const r of orphans as any[]) if (await attempt(r.id, () => createPresaleOrderWorkflow(container).run({ input: { reservation_id: r.id } }))) out.orders_made++

  const due = await presale.listPresaleReservations({ status: "reserved", expires_at: { $lt: now } } as any, { select: ["id"], take: batch })
  for (const r of due as any[]) if (await attempt(r.id, () => endPresaleReservationWorkflow(container).run({ input: { reservation_id: r.id, reason: "expired" } }))) out.expired++

  // Not a canceled campaign's: its deposits are refunded by its cancellation (below), never kept.
  const closed = await presale.listPresaleCampaigns({ payment_mode: "deposit", balance_closes_at: { $lt: now }, status: { $ne: "canceled" } } as any, { select: ["id"], take: null as any })
  if (closed.length) {
    const unpaid = await presale.listPresaleReservations({ status: "deposit_paid", campaign_id: closed.map((c: any) => c.id) } as any, { select: ["id"], take: batch })
    for (const r of unpaid as any[]) if (await attempt(r.id, () => endPresaleReservationWorkflow(container).run({ input: { reservation_id: r.id, reason: "forfeited" } }))) out.forfeited++
  }
  // Canceled campaigns whose cancellation has not completed — or that still have an open
  // reservation although it completed (a claim that read the campaign active before the stop and
  // committed after the cancellation's last look): a batch each, skipped while an admin's call runs it.
  const canceled = (await presale.listPresaleCampaigns({ status: "canceled" } as any, { select: ["id", "metadata"], take: null as any })) as any[]
  const completed = canceled.filter((c) => c.metadata?.cancellation?.completed_at).map((c) => c.id as string)
  const lingering = new Set<string>()
  for (let i = 0; i < completed.length; i += 500) {
    const open = await presale.listPresaleReservations({ campaign_id: completed.slice(i, i + 500), status: OPEN_STATUSES } as any, { select: ["campaign_id"], take: batch })
    for (const r of open as any[]) lingering.add(r.campaign_id)
  }
  for (const c of canceled.filter((c) => !c.metadata?.cancellation?.completed_at || lingering.has(c.id))) {
    try {
      const report = await cancelPresaleCampaign(container, { id: c.id, limit: batch, wait_seconds: 1 })
      if (report.complete) out.cancellations_completed++
      for (const f of report.failures) out.failed.push({ id: f.reservation_id, error: f.reason })
    } catch (e) {
      if ((e as any)?.code !== "presale_cancel_running") out.failed.push({ id: c.id, error: (e as Error).message })
    }
  }
  return out
}
