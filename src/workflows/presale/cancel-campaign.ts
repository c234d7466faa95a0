import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { PresaleConflict } from "../../modules/presale/claims"
import type { ReservationStatus } from "../../modules/presale/models/reservation"
import { endPresaleReservationWorkflow } from "./end-reservation"
import { adjustPresaleStockStep } from "./steps/campaign-stock"
import { PresaleEvents, presaleOf } from "./steps/presale-service"

/** Reservations a campaign's cancellation ends (converted ones are real orders now and stay). */
export const OPEN_STATUSES: ReservationStatus[] = ["reserved", "deposit_paid", "paid"]
export const CAMPAIGN_CANCELED = "campaign_canceled"

export type CancelCampaignInput = {
  id: string
  reason?: string | null
  canceled_by?: string | null
  /** Reservations this call ends at most; what is left is ended by the next call or the lifecycle job. */
  limit?: number
  /** Reservations read per page. */
  batch?: number
  /** How long to wait for another cancellation of this campaign to finish its batch (seconds). */
  wait_seconds?: number
}

export type CampaignCancellation = {
  presale_id: string
  status: "canceled"
  /** The status it had when the first call stopped it. */
  canceled_from: string | null
  reason: string | null
  canceled_at: string | null
  /** True once no reservation is left to end: every call after that answers the same counts. */
  complete: boolean
  /** Reservations this cancellation ended (all calls together), each order canceled and refunded in full. */
  canceled: number
  /** What Medusa's payment module refunded on those reservations' payments. */
  refunded_amount: number
  /** Converted reservations: real orders now, left alone. */
  skipped_converted: number
  /** Reservations still to end (a failure, or past this call's limit). */
  remaining: number
  waitlist_closed: number
  /** This call's failures; each such reservation stays open and is tried again by the next call or the job. */
  failures: { reservation_id: string; reason: string }[]
}

type Stop = { id: string; stopped: boolean; previous: { previous_status: string; previous_metadata: unknown } | null; reason: string | null; open: number; converted: number }

const stopCampaignStep = createStep(
  "stop-presale-campaign",
  async (input: { id: string; reason: string | null; canceled_by: string | null }, { container }) => {
    const presale = presaleOf(container)
    const previous = await presale.stopCampaign(input.id, { reason: input.reason, canceled_by: input.canceled_by, canceled_at: new Date().toISOString() })
    const outcomes = await presale.reservationOutcomes(input.id)
    const sum = (statuses: string[]) => outcomes.filter((o) => statuses.includes(o.status)).reduce((s, o) => s + o.reservations, 0)
    const stop: Stop = { id: input.id, stopped: !!previous, previous, reason: input.reason, open: sum(OPEN_STATUSES), converted: sum(["converted"]) }
    return new StepResponse(stop, previous ? { id: input.id, previous } : null)
  },
  async (undo, { container }) => {
    if (undo) await presaleOf(container).unstopCampaign(undo.id, undo.previous)
  }
)

/**
 * Stops a campaign: canceled at once (one conditional UPDATE, so the next reservation anywhere
 * is refused), and `presale.campaign_canceled` announced once, by the call that stopped it.
 */
export const stopPresaleCampaignWorkflow = createWorkflow("stop-presale-campaign", (input: { id: string; reason: string | null; canceled_by: string | null }) => {
  const stop = stopCampaignStep(input)
  when({ stop }, ({ stop }) => stop.stopped).then(() => {
    emitEventStep({
      eventName: PresaleEvents.CAMPAIGN_CANCELED,
      data: transform({ stop }, ({ stop }) => ({
        id: stop.id,
        reason: stop.reason,
        canceled_from: stop.previous!.previous_status,
        open_reservations: stop.open,
        converted_reservations: stop.converted,
      })),
    })
  })
  return new WorkflowResponse(stop)
})

