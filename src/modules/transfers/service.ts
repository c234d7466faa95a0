import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { assertCanStart, TransferRuleError, type LineQuantities, type TransferAction, type TransferStatus } from "../../lib/transfer-state"
import Transfer from "./models/transfer"
import TransferLine from "./models/transfer-line"
import TransferMovement from "./models/transfer-movement"
import TransferPlan from "./models/transfer-plan"
import OrderAllocation from "./models/order-allocation"
import OrderAllocationLine from "./models/order-allocation-line"
import type { AllocationStrategy } from "../../lib/allocation"
import DeliveryRun from "./models/delivery-run"
import DepotFleet from "./models/depot-fleet"

type Sql = { execute: (sql: string, params?: unknown[]) => Promise<any[]> }

export type LineRow = Record<string, any> & { id: string }

export const quantitiesOf = (l: LineRow): LineQuantities => ({
  requested: Number(l.quantity_requested),
  approved: Number(l.quantity_approved),
  shipped: Number(l.quantity_shipped),
  received: Number(l.quantity_received),
  over: Number(l.quantity_over),
  damaged: Number(l.quantity_damaged),
  rejected: Number(l.quantity_rejected),
  closed_short: Number(l.quantity_closed_short),
})

const LINE_QUANTITY_COLUMNS: Record<keyof LineQuantities, string> = {
  requested: "quantity_requested",
  approved: "quantity_approved",
  shipped: "quantity_shipped",
  received: "quantity_received",
  over: "quantity_over",
  damaged: "quantity_damaged",
  rejected: "quantity_rejected",
  closed_short: "quantity_closed_short",
}

/** A transfer line whose units are a customer order's (an allocation transfer's, not detached). */
const CARRIES_ORDER = "(t.origin = 'allocation' AND l.order_line_item_id IS NOT NULL)"

/** What a transition decided, given the document as it stands (locked). */
export type TransitionPlan = {
  status: TransferStatus
  /** Columns to set on the transfer (timestamps, actor). */
  fields?: Record<string, unknown>
  lines?: { id: string; quantities?: Partial<LineQuantities>; status?: string; expected_at?: Date | null; reservation_id?: string | null }[]
}

/** The document before and after a transition: the after drives the stock moves, the before undoes it. */
export type TransitionResult = { before: { transfer: Record<string, any>; lines: LineRow[] }; transfer: Record<string, any>; lines: LineRow[] }

/** A thrown rule becomes the HTTP error it means: a state conflict is 409 with its code. */
export function asMedusaError(e: unknown): unknown {
  if (e instanceof TransferRuleError) {
    return e.kind === "conflict"
      ? new MedusaError(MedusaError.Types.CONFLICT, e.message, e.code)
      : new MedusaError(MedusaError.Types.INVALID_DATA, e.message, e.code)
  }
  return e
}

/** Module options (medusa-config.ts). */
export type TransfersModuleOptions = {
  /**
   * Checkout allocation: "mendian" (default) routes POST /store/carts/:id/complete through
   * completeCartWithAllocationWorkflow; "core" through Medusa's own completeCartWorkflow.
   */
  allocation?: "mendian" | "core"
  /** Replaces the cost-based allocation strategy (see docs/allocation.md). */
  allocation_strategy?: AllocationStrategy
  /** Tunes the default strategy: cost per km, cost per extra location. */
  allocation_options?: { per_km?: number; split_penalty?: number; max_sources?: number }
}