const claimStockReleaseStep = createStep(
  "claim-presale-stock-release",
  async (input: { id: string }, { container }) => {
    const presale = presaleOf(container)
    const campaign: any = await presale.retrievePresaleCampaign(input.id, { relations: ["items"] })
    // Claimed once (a flag in the campaign's metadata), so a retry never takes the units off twice.
    const claimed = await presale.markCancellation(input.id, "stock_released_at", new Date().toISOString())
    const deltas = claimed
      ? (campaign.items as any[]).map((i) => ({ inventory_item_id: i.inventory_item_id as string, delta: -Math.max(0, i.quantity - i.converted) }))
      : []
    return new StepResponse({ location_id: campaign.location_id as string, deltas }, claimed ? input.id : null)
  },
  async (id, { container }) => {
    if (id) await presaleOf(container).unmarkCancellation(id, "stock_released_at")
  }
)

/**
 * Once no reservation is left: the presale location stops "stocking" the campaign's units that
 * were never converted (they are on sale nowhere now).
 */
export const releaseCanceledPresaleStockWorkflow = createWorkflow("release-canceled-presale-stock", (input: { id: string }) => {
  const release = claimStockReleaseStep(input)
  adjustPresaleStockStep(release)
  return new WorkflowResponse(release)
})

/**
 * Cancels a campaign — a draft, or one already selling (active or closed) whose supplier failed.
 *
 * 1. Stops it (status canceled first, so no reservation can slip in; the database's claim reads
 *    the committed status, not a server's cached copy), announced as presale.campaign_canceled.
 * 2. Closes its waiting list (nobody is promoted into a canceled presale).
 * 3. Ends every open reservation (reserved, deposit paid, paid) through the one per-reservation
 *    path (endPresaleReservationWorkflow, reason campaign_canceled): the Medusa order canceled
 *    with everything captured refunded — the campaign's fault, so a deposit too — its
 *    presale-location reservation dropped, the units given back. Converted ones stay.
 * 4. When none is left, takes the unconverted units off the presale location's level (once).
 *
 * Resumable and idempotent: every step is conditional. A call on a canceled campaign carries on
 * where the last stopped (a crash, a failure, its limit) and answers the same counts once done;
 * a reservation already ended is skipped, and Medusa refunds only what is captured and not yet
 * refunded, so nothing is refunded twice. One call at a time per campaign (a lock).
 */
export async function cancelPresaleCampaign(container: MedusaContainer, input: CancelCampaignInput): Promise<CampaignCancellation> {
  const presale = presaleOf(container)
  const campaign: any = await presale.retrievePresaleCampaign(input.id, { select: ["id", "status"] }).catch(() => null)
  if (!campaign) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Presale ${input.id} was not found`)
  const locking = container.resolve(Modules.LOCKING)
  const failures: CampaignCancellation["failures"] = []
  const run = async () => {
    if (campaign.status !== "canceled") {
      // No conversion runs while it stops, and none starts after (convertCampaign refuses a canceled campaign).
      await underLock(
        `presale-convert:${input.id}`,
        () => stopPresaleCampaignWorkflow(container).run({ input: { id: input.id, reason: input.reason ?? null, canceled_by: input.canceled_by ?? null } }),
        60,
        () => new PresaleConflict("A conversion of this presale is running; cancel again once it has finished", "presale_conversion_running")
      )
    }
    // A promotion round that was running has finished before the list closes.
    await underLock(
      `presale-waitlist:${input.id}`,
      () => presale.closeWaitlist(input.id, "The presale was canceled"),
      120,
      () => new PresaleConflict("The waiting list of this presale is being promoted; cancel again in a moment", "presale_waitlist_running")
    )

    const limit = input.limit ?? 500
    const batch = Math.max(1, Math.min(input.batch ?? 50, limit))
    const failed = new Set<string>()
    let done = 0
    while (done < limit) {
      const page = (await presale.listPresaleReservations(
        { campaign_id: input.id, status: OPEN_STATUSES, ...(failed.size ? { id: { $nin: [...failed] } } : {}) } as any,
        { select: ["id"], order: { created_at: "ASC" }, take: Math.min(batch, limit - done) }
      )) as any[]
      if (!page.length) break
      for (const r of page) {
        try {
          await endPresaleReservationWorkflow(container).run({ input: { reservation_id: r.id, reason: "campaign_canceled", canceled_by: input.canceled_by ?? undefined } })
        } catch (e) {
          // Ended meanwhile (the customer, the clock): nothing left to do for it.
          if ((e as PresaleConflict)?.code === "presale_reservation_state") continue
          failed.add(r.id)
          failures.push({ reservation_id: r.id, reason: (e as Error).message })
        }
        done++
      }
    }
    const [, open] = await presale.listAndCountPresaleReservations({ campaign_id: input.id, status: OPEN_STATUSES } as any, { select: ["id"], take: 1 })
    if (open === 0) {
      await releaseCanceledPresaleStockWorkflow(container).run({ input: { id: input.id } })
      await presale.markCancellation(input.id, "completed_at", new Date().toISOString())
    }
  }
  // Each lock's time-out answers with its own code: only the cancellation's own lock means another cancellation runs.
  const underLock = async <T>(key: string, fn: () => Promise<T>, timeout: number, busy: () => PresaleConflict): Promise<T> => {
    try {
      return await locking.execute(key, fn, { timeout })
    } catch (e) {
      if (!(e instanceof PresaleConflict) && /Timed-out acquiring lock/.test((e as Error)?.message ?? "")) throw busy()
      throw e
    }
  }
  await underLock(`presale-cancel:${input.id}`, run, input.wait_seconds ?? 10, () => new PresaleConflict("A cancellation of this presale is running; try again in a moment", "presale_cancel_running"))
  return { ...(await cancellationSummary(container, input.id)), failures }
}

/** What a campaign's cancellation has done so far, from the database and Medusa's payment module. */
export async function cancellationSummary(container: MedusaContainer, id: string): Promise<Omit<CampaignCancellation, "failures">> {
  const presale = presaleOf(container)
  const campaign: any = await presale.retrievePresaleCampaign(id, { select: ["id", "status", "metadata"] })
  const c = campaign.metadata?.cancellation ?? {}
  const outcomes = await presale.reservationOutcomes(id)
  const count = (pred: (o: { status: string; end_reason: string | null }) => boolean) => outcomes.filter(pred).reduce((s, o) => s + o.reservations, 0)
  const ended = (await presale.listPresaleReservations({ campaign_id: id, status: "canceled", end_reason: CAMPAIGN_CANCELED } as any, {
    select: ["deposit_collection_id", "balance_collection_id"],
    take: null as any,
  })) as any[]
  const collections = ended.flatMap((r) => [r.deposit_collection_id, r.balance_collection_id]).filter(Boolean) as string[]
  let refunded = 0
  const payment = container.resolve(Modules.PAYMENT)
  for (let i = 0; i < collections.length; i += 500) {
    const payments = await payment.listPayments({ payment_collection_id: collections.slice(i, i + 500) } as any, { select: ["id"], relations: ["refunds"], take: null as any })
    for (const p of payments as any[]) for (const r of p.refunds ?? []) refunded += Number(r.amount)
  }
  const waitlist = await presale.listAndCountPresaleWaitlistEntries({ campaign_id: id, status: "closed" } as any, { select: ["id"], take: 1 })
  const remaining = count((o) => OPEN_STATUSES.includes(o.status as ReservationStatus))
  return {
    presale_id: id,
    status: "canceled",
    canceled_from: c.canceled_from ?? null,
    reason: c.reason ?? null,
    canceled_at: c.canceled_at ?? null,
    complete: campaign.status === "canceled" && remaining === 0 && !!c.completed_at,
    canceled: ended.length,
    refunded_amount: Math.round(refunded * 100) / 100,
    skipped_converted: count((o) => o.status === "converted"),
    remaining,
    waitlist_closed: waitlist[1],
  }
}