class TransfersModuleService extends MedusaService({
  Transfer,
  TransferLine,
  TransferMovement,
  TransferPlan,
  DeliveryRun,
  DepotFleet,
  OrderAllocation,
  OrderAllocationLine,
}) {
  protected readonly options_: TransfersModuleOptions

  constructor(container: Record<string, unknown>, options: TransfersModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = options ?? {}
  }

  /** Document numbers TR-000001…, from a sequence: unique across processes, never reused. */
  @InjectTransactionManager()
  async nextTransferNumbers(count: number, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const sql = sharedContext.transactionManager as unknown as Sql
    const rows = await sql.execute(`SELECT nextval('transfer_number_seq')::bigint AS n FROM generate_series(1, ?)`, [count])
    return rows.map((r: any) => `TR-${String(r.n).padStart(6, "0")}`)
  }

  /**
   * One state change of one document, atomic: the transfer row is locked (FOR UPDATE) so two
   * concurrent moves on the same document serialise, `action` is checked against the status it
   * finds, `plan` decides the new status and line quantities from the locked rows, and all of it
   * is written in the same transaction. Returns the document before and after.
   */
  @InjectTransactionManager()
  async transitionTransfer(
    id: string,
    action: TransferAction,
    plan: (transfer: Record<string, any>, lines: LineRow[]) => TransitionPlan,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<TransitionResult> {
    const sql = sharedContext.transactionManager as unknown as Sql
    const [transfer] = await sql.execute(`SELECT * FROM transfer WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [id])
    if (!transfer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Transfer ${id} was not found`)
    const lines: LineRow[] = await sql.execute(`SELECT * FROM transfer_line WHERE transfer_id = ? AND deleted_at IS NULL ORDER BY created_at, id`, [id])
    let decided: TransitionPlan
    try {
      assertCanStart(action, transfer.status, transfer.number)
      decided = plan(transfer, lines)
    } catch (e) {
      throw asMedusaError(e)
    }
    return this.writeTransition(sql, transfer, lines, decided)
  }

  /** Puts a document back as it was before a transition (a workflow's compensation). */
  @InjectTransactionManager()
  async restoreTransfer(before: TransitionResult["before"], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const sql = sharedContext.transactionManager as unknown as Sql
    const [current] = await sql.execute(`SELECT * FROM transfer WHERE id = ? FOR UPDATE`, [before.transfer.id])
    const lines = await sql.execute(`SELECT * FROM transfer_line WHERE transfer_id = ? AND deleted_at IS NULL`, [before.transfer.id])
    const t = before.transfer
    await this.writeTransition(sql, current, lines, {
      status: t.status,
      fields: Object.fromEntries(RESTORED_FIELDS.map((f) => [f, t[f] ?? null])),
      lines: before.lines.map((l) => ({
        id: l.id,
        quantities: quantitiesOf(l),
        status: l.status,
        expected_at: l.expected_at ?? null,
        reservation_id: l.reservation_id ?? null,
      })),
    })
  }

  private async writeTransition(sql: Sql, transfer: Record<string, any>, lines: LineRow[], decided: TransitionPlan): Promise<TransitionResult> {
    const sets = ["status = ?", "updated_at = now()"]
    const params: unknown[] = [decided.status]
    for (const [k, v] of Object.entries(decided.fields ?? {})) {
      if (!/^[a-z_]+$/.test(k)) throw new Error(`bad column ${k}`)
      sets.push(`${k} = ?`)
      params.push(v)
    }
    const [after] = await sql.execute(`UPDATE transfer SET ${sets.join(", ")} WHERE id = ? RETURNING *`, [...params, transfer.id])
    for (const change of decided.lines ?? []) {
      const lineSets = ["updated_at = now()"]
      const lineParams: unknown[] = []
      for (const [k, v] of Object.entries(change.quantities ?? {})) {
        lineSets.push(`${LINE_QUANTITY_COLUMNS[k as keyof LineQuantities]} = ?`)
        lineParams.push(v)
      }
      if (change.status !== undefined) lineSets.push("status = ?") && lineParams.push(change.status)
      if (change.expected_at !== undefined) lineSets.push("expected_at = ?") && lineParams.push(change.expected_at)
      if (change.reservation_id !== undefined) lineSets.push("reservation_id = ?") && lineParams.push(change.reservation_id)
      await sql.execute(`UPDATE transfer_line SET ${lineSets.join(", ")} WHERE id = ? AND transfer_id = ?`, [...lineParams, change.id, transfer.id])
    }
    const afterLines: LineRow[] = await sql.execute(`SELECT * FROM transfer_line WHERE transfer_id = ? AND deleted_at IS NULL ORDER BY created_at, id`, [transfer.id])
    return { before: { transfer, lines }, transfer: after, lines: afterLines }
  }

  /**
   * A page of transfers, newest first, with a summary of their lines: filter by statuses, the
   * source, a destination (any line going there), or a location on either side, and a number
   * prefix search.
   */
  @InjectManager()
  async listTransferSummaries(
    f: { status?: string[]; source_location_id?: string; destination_location_id?: string; either_location_id?: string; q?: string; limit: number; offset: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ transfers: Record<string, any>[]; count: number }> {
    const sql = sharedContext.manager as unknown as Sql
    const where = ["t.deleted_at IS NULL"]
    const params: unknown[] = []
    if (f.status?.length) {
      where.push("t.status = ANY(ARRAY(SELECT jsonb_array_elements_text(?::jsonb)))")
      params.push(JSON.stringify(f.status))
    }
    if (f.source_location_id) where.push("t.source_location_id = ?") && params.push(f.source_location_id)
    const toLocation = "EXISTS (SELECT 1 FROM transfer_line d WHERE d.transfer_id = t.id AND d.deleted_at IS NULL AND d.destination_location_id = ?)"
    if (f.destination_location_id) where.push(toLocation) && params.push(f.destination_location_id)
    if (f.either_location_id) where.push(`(t.source_location_id = ? OR ${toLocation})`) && params.push(f.either_location_id, f.either_location_id)
    if (f.q) where.push("t.number ILIKE ?") && params.push(`%${f.q.replace(/[%_\\]/g, "")}%`)
    const [{ count }] = await sql.execute(`SELECT count(*)::int AS count FROM transfer t WHERE ${where.join(" AND ")}`, params)
    const transfers = await sql.execute(
      `SELECT t.*, s.line_count, s.destination_count, s.units_requested, s.units_approved, s.units_shipped, s.units_received
         FROM transfer t
         LEFT JOIN LATERAL (
           SELECT count(*)::int AS line_count, count(DISTINCT l.destination_location_id)::int AS destination_count,
                  coalesce(sum(l.quantity_requested), 0)::int AS units_requested, coalesce(sum(l.quantity_approved), 0)::int AS units_approved,
                  coalesce(sum(l.quantity_shipped), 0)::int AS units_shipped, coalesce(sum(l.quantity_received), 0)::int AS units_received
             FROM transfer_line l WHERE l.transfer_id = t.id AND l.deleted_at IS NULL) s ON true
        WHERE ${where.join(" AND ")}
        ORDER BY t.created_at DESC, t.id DESC
        LIMIT ? OFFSET ?`,
      [...params, f.limit, f.offset]
    )
    return { transfers, count }
  }

  /** Takes a proposed plan for applying, once: 409 when it was applied or discarded already. */
  @InjectTransactionManager()
  async claimPlan(id: string, actor: string | null, @MedusaContext() sharedContext: Context = {}): Promise<Record<string, any>> {
    const sql = sharedContext.transactionManager as unknown as Sql
    const [row] = await sql.execute(
      `UPDATE transfer_plan SET status = 'applied', applied_at = now(), applied_by = ?, updated_at = now()
        WHERE id = ? AND status = 'proposed' AND deleted_at IS NULL RETURNING *`,
      [actor, id]
    )
    if (row) return row
    const [existing] = await sql.execute(`SELECT status FROM transfer_plan WHERE id = ? AND deleted_at IS NULL`, [id])
    if (!existing) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Transfer plan ${id} was not found`)
    throw new MedusaError(MedusaError.Types.CONFLICT, `Transfer plan ${id} is ${existing.status}; only a proposed plan can be applied`, "plan_not_proposed")
  }

  /**
   * Units on order to a location per variant: transfer lines requested or approved but not yet
   * shipped (shipped units are in the destination level's incoming quantity instead). Lines of
   * allocation transfers still carrying their order's units are left out: those units are a
   * customer's, not stock for the shop.
   */
  @InjectManager()
  async onOrderAt(locationId: string, @MedusaContext() sharedContext: Context = {}): Promise<Map<string, number>> {
    const sql = sharedContext.manager as unknown as Sql
    const rows = await sql.execute(
      `SELECT l.variant_id, sum(CASE WHEN t.status = 'approved' THEN l.quantity_approved ELSE l.quantity_requested END)::int AS quantity
         FROM transfer_line l JOIN transfer t ON t.id = l.transfer_id AND t.deleted_at IS NULL
        WHERE l.destination_location_id = ? AND l.deleted_at IS NULL AND l.status <> 'rejected'
          AND t.status IN ('requested', 'approved')
          AND NOT ${CARRIES_ORDER}
        GROUP BY l.variant_id`,
      [locationId]
    )
    return new Map(rows.map((r: any) => [r.variant_id, r.quantity]))
  }

  /**
   * Units per variant in transit to a location on allocation transfers that still carry their
   * order's units (shipped, not yet received, damaged, rejected or closed short). They are in
   * the destination level's incoming quantity, but arrive reserved for the order: replenishment
   * takes them out of the shop's incoming. A shipped transfer whose order was cancelled no longer
   * names the order line, so its units count as incoming again (they arrive for sale).
   */
  @InjectManager()
  async orderUnitsInTransitTo(locationId: string, @MedusaContext() sharedContext: Context = {}): Promise<Map<string, number>> {
    const sql = sharedContext.manager as unknown as Sql
    const rows = await sql.execute(
      `SELECT l.variant_id,
              sum(l.quantity_shipped - (l.quantity_received - l.quantity_over) - l.quantity_damaged - l.quantity_rejected - l.quantity_closed_short)::int AS quantity
         FROM transfer_line l JOIN transfer t ON t.id = l.transfer_id AND t.deleted_at IS NULL
        WHERE l.destination_location_id = ? AND l.deleted_at IS NULL
          AND t.status IN ('in_transit', 'partially_received')
          AND ${CARRIES_ORDER}
        GROUP BY l.variant_id`,
      [locationId]
    )
    return new Map(rows.filter((r: any) => r.quantity > 0).map((r: any) => [r.variant_id, r.quantity]))
  }

  /** Checkout allocation settings from the module's options. */
  getAllocationSettings(): Required<Pick<TransfersModuleOptions, "allocation">> & Omit<TransfersModuleOptions, "allocation"> {
    return {
      allocation: this.options_.allocation === "core" ? "core" : "mendian",
      allocation_strategy: this.options_.allocation_strategy,
      allocation_options: this.options_.allocation_options,
    }
  }
}

const RESTORED_FIELDS = ["requested_at", "approved_at", "approved_by", "shipped_at", "shipped_by", "received_at", "closed_at", "cancelled_at"]

export default TransfersModuleService
